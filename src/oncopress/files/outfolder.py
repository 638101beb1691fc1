"""Where ``./tasks build`` may put the site it builds.

A build replaces its output folder with the new site, so a folder that is not one of
its own sites must never be that folder: the project, a folder above it, the sources,
a git repository, or any folder with something in it that a build did not make. Each
site a build makes carries a small hidden marker file (``SITE_MARKER``); only a
marked folder, an empty one or a new one is accepted.
"""

from __future__ import annotations

import os
from pathlib import Path

from oncopress.system import tasks_command

SITE_MARKER = ".oncopress-site"
MARKER_TEXT = (
    "A site built by ./tasks build (tools/build_site.py): the next build replaces this folder.\n"
)
# The folders of the project that hold what the site is made from, and git's data.
SOURCE_FOLDERS = ("docs", "docs_es", "hooks", "src", "tests", "overrides", "tools", ".git")
# What the tools keep beside the sources: the caches, the editorial report, Python.
WORK_FOLDERS = (".cache", "reports", ".venv")


class OutputFolderError(ValueError):
    """The output folder named is one a build must not replace; the message says why."""


def check_output_folder(given: str, cwd: Path, root: Path) -> Path:
    """The absolute output folder that ``given`` names (relative to ``cwd``), or
    :class:`OutputFolderError` when replacing it could lose anything: ``root`` is the
    project folder. Reads the file system; writes nothing."""
    if not given.strip():
        raise OutputFolderError(f"Build refused: no output folder was named; name {_new()}")
    named = Path(os.path.abspath(cwd / given))
    if named.is_symlink():
        raise OutputFolderError(
            f"Build refused: {named} is a symbolic link (to {os.readlink(named)}); {_replaces()} "
            f"and does not follow links: name the folder it points to, or {_new()}"
        )
    out = named.resolve()
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"Build refused: {out} is a file, not a folder; name {_new()}")
    project = root.resolve()
    if out == project:
        _refuse(out, "is the project folder")
    if out in project.parents:
        _refuse(out, f"contains the project ({project}/)")
    for name in SOURCE_FOLDERS:
        source = project / name
        if out == source:
            _refuse(out, f"holds the project's sources ({name}/)")
        if source in out.parents:
            _refuse(out, f"is inside the project's sources ({name}/)")
    for name in WORK_FOLDERS:
        work = project / name
        if out == work or work in out.parents:
            _refuse(out, f"is where the build keeps its caches, reports or Python ({name}/)")
    if not out.is_dir():
        return out
    if (out / ".git").exists():
        _refuse(out, "is a git repository (it has a .git)")
    if any(out.iterdir()) and not (out / SITE_MARKER).is_file():
        raise OutputFolderError(
            f"Build refused: {out}/ is not empty and was not made by {tasks_command('build')} (it "
            f"has no {SITE_MARKER} file); {_replaces()}, which would delete what is in it: "
            f"name {_new()}, or "
            "delete this folder yourself first if it only holds an old site"
        )
    return out


def is_built_site(folder: Path) -> bool:
    """Whether ``folder`` is a site a build made (it carries the marker)."""
    return (folder / SITE_MARKER).is_file()


def _refuse(out: Path, why: str) -> None:
    raise OutputFolderError(
        f"Build refused: {out}/ {why}; {_replaces()}, which would delete it: name {_new()}"
    )


def _replaces() -> str:
    return f"{tasks_command('build')} replaces its output folder with the new site"


def _new() -> str:
    return f"a new or empty folder, like: {tasks_command('build site')}"
