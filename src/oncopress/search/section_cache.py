"""Search sections kept between builds, keyed by a hash of the page's HTML.

Material's search plugin reads every page's HTML with a Python ``HTMLParser`` and
splits it into sections (a heading, its text): a third of a millisecond a page, most
of it for the reference lists. What comes out depends only on the HTML and on the
parsing code, so a page whose HTML did not change gives the same sections: the cache
keeps them by a SHA-256 of the HTML, and is thrown away whole when the parsing code
may have changed (another Material or Python version: ``version``). Deleting the
cache file is always safe.

Only the parsing is kept: the entries (the section's address on the page, its title
when it has none...) are made from the sections on every build, as without the cache.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from oncopress.files.cachefile import cached_entries

CACHE_FORMAT = 1


@dataclass(frozen=True)
class IndexedSection:
    """A section of a page as the search parser read it: its heading's ``id`` (None
    for the first), its ``title`` (None: no heading, so the page's title is used) and
    its ``text``, both as the parser wrote them (HTML-escaped, with the kept tags)."""

    id: str | None
    title: str | None
    text: str


class SearchSectionCache:
    """Sections by key; ``used`` records the keys this build looked up, so a saved
    cache holds only the pages the site still has."""

    def __init__(
        self, version: str, entries: dict[str, tuple[IndexedSection, ...]] | None = None
    ) -> None:
        self.version = version
        self.entries: dict[str, tuple[IndexedSection, ...]] = dict(entries or {})
        self.used: set[str] = set()
        self._stored = False

    @staticmethod
    def key(html: str) -> str:
        return hashlib.sha256(html.encode("utf-8")).hexdigest()

    def lookup(self, key: str) -> tuple[IndexedSection, ...] | None:
        self.used.add(key)
        return self.entries.get(key)

    def store(self, key: str, sections: Sequence[IndexedSection]) -> None:
        self.used.add(key)
        self.entries[key] = tuple(sections)
        self._stored = True

    @property
    def changed(self) -> bool:
        """Whether a save would write something else than what was loaded: new
        sections, or sections of pages this build did not have."""
        return self._stored or not self.used.issuperset(self.entries)

    def dumps(self) -> str:
        kept = {
            key: [[section.id, section.title, section.text] for section in self.entries[key]]
            for key in sorted(self.used)
            if key in self.entries
        }
        return json.dumps(
            {"format": CACHE_FORMAT, "version": self.version, "sections": kept},
            ensure_ascii=False,
            separators=(",", ":"),
        )


def load_search_cache(text: str | None, version: str) -> SearchSectionCache:
    """The cache saved as ``text`` (None: no file yet); empty if it was written for
    other parsing code, in another format, or is not a cache at all. A damaged entry
    is left out (its page is parsed again)."""
    entries = {}
    for key, value in cached_entries(text, CACHE_FORMAT, version, "sections").items():
        sections = _sections(value)
        if sections is not None:
            entries[key] = sections
    return SearchSectionCache(version, entries)


def _sections(value: object) -> tuple[IndexedSection, ...] | None:
    if not isinstance(value, list):
        return None
    sections = []
    for item in value:
        if not (isinstance(item, list) and len(item) == 3):
            return None
        id_, title, text = item
        if not (
            (id_ is None or isinstance(id_, str))
            and (title is None or isinstance(title, str))
            and isinstance(text, str)
        ):
            return None
        sections.append(IndexedSection(id_, title, text))
    return tuple(sections)
