import pytest

from oncopress.citations.references import Reference, reference_text
from oncopress.citations.reflang import language_note, reference_language, with_language_note

REF = Reference(
    key="emery2022management",
    authors=("Emery J", "Jefford M"),
    title="Management of common clinical problems experienced by survivors of cancer",
    journal="The Lancet",
    year="2022",
    volume="399",
    issue="10334",
    pages="1537-1550",
)


@pytest.mark.parametrize(
    ("fields", "language"),
    [
        ({}, "en"),
        ({"langid": "english"}, "en"),
        ({"langid": "Spanish"}, "es"),
        ({"language": "es"}, "es"),
        ({"language": "German"}, "de"),
        ({"langid": "klingonish"}, "en"),
        ({"langid": "", "language": "french"}, "fr"),
    ],
)
def test_reference_language(fields: dict[str, str], language: str) -> None:
    assert reference_language(fields) == language


@pytest.mark.parametrize(
    ("language", "locale", "note"),
    [
        ("en", "es", "(en inglés)"),
        ("en", "en", ""),
        ("es", "es", ""),
        ("es", "en", "(in Spanish)"),
        ("de", "es", "(en alemán)"),
    ],
)
def test_language_note(language: str, locale: str, note: str) -> None:
    assert language_note(language, locale) == note


def test_the_note_follows_the_title() -> None:
    assert reference_text(with_language_note(REF, "(en inglés)")) == (
        "Emery J, & Jefford M. Management of common clinical problems experienced by "
        "survivors of cancer (en inglés). The Lancet. 2022;399(10334):1537-1550."
    )


def test_no_note_leaves_the_reference_as_it_is() -> None:
    assert with_language_note(REF, "") is REF
