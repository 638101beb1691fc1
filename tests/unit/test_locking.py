"""The lock file of a build's output folder and of the sign-off ledger
(oncopress.files.locking) on each system: removed by its holder while held on POSIX;
on Windows, where an open file cannot be deleted, left to filelock's release, which
removes it once it is unlocked (issue 21).

Replicate: ./tasks test tests/unit/test_locking.py
"""

from __future__ import annotations

from pathlib import Path

import pytest

from oncopress.files import locking


def never_waits(lock: Path) -> None:
    raise AssertionError(f"nobody else holds {lock}")


def test_posix_the_holder_removes_the_lock_file(tmp_path: Path) -> None:
    guarded = tmp_path / "site"
    with locking.exclusive(guarded, never_waits):
        assert locking.lock_path(guarded).exists()
    assert sorted(path.name for path in tmp_path.iterdir()) == []


def test_windows_the_held_lock_file_is_never_deleted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to delete a file a process has open: the PermissionError it raises
    would escape the ``finally`` and leave the lock held. Simulated: deleting the lock file
    fails while it is held, as there."""
    guarded = tmp_path / "sign-offs.yml"
    path = locking.lock_path(guarded)
    released: list[bool] = []
    original_release = locking.FileLock.release
    original_unlink = Path.unlink

    def release(self: locking.FileLock, force: bool = False) -> None:
        original_release(self, force=force)
        released.append(True)
        if not self.is_locked:
            original_unlink(path, missing_ok=True)  # what filelock's Windows release does

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == path and not released:
            raise PermissionError(13, "The process cannot access the file", str(self))
        original_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(locking, "RELEASE_REMOVES", True)
    monkeypatch.setattr(locking.FileLock, "release", release)
    monkeypatch.setattr(Path, "unlink", unlink)
    with locking.exclusive(guarded, never_waits):
        assert path.exists()
    assert released  # unlocked, not stuck behind a PermissionError
    assert not path.exists()
    with locking.exclusive(guarded, never_waits):  # and the next one takes it at once
        pass


def test_the_release_removes_the_file_only_on_windows() -> None:
    assert locking.RELEASE_REMOVES is False  # this system: POSIX
