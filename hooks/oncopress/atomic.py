"""Writing a file so that an interrupted write never leaves half of it: the data goes
to a temporary file in the same folder, which then replaces the target in one rename.
The PDF cache and the editors' commands (the sign-off ledger, the pages they date)
write through it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

FILE_MODE = 0o644  # a new file's permissions: readable by all, written by its owner


def write_atomically(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, with
    permissions ``mode`` (default: those of the file it replaces, else ``FILE_MODE``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    if mode is None:
        mode = target.stat().st_mode & 0o777 if target.exists() else FILE_MODE
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
