"""Counted words in the right plural form: "1 item needs", "2 items need"; "1 editor",
"2 editores".

The form comes from CLDR's plural rule for the language, through Babel
(``Locale.plural_form``): English and Spanish both use the singular for exactly 1
(and Spanish for 1 only, not for 0, as French would). Messages for editors are in
English; references on the pages are in the page's language.
"""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def _locale(locale: str) -> Locale:
    return Locale.parse(locale)


def plural(count: int, one: str, other: str, locale: str = "en") -> str:
    """``one`` when ``locale``'s plural rule calls ``count`` singular, else ``other``:
    ``plural(1, "item", "items")`` -> ``"item"``."""
    return one if _locale(locale).plural_form(count) == "one" else other


def counted(count: int, one: str, other: str, locale: str = "en") -> str:
    """``count`` and its noun: ``counted(2, "item", "items")`` -> ``"2 items"``."""
    return f"{count} {plural(count, one, other, locale)}"
