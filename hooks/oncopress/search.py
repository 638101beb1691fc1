"""Per-language search indexes.

mkdocs-static-i18n merges every language into one ``search/search_index.json``,
so a Spanish search returns English pages too. We split the merged index into one
index per language, each in its language's folder (``search/search_index.json``
for the default language, ``es/search/search_index.json`` for Spanish), with
locations relative to that folder and lunr configured for that language only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def language_of_location(location: str, locales: Sequence[str], default: str) -> str:
    """The language whose folder holds ``location`` (``es/about/`` -> ``es``)."""
    first = location.split("/", 1)[0].split("#", 1)[0]
    if first in locales and first != default:
        return first
    return default


def split_search_index(
    index: Mapping[str, Any], locales: Sequence[str], default: str
) -> dict[str, dict[str, Any]]:
    """One search index per locale from the merged index ``index``.

    Locations of a non-default language lose their ``<locale>/`` prefix, since
    each language's pages search relative to their own folder.
    """
    config = dict(index.get("config", {}))
    split: dict[str, dict[str, Any]] = {
        locale: {"config": {**config, "lang": [locale]}, "docs": []} for locale in locales
    }
    for doc in index.get("docs", []):
        location = str(doc.get("location", ""))
        locale = language_of_location(location, locales, default)
        if locale != default:
            location = location[len(locale) + 1 :] if location != locale else ""
        split[locale]["docs"].append({**doc, "location": location})
    return split
