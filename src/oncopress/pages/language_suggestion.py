"""The language suggestion: a small bar offering a page's counterpart in another
language of the site, written in that language ("Esta página también está en
español." on an English page), for a visitor whose browser prefers it.

The build writes one bar per language the page has a real counterpart in, hidden; the
visitor's browser shows at most one (``overrides/partials/language-suggestion.html``
says when). A pending translation is no counterpart: a stub offers nothing, and nothing
offers a stub.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from oncopress.i18n.labels import label
from oncopress.i18n.translations import language_name


@dataclass(frozen=True)
class Suggestion:
    """One bar: every text in the suggested language ``locale``."""

    locale: str
    url: str  # the counterpart, relative to the site root ("es/care/")
    name: str  # the bar's accessible name (a region landmark)
    text: str
    link: str
    dismiss: str


def language_suggestions(
    locale: str, counterparts: Mapping[str, str], pending: Collection[str]
) -> list[Suggestion]:
    """The bars of a page in ``locale`` whose counterparts are at ``counterparts``
    (language -> URL relative to the site root, the page's own language included),
    ``pending`` naming the languages (the page's own too) whose page is a pending stub.

    >>> [s.text for s in language_suggestions("en", {"en": "", "es": "es/"}, ())]
    ['Esta página también está en español.']
    """
    if locale in pending:
        return []
    return [
        Suggestion(
            locale=other,
            url=url,
            name=label("suggestion_name", other),
            text=label("suggestion_text", other),
            link=label("read_original", other).format(language=language_name(other, other)),
            dismiss=label("suggestion_dismiss", other),
        )
        for other, url in counterparts.items()
        if other != locale and other not in pending
    ]
