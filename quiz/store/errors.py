"""What a failing scores database means to the person: StoreError and the words for each failure
(locked, full disk, read-only, damaged), with the checks that tell them apart."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from quiz.errors import QuizError


class StoreError(QuizError):
    """The database cannot be opened or used, or is from a newer quiz."""


BUSY_SECONDS = 5.0
# A method whose transaction found the database locked past BUSY_SECONDS runs again this many
# times (the answer in progress is saved once the other program lets go); then it gives up.
BUSY_RETRIES = 3
SQLITE_BUSY, SQLITE_LOCKED = 5, 6


def explain(exc: sqlite3.Error | OSError, path: Path | str, opening: bool = False) -> str:
    """What a database failure means to the person, in their words."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        held = BUSY_SECONDS * (BUSY_RETRIES + 1)
        return f"the scores database {path} is busy: another program held it for over {held:.0f} s; try again when it is done"
    # A full disk can also show as an I/O error: SQLite cannot grow quiz.db-shm.
    if "full" in text or "disk I/O error" in text and disk_nearly_full(path):
        return f"the disk holding the scores database {path} is full; free some space and try again"
    if "readonly" in text or "read-only" in text:
        stuck = [str(file) for file in files(path) if file.exists() and not os.access(file, os.W_OK)]
        if stuck:
            return f"the scores database {path} is read-only ({', '.join(stuck)}); make it writable: chmod u+w {' '.join(stuck)}"
        return f"the scores database {path} is read-only; check its permissions (and those of {Path(path).name}-wal and -shm)"
    if "malformed" in text or "not a database" in text:
        return f"the scores database {path} is damaged ({text}); keep a copy and restore a backup, or move it aside to start afresh"
    return f"cannot open the scores database {path}: {text}" if opening else f"the scores database {path} failed: {text}"


LOW_SPACE = 1 << 20  # bytes free below which a disk I/O error is taken for a full disk


def disk_nearly_full(path: Path | str) -> bool:
    try:
        space = os.statvfs(Path(path).parent)
    except OSError:
        return False
    return space.f_bavail * space.f_frsize < LOW_SPACE


def files(path: Path | str) -> list[Path]:
    """The database and the log and shared-memory files SQLite keeps beside it in WAL mode."""
    return [Path(path), Path(f"{path}-wal"), Path(f"{path}-shm")]


def writable_scratch_files(path: Path) -> None:
    """SQLite makes quiz.db-wal and -shm with the database's mode, so a read-only quiz.db leaves
    them read-only, and they stay so once quiz.db is writable again: every write would still
    fail. Give them the database's mode back when it is writable (they hold nothing of their own
    that another reader could be kept from)."""
    if not os.access(path, os.W_OK):
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    for scratch in files(path)[1:]:
        if scratch.exists() and not os.access(scratch, os.W_OK):
            with contextlib.suppress(OSError):
                os.chmod(scratch, mode)


def busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", 0) & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
