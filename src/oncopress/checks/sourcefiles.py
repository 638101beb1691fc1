"""The files of the docs folder as MkDocs finds them, without MkDocs: every Markdown page
(``SourcePage``, in its language) and the other files (style sheets...), walking
symbolic links (``docs/es`` -> ``docs_es``) and skipping hidden files and folders, as
MkDocs does. Paths are shown from the project folder, links resolved
(``docs_es/care.md``).

Run ``oncopress.pages.sourcetree.link_problems`` first: a broken or looping link would
make the walk fail or never end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from oncopress.checks.preflight import SourcePage, language_of, source_path


@dataclass(frozen=True)
class SourceFile:
    """One file of the docs folder."""

    absolute: Path
    src_uri: str  # its path in the docs folder: ``es/care.md``
    path: str  # from the project folder, links resolved: ``docs_es/care.md``
    locale: str
    uri: str  # its path in its language: ``care.md``


def source_files(docs: Path, root: Path, locales: Sequence[str], original: str) -> list[SourceFile]:
    """Every file of ``docs`` (hidden ones skipped), in walking order: each folder's
    files by name, then its folders by name."""
    files = []
    for absolute in _walk(docs):
        src_uri = absolute.relative_to(docs).as_posix()
        locale, uri = language_of(src_uri, list(locales), original)
        path = source_path(str(absolute), src_uri, str(root))
        files.append(SourceFile(absolute, src_uri, path, locale, uri))
    return files


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
