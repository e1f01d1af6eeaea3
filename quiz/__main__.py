"""`python -m quiz` runs the command line."""

from quiz.cli import main

main()
