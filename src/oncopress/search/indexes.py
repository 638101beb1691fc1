"""Per-language search indexes, ready for accent folding and stemming in the browser.

mkdocs-static-i18n merges every language into one ``search/search_index.json``,
so a Spanish search returns English pages too. We split the merged index into one
index per language, each in its language's folder (``search/search_index.json``
for the default language, ``es/search/search_index.json`` for Spanish), with
locations relative to that folder and lunr configured for that language only.

Each index keeps lunr's whole pipeline (trimmer, stop words, the language's
stemmer) and carries the language's synonyms: the search worker override
(``overrides/assets/javascripts/workers/oncopress-search.js``) folds accents and
stems both the index and each query with the same lunr functions, and expands a
query word with its synonyms. ``fold_accents`` is the Python twin of the worker's
``foldAccents``; the browser tests check that both agree.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from oncopress.settings.reader import SettingsError

# Every lunr pipeline function kept: Material's worker removes the ones not listed.
SEARCH_PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
_TILDE = "\u0303"
# The worker override, in the theme's assets/javascripts/workers/ (next to Material's).
SEARCH_WORKER = "oncopress-search.js"


class SearchSettingsError(SettingsError):
    """A wrong ``extra: search_synonyms:`` setting in mkdocs.yml."""


def fold_accents(text: str) -> str:
    """``text`` without accents or diaeresis, keeping ``ñ`` (``Remisión`` -> ``Remision``)."""
    kept: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char) and not (char == _TILDE and kept and kept[-1] in "nN"):
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def read_synonyms(raw: object, locales: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    """Validated ``extra: search_synonyms:``: per locale, a folded lowercase word -> words.

    ``{"es": {"Recidiva": ["recurrencia"]}}`` -> ``{"es": {"recidiva": ["recurrencia"]}}``.
    """
    where = "extra.search_synonyms"
    if raw is None:
        return {locale: {} for locale in locales}
    if not isinstance(raw, Mapping):
        raise SearchSettingsError(
            f"mkdocs.yml: {where} must be a mapping of languages, like "
            f"{{es: {{recidiva: [recurrencia]}}}} (found {raw!r})"
        )
    unknown = sorted(str(key) for key in raw if key not in locales)
    if unknown:
        raise SearchSettingsError(
            f"mkdocs.yml: unknown language {where}.{unknown[0]} (languages: {', '.join(locales)})"
        )
    table: dict[str, dict[str, list[str]]] = {}
    for locale in locales:
        entries = raw.get(locale) or {}
        if not isinstance(entries, Mapping):
            raise SearchSettingsError(
                f"mkdocs.yml: {where}.{locale} must be 'word: [words]' lines (found {entries!r})"
            )
        table[locale] = {}
        for word, targets in entries.items():
            if isinstance(targets, str):
                targets = [targets]
            words = [word, *targets] if isinstance(targets, list) else None
            if not words or not all(isinstance(w, str) and _one_word(w) for w in words):
                raise SearchSettingsError(
                    f"mkdocs.yml: {where}.{locale}: '{word}' must name single words, "
                    f"as in '{word}: [word, word]'"
                )
            table[locale][fold_accents(str(word).lower())] = [str(w) for w in targets]
    return table


def _one_word(text: str) -> bool:
    return bool(text) and all(char.isalpha() or unicodedata.combining(char) for char in text)


def versioned_worker(content: bytes) -> str:
    """The worker's URL (relative to Material's worker) with a content version.

    The version changes the URL whenever the file changes, so caches that keep
    ``assets/javascripts/`` for a year never serve an old worker.
    """
    return f"{SEARCH_WORKER}?v={hashlib.sha256(content).hexdigest()[:10]}"


def language_of_location(location: str, locales: Sequence[str], default: str) -> str:
    """The language whose folder holds ``location`` (``es/about/`` -> ``es``)."""
    first = location.split("/", 1)[0].split("#", 1)[0]
    if first in locales and first != default:
        return first
    return default


def split_search_index(
    index: Mapping[str, Any],
    locales: Sequence[str],
    default: str,
    synonyms: Mapping[str, Mapping[str, list[str]]] | None = None,
) -> dict[str, dict[str, Any]]:
    """One search index per locale from the merged index ``index``.

    Locations of a non-default language lose their ``<locale>/`` prefix, since
    each language's pages search relative to their own folder.
    """
    config = dict(index.get("config", {}))
    split: dict[str, dict[str, Any]] = {}
    for locale in locales:
        settings = {**config, "lang": [locale], "pipeline": list(SEARCH_PIPELINE)}
        settings["synonyms"] = dict((synonyms or {}).get(locale, {}))
        split[locale] = {"config": settings, "docs": []}
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        locale = language_of_location(location, locales, default)
        if locale != default:
            location = location[len(locale) + 1 :] if location != locale else ""
        split[locale]["docs"].append({**doc, "location": location})
    return split


def drop_translated_duplicates(
    entries: list[dict[str, Any]], prefixes: tuple[str, ...]
) -> list[dict[str, Any]]:
    """Remove, in place, each entry under a language folder (``prefixes``: ``en/``,
    ``es/``...) with the same title and text as an entry outside them whose location
    it ends with; returns the removed entries, in the order they are removed.

    This is mkdocs-static-i18n's ``reconfigure_search_duplicates`` (a page built in
    the default language both at ``/`` and under its folder is indexed once), which
    compares every default-language entry with every other one: 6.3 million
    comparisons and about 0.4 s at 500 + 500 pages. Here each entry is looked at
    once; ``tests/unit/test_search.py`` checks that both remove the same entries.
    """
    under: dict[tuple[Any, Any], list[int]] = {}
    outside: list[int] = []
    for position, entry in enumerate(entries):
        if str(entry["location"]).startswith(prefixes):
            under.setdefault((entry["title"], entry["text"]), []).append(position)
        else:
            outside.append(position)
    gone: set[int] = set()
    removed: list[dict[str, Any]] = []
    for position in outside:
        entry = entries[position]
        for candidate in under.get((entry["title"], entry["text"]), []):
            if candidate not in gone and str(entries[candidate]["location"]).endswith(
                str(entry["location"])
            ):
                gone.add(candidate)
                removed.append(entries[candidate])
    if gone:
        entries[:] = [entry for position, entry in enumerate(entries) if position not in gone]
    return removed
