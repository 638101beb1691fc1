"""Fields as BibTeX and biblatex name them, read as one.

Reference managers export either dialect: Zotero's Better BibLaTeX writes
``journaltitle`` and ``date = {2019-10}`` where BibTeX has ``journal`` and
``year = {2019}``. The house style reads the BibTeX name first, then the biblatex
one; a biblatex date gives its year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

# The BibTeX name of a field, then its biblatex names.
ALIASES: Mapping[str, tuple[str, ...]] = {
    "journal": ("journal", "journaltitle"),
    "year": ("year", "date"),
    "address": ("address", "location"),  # the place of publication
    "school": ("school", "institution"),  # a thesis's university
}
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", re.IGNORECASE)
# biblatex dates (ISO 8601 / EDTF): 2019, 2019-10, 2019-10-05, ranges "2019/2020",
# approximate "2019~" or uncertain "2019?".
_DATE = re.compile(r"^(\d{4})(?:-\d{2}(?:-\d{2})?)?[~?%]?(?:/.*)?$")


def field_names(name: str) -> tuple[str, ...]:
    """The names a field may have: ``journal`` -> ``('journal', 'journaltitle')``."""
    return ALIASES.get(name, (name,))


def read_field(fields: Mapping[str, object], name: str) -> tuple[str, str]:
    """``(name found, raw value)`` of field ``name`` under any of its names (``('', '')``
    when none is set). A ``date`` gives its value as written; see ``date_year``."""
    for alias in field_names(name):
        value = str(fields.get(alias, "")).strip()
        if value:
            return alias, value
    return "", ""


def date_year(date: str) -> str | None:
    """The year of a biblatex date (``2019-10`` -> ``2019``); None if it is not one."""
    match = _DATE.match(date.strip())
    return match.group(1) if match else None


def entry_value(fields: Mapping[str, object], name: str) -> str:
    """Field ``name``'s raw value under any of its names; the year of a ``date``
    (or the date as written when it is not a date biblatex can read)."""
    alias, value = read_field(fields, name)
    if alias == "date":
        return date_year(value) or value
    return value


def access_date(value: str) -> date | None:
    """The day of an access date (``urldate = {2026-12-03}``); None when it is not a
    real day written YYYY-MM-DD."""
    value = value.strip()
    try:
        return date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def web_address(value: str) -> bool:
    """Whether ``value`` is a whole web address, ``https://`` or ``http://`` and a host
    name, with no space: the only kind a reference may link to."""
    return bool(_WEB_ADDRESS.fullmatch(value.strip()))
