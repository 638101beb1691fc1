"""One process at a time: the build into one output folder, the editors' writes to the
sign-off ledger. A lock file beside what it guards (``.site.lock`` next to ``site/``,
``.sign-offs.yml.lock`` next to the ledger); the process that holds it removes it when
done, so nothing stays behind after a clean run.

How it is removed differs, as filelock's own release does: on POSIX the holder unlinks
it while still holding it (a process waiting on it finds it gone once it gets the lock,
and takes a new one: filelock checks the file's link count); on Windows an open file
cannot be deleted, so filelock's release removes it itself once it is unlocked and
closed, and leaves it when another process has it open (that one takes it next)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

#: Whether filelock's release removes the lock file itself (its Windows lock does).
RELEASE_REMOVES = sys.platform == "win32"


def lock_path(guarded: Path) -> Path:
    """The lock file of ``guarded``: ``.<name>.lock`` beside it."""
    return guarded.with_name(f".{guarded.name}.lock")


@contextmanager
def exclusive(guarded: Path, waiting: Callable[[Path], None]) -> Iterator[None]:
    """Hold the lock of ``guarded``; when another process holds it, call ``waiting``
    with the lock file once, then wait for it. Raises ``OSError`` when the lock file
    cannot be created (a read-only folder)."""
    path = lock_path(guarded)
    # Created here first, so that a folder nobody may write to fails at once with the
    # system's reason (filelock would take some of them for a lock held by another).
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o666))
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        waiting(path)
        lock.acquire()
    try:
        yield
    finally:
        if not RELEASE_REMOVES:
            # Removed while still held: a process waiting on this file finds it gone once
            # it gets the lock, and takes a new one (filelock checks the file's link count).
            path.unlink(missing_ok=True)
        lock.release()
