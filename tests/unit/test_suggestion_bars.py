"""The language suggestion's bars: every word in the language offered, none to or from
a pending translation."""

from __future__ import annotations

import pytest

from oncopress.pages.language_suggestion import Suggestion, language_suggestions

SPANISH = Suggestion(
    locale="es",
    url="es/care/",
    name="Sugerencia de idioma",
    text="Esta página también está en español.",
    link="Lea esta página en español",
    dismiss="No, gracias",
)
ENGLISH = Suggestion(
    locale="en",
    url="care/",
    name="Language suggestion",
    text="This page is also in English.",
    link="Read this page in English",
    dismiss="No, thanks",
)
CARE = {"en": "care/", "es": "es/care/"}


@pytest.mark.parametrize(("locale", "expected"), [("en", SPANISH), ("es", ENGLISH)])
def test_a_page_offers_its_counterpart_in_the_other_language(
    locale: str, expected: Suggestion
) -> None:
    assert language_suggestions(locale, CARE, ()) == [expected]


@pytest.mark.parametrize("locale", ["en", "es"])
@pytest.mark.parametrize("pending", [["es"], ["en"], ["en", "es"]])
def test_nothing_to_or_from_a_pending_translation(locale: str, pending: list[str]) -> None:
    assert language_suggestions(locale, CARE, pending) == []


def test_a_page_without_a_counterpart_offers_nothing() -> None:
    assert language_suggestions("en", {"en": "care/"}, ()) == []
