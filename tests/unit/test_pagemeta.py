from datetime import date

import pytest

from oncopress.checks.preflight import PageRecord
from oncopress.checks.review import Reviewer, ReviewerRegistry
from oncopress.pages.pagemeta import list_separators, page_meta

CONTENT = Reviewer(
    "content-team",
    {"en": "Medical and Editorial Content Team", "es": "Equipo de Contenido Médico y Editorial"},
    {"en": "Doctors and nurses", "es": "Médicos y enfermeras"},
    {"en": "the", "es": "el"},
)
TRANSLATION = Reviewer(
    "translation-team",
    {"en": "Medical Translation Team", "es": "Equipo de Traducción Médica"},
    {"en": "Translators", "es": "Traductores"},
    {"en": "the", "es": "el"},
)
PERSON = Reviewer(  # a person: no article before the name
    "ana-ruiz",
    {"en": "Dr. Ana Ruiz", "es": "Dra. Ana Ruiz"},
    {"en": "oncologist", "es": "oncóloga"},
)
REGISTRY = ReviewerRegistry("reviewers.yml", {r.id: r for r in (CONTENT, TRANSLATION, PERSON)})


def record(**changes: object) -> PageRecord:
    fields: dict[str, object] = {
        "path": "docs_es/survivorship/recurrence.md",
        "locale": "es",
        "title": "Qué es la recurrencia del cáncer",
        "last_revised": date(2023, 8, 28),
        "medical": True,
        "reviewers": ("content-team",),
        "translation_reviewers": ("translation-team",),
        "citations": (),
    }
    return PageRecord(**{**fields, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("count", "locale", "expected"),
    [
        (0, "en", []),
        (1, "en", [""]),
        (2, "en", ["", " and "]),
        (3, "en", ["", ", ", ", and "]),
        (1, "es", [""]),
        (2, "es", ["", " y "]),
        (3, "es", ["", ", ", " y "]),
    ],
)
def test_list_separators(count: int, locale: str, expected: list[str]) -> None:
    assert list_separators(count, locale) == expected


def test_page_meta_of_a_spanish_medical_page() -> None:
    assert page_meta(record(), REGISTRY, "es", "es/about/") == {
        "locale": "es",
        "last_revised": {
            "label": "Última actualización",
            "iso": "2023-08-28",
            "text": "28 de agosto de 2023",
        },
        "review_due": None,
        "reviews": [
            {
                "label": "Revisado por",
                "reviewers": [
                    {
                        "id": "content-team",
                        "name": "Equipo de Contenido Médico y Editorial",
                        "credentials": "Médicos y enfermeras",
                        "before": "",
                        "article": "el",
                    }
                ],
            },
            {
                "label": "Traducción revisada por",
                "reviewers": [
                    {
                        "id": "translation-team",
                        "name": "Equipo de Traducción Médica",
                        "credentials": "Traductores",
                        "before": "",
                        "article": "el",
                    }
                ],
            },
        ],
        "about_url": "es/about/",
        "talk_to_doctor": "Hable de sus preguntas médicas con su propio médico.",
        "changes": None,
    }


def test_page_meta_of_an_english_medical_page_with_two_reviewers() -> None:
    english = record(
        path="docs/survivorship/recurrence.md",
        locale="en",
        reviewers=("content-team", "ana-ruiz"),
        translation_reviewers=(),
    )
    meta = page_meta(english, REGISTRY, "en", "about/")
    assert meta["last_revised"] == {
        "label": "Last Revised",
        "iso": "2023-08-28",
        "text": "August 28, 2023",
    }
    assert meta["reviews"] == [
        {
            "label": "Reviewed by",
            "reviewers": [
                {
                    "id": "content-team",
                    "name": "Medical and Editorial Content Team",
                    "credentials": "Doctors and nurses",
                    "before": "",
                    "article": "the",
                },
                {
                    "id": "ana-ruiz",
                    "name": "Dr. Ana Ruiz",
                    "credentials": "oncologist",
                    "before": " and ",
                    "article": "",
                },
            ],
        }
    ]
    assert meta["talk_to_doctor"] == "Go over any medical questions with your own doctor."


@pytest.mark.parametrize(
    ("locale", "text"), [("en", "February 29, 2024"), ("es", "29 de febrero de 2024")]
)
def test_page_meta_of_a_page_that_is_not_medical(locale: str, text: str) -> None:
    home = record(
        last_revised=date(2024, 2, 29), medical=False, reviewers=(), translation_reviewers=()
    )
    meta = page_meta(home, REGISTRY, locale, None)
    assert meta["last_revised"]["text"] == text
    assert (meta["reviews"], meta["talk_to_doctor"], meta["about_url"]) == ([], None, None)


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", {"label": "Next review due", "iso": "2027-08-28", "text": "August 28, 2027"}),
        ("es", {"label": "Próxima revisión", "iso": "2027-08-28", "text": "28 de agosto de 2027"}),
    ],
)
def test_the_next_review_due_under_the_stamp(locale: str, expected: dict[str, str]) -> None:
    meta = page_meta(record(locale=locale), REGISTRY, locale, None, date(2027, 8, 28))
    assert meta["review_due"] == expected
