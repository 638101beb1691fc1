"""The folder of sources itself: symbolic links that would break or hang a build.

MkDocs walks ``docs/`` following symbolic links (``docs/es`` is one, to
``docs_es/``). A link to a missing file, a link to itself, or a link to a folder
that contains it makes that walk end in a traceback, or never end: two such
folder links nest 2^40 paths deep. ``link_problems`` finds them first, without
following any link twice on the way down.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


def link_problems(folder: Path, root: Path) -> list[str]:
    """A message for every broken symbolic link under ``folder`` (paths shown from
    ``root``, the project folder), in walking order. Hidden files and folders
    (``.git``), which MkDocs skips, are skipped too."""
    problems: list[str] = []
    real_root = os.path.realpath(root)
    _visit(folder, (os.path.realpath(folder),), real_root, problems)
    return problems


def _visit(folder: Path, ancestors: tuple[str, ...], root: str, problems: list[str]) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return  # an unreadable folder: MkDocs names it itself
    for entry in entries:
        if entry.name.startswith("."):
            continue
        shown = _shown(os.path.join(ancestors[-1], entry.name), root)
        if not entry.is_symlink():
            if entry.is_dir():
                _visit(Path(entry.path), (*ancestors, os.path.realpath(entry.path)), root, problems)
            continue
        try:
            target = os.path.realpath(entry.path, strict=True)
        except OSError as error:
            problems.append(_broken(shown, os.readlink(entry.path), error))
            continue
        if not os.path.isdir(target):
            continue
        if target in ancestors:
            problems.append(
                f"Symbolic link '{shown}' leads back to '{_shown(target, root)}', a folder "
                "that contains it (a loop): remove the link"
            )
        else:
            _visit(Path(entry.path), (*ancestors, target), root, problems)


def _broken(shown: str, points_to: str, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return f"Symbolic link '{shown}' leads back to itself (a loop): remove the link"
    if error.errno == errno.ENOENT:
        return (
            f"Symbolic link '{shown}' points to '{points_to}', which does not exist: "
            "remove the link or restore the file"
        )
    return f"Symbolic link '{shown}' cannot be followed ({error.strerror}): remove the link"


def _shown(path: str, root: str) -> str:
    """``path`` from the project folder, as an editor would type it."""
    return Path(os.path.relpath(path, root)).as_posix()


def summarize_links(problems: list[str]) -> str:
    """One message listing every broken link."""
    noun = "problem" if len(problems) == 1 else "problems"
    return "\n".join(
        [f"Source folder check failed: {len(problems)} {noun}"]
        + [f"  {problem}" for problem in problems]
    )
