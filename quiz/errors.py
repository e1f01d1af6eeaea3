"""The one base class of the errors quiz reports to the person as a message, not a traceback.

Every command runs inside `commands.common.guarded`, which prints a `QuizError` as
`quiz: MESSAGE` and exits 1. This module imports nothing, so catching costs no start-up time.
"""

from __future__ import annotations


class QuizError(Exception):
    """A user mistake or a failing resource (file, database) with a message fit to show as is."""
