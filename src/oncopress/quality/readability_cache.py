"""Readability scores kept between builds, keyed by a hash of what they depend on.

Scoring a page costs a few milliseconds (syllable counting), and the first English
page of a build process loads the CMU pronouncing dictionary (1 to 2 s). A page's
score depends only on its article's HTML, its language, the targets and the scoring
code, so a score stays valid while those are the same: the key is a SHA-256 of all
four (the scoring code by the caller's ``version``, e.g. a hash of
``oncopress/quality/readability.py`` and the textstat version). Deleting the cache file is
always safe.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from importlib.metadata import version
from pathlib import Path
from typing import Any

from oncopress.files.cachefile import cached_entries
from oncopress.quality import readability
from oncopress.quality.readability import Readability, ReadabilityTargets

CACHE_FORMAT = 1


class ReadabilityCache:
    """Scores by key; ``used`` records the keys this build looked up, so a saved cache
    holds only the pages the site still has."""

    def __init__(self, version: str, entries: dict[str, dict[str, Any] | None] | None = None):
        self.version = version
        self.entries: dict[str, dict[str, Any] | None] = dict(entries or {})
        self.used: set[str] = set()

    def key(self, html: str, locale: str, targets: ReadabilityTargets) -> str:
        formula = readability.readability_formula(locale)  # the labels file may change it
        parts = (self.version, locale, formula, repr(targets), html)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()

    def lookup(self, key: str) -> tuple[bool, Readability | None]:
        """(found, score): ``score`` is None for a page too short to score."""
        self.used.add(key)
        if key not in self.entries:
            return False, None
        fields = self.entries[key]
        return True, None if fields is None else Readability(**fields)

    def store(self, key: str, result: Readability | None) -> None:
        self.used.add(key)
        self.entries[key] = None if result is None else asdict(result)

    def dumps(self) -> str:
        kept = {key: self.entries[key] for key in sorted(self.used) if key in self.entries}
        return json.dumps(
            {"format": CACHE_FORMAT, "version": self.version, "scores": kept}, ensure_ascii=False
        )


def scoring_version() -> str:
    """What the scores depend on besides the page: the scoring code and textstat."""
    code = Path(readability.__file__).read_bytes()
    return f"{hashlib.sha256(code).hexdigest()[:16]}-textstat-{version('textstat')}"


def load_readability_cache(text: str | None, version: str) -> ReadabilityCache:
    """The cache saved as ``text`` (None: no file yet); empty if it was written by
    other scoring code, in another format, or is not a cache at all."""
    scores = {
        key: value
        for key, value in cached_entries(text, CACHE_FORMAT, version, "scores").items()
        if value is None or (isinstance(value, dict) and set(value) == _FIELDS)
    }
    return ReadabilityCache(version, scores)


_FIELDS = {"locale", "metric", "score", "words", "target", "meets_target"}
