"""What the search's two sides share: the synonyms of ``extra: search_synonyms:``,
accent folding and the worker's URL.

The search worker (``overrides/assets/javascripts/workers/oncopress-search.js``) reads
each language's synonyms from that language's ``search/search_index.json``
(``oncopress.search.shards.language_settings``) and folds a query word as
``fold_accents`` does before looking it up; the browser tests check that both agree.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence

from oncopress.settings.reader import SettingsError

_TILDE = "\u0303"
# The search worker, in the theme's assets/javascripts/workers/ (next to Material's).
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
