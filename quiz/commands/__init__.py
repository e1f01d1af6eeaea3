"""One module per `quiz` command; quiz/cli.py puts them together. Each command imports what it
needs only when it runs, so `quiz --help` stays fast."""
