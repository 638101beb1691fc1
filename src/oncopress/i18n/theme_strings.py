"""Material's own strings (the search box's, the skip link's, the footer's...), one table
per language in its ``partials/languages/<locale>.html``. A language Material has no
table for takes all of them from its labels file's ``theme:`` section.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# Material's settings, not words: the page's language code, and the settings of its lunr
# search, which this site's own search does not use (they follow English).
SETTINGS = ("language", "search.config.lang", "search.config.pipeline", "search.config.separator")
_ENTRY = re.compile(r'^\s*"([^"]+)": ("(?:[^"\\]|\\.)*"),?$', re.MULTILINE)


def material_languages() -> Path:
    """Material's folder of string tables (``partials/languages/``)."""
    spec = find_spec("material")
    assert spec is not None and spec.origin is not None, "Material is a dependency"
    return Path(spec.origin).parent / "templates" / "partials" / "languages"


def material_has(locale: str) -> bool:
    """Whether Material has a table of strings for ``locale``."""
    return (material_languages() / f"{locale}.html").is_file()


@cache
def english() -> dict[str, str]:
    """Material's English table, key by key."""
    text = (material_languages() / "en.html").read_text(encoding="utf-8")
    return {key: json.loads(value) for key, value in _ENTRY.findall(text)}


def required_keys(locale: str) -> list[str]:
    """The keys of ``theme:`` a labels file must give: none when Material has the
    language, otherwise every string of Material's English table."""
    if material_has(locale):
        return []
    return [key for key in english() if key not in SETTINGS]


def full_table(locale: str, theme: Mapping[str, str]) -> dict[str, str]:
    """The table of a language Material lacks: its labels file's strings, its code, and
    the search settings as English has them."""
    settings = {key: english()[key] for key in SETTINGS}
    return {**settings, "language": locale, **theme}
