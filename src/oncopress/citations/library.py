"""The bibliography pages cite from, as the citation extension reads it, and its
references in house style in one language.

- One or more BibTeX files, each checked as the build checks it
  (``bibfile.load_bibliography``: every problem with its line), merged as mkdocs-bibtex
  merges them: a key of a later file replaces an earlier file's; keys match whatever
  their case, as pybtex matches them.
- A reference in another language than the page's has a note after its title
  (``oncopress.citations.reflang``): "... survivors of cancer (en inglés)."

Python-Markdown makes a new extension for every page it renders (MkDocs does), so
``load_references`` keeps what it read: the files are read and checked again only when
one of them changed (its size or modification time), and each reference is formatted
once per language.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from pybtex.database import BibliographyData

from oncopress.citations.bibfile import BibliographyError, load_bibliography
from oncopress.citations.references import ReferenceBook, reference_html
from oncopress.citations.reflang import language_note, reference_language, with_language_note

CACHED_BIBLIOGRAPHIES = 8  # sets of files (and languages) kept at once


class HouseReferences:
    """The references of a bibliography for pages in ``locale``: ``html(key)`` is a
    reference in house style, as HTML safe inside Markdown."""

    def __init__(self, entries: Mapping[str, Any], locale: str, source: str) -> None:
        self.locale = locale
        self.source = source  # the bibliography as messages name it: "bibliography.bib"
        self._entries = entries
        self._book = ReferenceBook(entries)
        self._html: dict[str, str] = {}

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def keys(self) -> Iterator[str]:
        """Every key, in the bibliography's order."""
        return iter(self._entries)

    def html(self, key: str) -> str:
        if key not in self._html:
            fields = self._entries[key].fields
            note = language_note(reference_language(fields), self.locale)
            if note:
                self._html[key] = reference_html(
                    with_language_note(self._book.reference(key), note), self.locale
                )
            else:
                self._html[key] = self._book.html(key, self.locale)
        return self._html[key]


def load_references(paths: Sequence[str], locale: str) -> HouseReferences:
    """The references of the BibTeX files ``paths`` (as given: relative to the working
    folder) for pages in ``locale``; ``BibliographyError`` when a file is missing or
    has problems (each with its line)."""
    if not paths:
        raise BibliographyError("No bibliography: name at least one BibTeX file")
    return _references(tuple(_stamp(path) for path in paths), locale)


def _stamp(path: str) -> tuple[str, int, int]:
    try:
        status = os.stat(path)
    except OSError:
        raise BibliographyError(f"Bibliography '{path}' not found") from None
    return path, status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=CACHED_BIBLIOGRAPHIES)
def _references(stamps: tuple[tuple[str, int, int], ...], locale: str) -> HouseReferences:
    names = [path for path, _, _ in stamps]
    return HouseReferences(_entries(stamps), locale, ", ".join(names))


@functools.lru_cache(maxsize=CACHED_BIBLIOGRAPHIES)
def _entries(stamps: tuple[tuple[str, int, int], ...]) -> Mapping[str, Any]:
    merged: dict[str, Any] = {}
    for path, _, _ in stamps:
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise BibliographyError(f"Bibliography '{path}' cannot be read ({error})") from None
        merged.update(load_bibliography(data, path).entries)
    entries: Mapping[str, Any] = BibliographyData(entries=merged).entries
    return entries
