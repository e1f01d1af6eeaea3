"""Writing files safely (quiz/files.py): atomic, permission-preserving, never over a device,
exclusive when creating, and serialised for read-modify-write."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz.files import FileError, locked, write_text


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@given(st.text())
def test_what_is_written_is_read_back(text: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "deck.yaml"
        write_text(target, text)
        with target.open(encoding="utf-8", newline="") as written:
            assert written.read() == text
        assert [p.name for p in Path(folder).iterdir()] == ["deck.yaml"]


def test_a_new_file_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_text(tmp_path / "new.yaml", "a")
        assert mode(tmp_path / "new.yaml") == 0o644
        kept = tmp_path / "kept.yaml"
        kept.write_text("old")
        kept.chmod(0o640)
        write_text(kept, "new")
        assert (mode(kept), kept.read_text()) == (0o640, "new")
    finally:
        os.umask(old)


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old")
    link = tmp_path / "link.yaml"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_only_regular_files_are_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileError, match="is not a regular file"):
        write_text(fifo, "x")
    with pytest.raises(FileError, match="is a directory"):
        write_text(tmp_path, "x")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


def test_create_only_never_replaces_even_a_file_that_appears_meanwhile(tmp_path: Path) -> None:
    target = tmp_path / "deck.yaml"
    write_text(target, "first", create_only=True)
    with pytest.raises(FileError, match="already exists"):
        write_text(target, "second", create_only=True)
    wins: list[str] = []
    errors: list[FileError] = []
    start = threading.Barrier(8)

    def create(n: int) -> None:
        start.wait()
        try:
            write_text(tmp_path / "raced.yaml", f"writer {n}", create_only=True)
            wins.append(f"writer {n}")
        except FileError as exc:
            errors.append(exc)

    threads = [threading.Thread(target=create, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(wins) == 1 and len(errors) == 7
    assert (tmp_path / "raced.yaml").read_text() == wins[0]
    assert target.read_text() == "first"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("old")

    def broken(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(FileError, match="No space left on device"):
        write_text(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deck.yaml"]


def test_locked_lets_one_writer_change_the_file_at_a_time(tmp_path: Path) -> None:
    target = tmp_path / "count.txt"
    write_text(target, "0")

    def add_one() -> None:
        for _ in range(20):
            with locked(target):
                write_text(target, str(int(target.read_text()) + 1))

    threads = [threading.Thread(target=add_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_text() == "80"


def test_read_bytes_reads_only_regular_files_within_the_limit(tmp_path: Path) -> None:
    from quiz.files import read_bytes

    from conftest import watchdog

    (tmp_path / "deck.yaml").write_bytes(b"12345")
    assert read_bytes(tmp_path / "deck.yaml", 5) == b"12345"
    with pytest.raises(FileError, match=r"deck.yaml: deck is 5 bytes; the limit is 4$"):
        read_bytes(tmp_path / "deck.yaml", 4, "deck")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "zero").symlink_to("/dev/zero")
    with watchdog(10):  # neither is opened for a read that never ends
        for path in (tmp_path / "pipe", tmp_path / "zero"):
            with pytest.raises(FileError, match="is not a regular file"):
                read_bytes(path, 100)
    with pytest.raises(FileError, match="is a directory"):
        read_bytes(tmp_path, 100)
    with pytest.raises(FileError, match="cannot read file: No such file"):
        read_bytes(tmp_path / "missing", 100)
