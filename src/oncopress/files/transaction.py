"""Changing several files as one: either every file changes, or none does.

Each new text is first written to a temporary file next to its target; only when all
are written do they replace their targets, one rename each, and the files to delete
go. If anything fails on the way (a full disk, a read-only folder, an interruption),
every file already changed gets its old bytes back, files that did not exist are
removed, and so are the folders made for them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from oncopress.files.atomic import write_atomically, write_beside


def apply_changes(root: Path, writes: Mapping[str, bytes], removes: Iterable[str] = ()) -> None:
    """Write ``writes`` (path from ``root``: bytes) and delete ``removes``, all or none;
    a folder a deletion leaves empty is removed too."""
    gone = list(removes)
    before = {path: _read(root / path) for path in [*writes, *gone]}
    made: list[Path] = []
    staged: dict[str, str] = {}
    done: list[str] = []
    try:
        for path, data in writes.items():
            staged[path] = _stage(root / path, data, made)
        for path, temporary in staged.items():
            os.replace(temporary, root / path)
            done.append(path)
        for path in gone:
            (root / path).unlink()
            done.append(path)
    except BaseException:
        for temporary in staged.values():
            Path(temporary).unlink(missing_ok=True)
        for path in reversed(done):
            old = before[path]
            if old is None:
                (root / path).unlink(missing_ok=True)
            else:
                write_atomically(root / path, old)
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    for path in gone:
        _remove_empty(root / path, root)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _stage(target: Path, data: bytes, made: list[Path]) -> str:
    missing = [folder for folder in [target.parent, *target.parent.parents] if not folder.exists()]
    for folder in reversed(missing):
        folder.mkdir()
        made.append(folder)
    return write_beside(target, data)


def _remove_empty(path: Path, root: Path) -> None:
    folder = path.parent
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
