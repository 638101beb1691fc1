"""The files of every language's folder as the build finds them, without MkDocs: every
Markdown page (``SourcePage``, in its language) and the other files (style sheets...),
following symbolic links and skipping hidden files and folders, as MkDocs does. The
pages of a language other than the default are in a folder of their own
(``oncopress.settings.language_folders``: ``docs_es/``), which mkdocs-static-i18n sees
as its language folder (``es/``). Paths are shown from the project folder, links
resolved (``docs_es/care.md``).

Run ``oncopress.pages.sourcetree.link_problems`` first: a broken or looping link would
make the walk fail or never end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from oncopress.checks.preflight import SourcePage, source_path


@dataclass(frozen=True)
class SourceFile:
    """One file of the docs folder."""

    absolute: Path
    src_uri: str  # its path in the docs folder: ``es/care.md``
    path: str  # from the project folder, links resolved: ``docs_es/care.md``
    locale: str
    uri: str  # its path in its language: ``care.md``


def source_files(folders: Mapping[str, Path], root: Path, original: str) -> list[SourceFile]:
    """Every file of each language's folder in ``folders`` (hidden ones skipped), in
    the order MkDocs would walk them as one tree, the other languages' folders at
    ``<locale>/``: each folder's files by name, then its folders by name."""
    files = []
    for locale, folder in folders.items():
        for absolute in _walk(folder):
            uri = absolute.relative_to(folder).as_posix()
            src_uri = uri if locale == original else f"{locale}/{uri}"
            path = source_path(str(absolute), src_uri, str(root))
            files.append(SourceFile(absolute, src_uri, path, locale, uri))
    return sorted(files, key=lambda file: walk_order(file.src_uri))


def walk_order(src_uri: str) -> tuple[tuple[str, ...], str]:
    """Where a file comes in a walk of the whole tree: its folders, then its name."""
    *parents, name = src_uri.split("/")
    return tuple(parents), name


def read_pages(files: Sequence[SourceFile]) -> list[SourcePage]:
    """The Markdown pages among ``files``, each with its bytes as saved."""
    return [
        SourcePage(file.path, file.locale, file.absolute.read_bytes())
        for file in files
        if file.src_uri.endswith(".md")
    ]


def _walk(folder: Path) -> Iterator[Path]:
    for current, dirs, names in os.walk(folder, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield Path(current) / name
