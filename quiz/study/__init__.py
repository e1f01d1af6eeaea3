"""Studying: the session loop (`session`), what comes next (`queue`), answer checking (`answers`),
grades from correctness and speed (`grading`), and the prompts (`prompts`).
"""
