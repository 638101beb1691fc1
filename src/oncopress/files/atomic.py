"""Writing a file so that an interrupted write never leaves half of it: the data goes
to a temporary file in the same folder, which then replaces the target in one rename.
The PDF cache and the editors' commands (the sign-off ledger, the pages they date)
write through it."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path


@functools.cache
def current_umask() -> int:
    """The process's umask (read once: Linux shows it in /proc, elsewhere it is set
    and put back at once)."""
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        status = ""
    for line in status.splitlines():
        if line.startswith("Umask:"):
            return int(line.split()[1], 8)
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def new_file_mode() -> int:
    """A new file's permissions, as ``open`` gives them: 0o644 under the usual umask 022."""
    return 0o666 & ~current_umask()


def new_folder_mode() -> int:
    """A new folder's permissions, as ``mkdir`` gives them: 0o755 under umask 022."""
    return 0o777 & ~current_umask()


def write_atomically(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, with
    permissions ``mode`` (default: those of the file it replaces, else those of a new
    file, ``new_file_mode``)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = write_beside(target, data, mode)
    try:
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_beside(target: Path, data: bytes, mode: int | None = None) -> str:
    """Write ``data`` to a new temporary file in ``target``'s folder (which must exist),
    with ``target``'s permissions (see ``write_atomically``), and return its path."""
    if mode is None:
        mode = target.stat().st_mode & 0o777 if target.exists() else new_file_mode()
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, mode)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary
