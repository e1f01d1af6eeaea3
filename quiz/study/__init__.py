"""Studying: the session loop with undo, suspend and bury (`session`), what a session holds (`planning`:
tags, cram, studying ahead, exam dates), what comes next (`queue`), answer checking (`answers`),
grades from correctness and speed (`grading`), exams (`exam`: drawing, marking, scores; `sitting`:
the exam loop), and the prompts (`prompts`).
"""
