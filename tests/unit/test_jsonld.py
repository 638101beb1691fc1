import json
from datetime import date

import pytest

from oncopress.checks.preflight import PageRecord
from oncopress.checks.review import Reviewer, ReviewerRegistry
from oncopress.citations.references import Reference
from oncopress.pages.jsonld import insert_in_head, medical_webpage, render_jsonld

REGISTRY = ReviewerRegistry(
    "reviewers.yml",
    {
        "content-team": Reviewer(
            "content-team",
            {"en": "Content Team", "es": "Equipo de Contenido"},
            {"en": "Doctors", "es": "Médicos"},
        ),
        "translation-team": Reviewer(
            "translation-team",
            {"en": "Translation Team", "es": "Equipo de Traducción"},
            {"en": "Translators", "es": "Traductores"},
        ),
    },
)
GOTZE = Reference(
    key="gotze2019fear",
    authors=("Götze H", "Mehnert-Theuerkauf A"),
    title="Fear of cancer recurrence",
    journal="Psycho-Oncology",
    year="2019",
    volume="28",
    issue="10",
    pages="2033-2041",
    doi="10.1002/pon.5188",
)
RECORD = PageRecord(
    path="docs_es/survivorship/recurrence.md",
    locale="es",
    title="Recurrencia",
    last_revised=date(2023, 8, 28),
    medical=True,
    reviewers=("content-team",),
    translation_reviewers=("translation-team",),
    citations=("gotze2019fear",),
)


@pytest.mark.parametrize(
    ("locale", "names"),
    [
        ("es", ["Equipo de Contenido", "Equipo de Traducción"]),
        ("en", ["Content Team", "Translation Team"]),
    ],
)
def test_medical_webpage(locale: str, names: list[str]) -> None:
    url = "https://survivorship.example.org/es/survivorship/recurrence/"
    data = medical_webpage(
        RECORD, name="Recurrencia", url=url, locale=locale, registry=REGISTRY, references=[GOTZE]
    )
    assert data == {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": "Recurrencia",
        "url": url,
        "inLanguage": locale,
        "lastReviewed": "2023-08-28",
        "reviewedBy": [
            {
                "@type": "Organization",
                "name": names[0],
                "description": REGISTRY.get("content-team").credentials[locale],
            },
            {
                "@type": "Organization",
                "name": names[1],
                "description": REGISTRY.get("translation-team").credentials[locale],
            },
        ],
        "citation": [
            {
                "@type": "ScholarlyArticle",
                "name": "Fear of cancer recurrence",
                "author": [
                    {"@type": "Person", "name": "Götze H"},
                    {"@type": "Person", "name": "Mehnert-Theuerkauf A"},
                ],
                "isPartOf": {"@type": "Periodical", "name": "Psycho-Oncology"},
                "datePublished": "2019",
                "volumeNumber": "28",
                "issueNumber": "10",
                "pagination": "2033-2041",
                "url": "https://doi.org/10.1002/pon.5188",
                "identifier": {
                    "@type": "PropertyValue",
                    "propertyID": "DOI",
                    "value": "10.1002/pon.5188",
                },
            }
        ],
    }


def test_a_page_without_citations_has_no_citation_list() -> None:
    data = medical_webpage(RECORD, name="R", url="u", locale="en", registry=REGISTRY, references=[])
    assert "citation" not in data


def test_render_jsonld_cannot_close_the_script() -> None:
    data = {"name": "</script><script>alert('x & y')</script>", "inLanguage": "es"}
    script = render_jsonld(data)
    assert script == (
        '<script type="application/ld+json">{"name":"\\u003c/script\\u003e\\u003cscript'
        '\\u003ealert(\'x \\u0026 y\')\\u003c/script\\u003e","inLanguage":"es"}</script>'
    )
    body = script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert json.loads(body) == data


def test_render_jsonld_keeps_accents() -> None:
    assert "Götze" in render_jsonld({"name": "Götze"})


def test_insert_in_head() -> None:
    page = "<html><head><title>T</title></head><body>x</head></body></html>"
    assert insert_in_head(page, "<script>1</script>") == (
        "<html><head><title>T</title><script>1</script>\n</head><body>x</head></body></html>"
    )
    assert insert_in_head("<p>no head</p>", "<script>1</script>") == "<p>no head</p>"
