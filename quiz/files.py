"""The person's files, read and written safely: only regular files, read within a size limit,
written whole or not at all, and one writer at a time for read-modify-write changes.

`read_bytes` opens without blocking and checks what it opened, so a device (`/dev/zero`), a
pipe or a link to either is refused instead of read forever, and reads at most one byte past
the limit, whatever `stat` claimed the size was.

`write_text` writes a temporary file in the target's folder, flushes it to disk and renames it
over the target, so a crash leaves the old file or the new one, never half of either. A new
file gets the permissions the umask allows (as `open` would); a replaced file keeps its own.
A symbolic link is followed: the file it points to is replaced and the link stays. `locked`
serialises commands that read a deck, change it and write it back (`--merge`, `quiz add`).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from quiz.errors import QuizError


class FileError(QuizError):
    """A file cannot be read or written where asked; the message names it."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def read_bytes(path: Path, limit: int, what: str = "file") -> bytes:
    """The contents of the regular file at `path` (links followed); refused past `limit` bytes."""
    try:
        # O_NONBLOCK: opening a pipe for reading would otherwise wait for a writer.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise FileError(path, f"cannot read {what}: {exc.strerror or exc}") from None
    info = os.fstat(descriptor)
    if not stat.S_ISREG(info.st_mode):
        os.close(descriptor)
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file (a device or a pipe?)"
        raise FileError(path, f"is {kind}; a {what} must be a regular file")
    with os.fdopen(descriptor, "rb") as stream:
        try:
            # One byte past the limit: the file may have grown since fstat.
            data = b"" if info.st_size > limit else stream.read(limit + 1)
        except OSError as exc:
            raise FileError(path, f"cannot read {what}: {exc.strerror or exc}") from None
    if info.st_size > limit or len(data) > limit:
        raise FileError(path, f"{what} is {max(info.st_size, len(data)):,} bytes; the limit is {limit:,}")
    return data


def _target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The file to write (a link's target) and its status, or None when it does not exist yet."""
    real = path.resolve() if path.is_symlink() else path
    try:
        info = real.stat()
    except FileNotFoundError:
        return real, None
    except OSError as exc:
        raise FileError(path, f"cannot write: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise FileError(path, f"is {kind}; give the name of a file to write")
    return real, info


def write_text(path: Path, text: str, *, create_only: bool = False) -> None:
    """Write `text` to `path` atomically, as UTF-8 with its line endings as they are.

    With `create_only`, fail if `path` exists, even when another process created it after any
    earlier check: the file is linked into place, which never replaces anything.
    """
    write_bytes(path, text.encode("utf-8"), create_only=create_only)


def write_bytes(path: Path, data: bytes, *, create_only: bool = False) -> None:
    """Write `data` to `path` atomically; `create_only` as for `write_text`."""
    real, existing = _target(path)
    if create_only and existing is not None:
        raise FileError(path, "already exists")
    folder = real.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileError(path, f"cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fchmod(stream.fileno(), stat.S_IMODE(existing.st_mode) if existing else 0o666 & ~_umask())
            os.fsync(stream.fileno())
        if create_only:
            os.link(temporary, real)
            os.unlink(temporary)
        else:
            os.replace(temporary, real)
        _sync_folder(folder)
    except FileExistsError:
        Path(temporary).unlink(missing_ok=True)
        raise FileError(path, "already exists (another process created it meanwhile)") from None
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise FileError(path, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a crash right after it must not bring the old file back)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock for changing `path`, waiting for any other holder.

    The lock is on a hidden file beside it (`.NAME.lock`): a lock on the file itself would be
    lost when a writer renames a new file into its place.
    """
    real = path.resolve() if path.is_symlink() else path
    lock_path = real.parent / f".{real.name}.lock"
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666 & ~_umask())
    except OSError as exc:
        raise FileError(path, f"cannot lock for writing: {exc.strerror or exc}") from None
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)
