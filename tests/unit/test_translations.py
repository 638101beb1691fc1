from dataclasses import dataclass
from datetime import date

import pytest

from oncopress.i18n.translations import (
    Status,
    Translation,
    TranslationError,
    TranslationFields,
    compare_revisions,
    counterpart,
    language_name,
    missing_counterparts,
    page_notices,
    read_translation,
    translation_states,
)

TODAY = date(2026, 11, 26)
FOLDERS = {"en": "docs", "es": "docs_es"}
STALE = Translation(
    "docs_es/care.md", "es", Status.STALE, "docs/care.md", date(2023, 8, 28), date(2024, 2, 29)
)


@dataclass(frozen=True)
class Page:
    path: str
    locale: str
    last_revised: date
    translation_of: date | None = None
    translation_pending: bool = False


@pytest.mark.parametrize(
    ("locale", "in_locale", "name"),
    [
        ("es", "en", "Spanish"),
        ("en", "en", "English"),
        ("en", "es", "inglés"),
        ("es", "es", "español"),
        ("pt-BR", "en", "Portuguese"),  # before: Babel's ValueError (it writes pt_BR)
        ("fr", "pt-BR", "francês"),
    ],
)
def test_language_name(locale: str, in_locale: str, name: str) -> None:
    assert language_name(locale, in_locale) == name


@pytest.mark.parametrize(
    ("path", "locale", "other", "expected"),
    [
        ("docs/care.md", "en", "es", "docs_es/care.md"),
        ("docs_es/survivorship/recurrence.md", "es", "en", "docs/survivorship/recurrence.md"),
        ("docs/año/señales.md", "en", "es", "docs_es/año/señales.md"),
    ],
)
def test_counterpart(path: str, locale: str, other: str, expected: str) -> None:
    assert counterpart(path, locale, other, FOLDERS) == expected


@pytest.mark.parametrize(
    ("meta", "body", "expected"),
    [
        (
            {"translation_of": "2023-08-28"},
            "# Cuidado\n",
            (TranslationFields(date(2023, 8, 28)), []),
        ),
        ({"translation_of": date(2024, 2, 29)}, "x", (TranslationFields(date(2024, 2, 29)), [])),
        (
            {"translation_status": "pending", "title": "Cansancio"},
            "\n",
            (TranslationFields(pending=True), []),
        ),
        (
            {"translation_of": "28 de agosto de 2023"},
            "x",
            (
                TranslationFields(),
                [
                    "'translation_of' must be a date written YYYY-MM-DD, like 2023-08-28 "
                    "(found '28 de agosto de 2023')"
                ],
            ),
        ),
        (
            {"translation_of": "2023-02-29"},
            "x",
            (
                TranslationFields(),
                ["'translation_of' is not a real date: 2023-02-29 (day is out of range for month)"],
            ),
        ),
        (
            {"translation_status": True},
            "x",
            (
                TranslationFields(),
                [
                    "'translation_status' can only be 'pending' (found True); remove it once the "
                    "page is translated"
                ],
            ),
        ),
    ],
)
def test_read_translation_of_a_spanish_page(
    meta: dict[str, object], body: str, expected: tuple[TranslationFields, list[str]]
) -> None:
    assert read_translation(meta, body, "es", "en", TODAY) == expected


def test_an_original_has_no_translation_fields() -> None:
    assert read_translation({"title": "Care"}, "# Care", "en", "en", TODAY) == (
        TranslationFields(),
        [],
    )
    assert read_translation({"translation_status": "pending"}, "", "en", "en", TODAY)[1] == [
        "'translation_status' is only for translations; the English page is the original "
        "(remove it)"
    ]


def test_missing_counterparts_in_both_directions() -> None:
    pages = [
        ("docs/index.md", "en"),
        ("docs_es/index.md", "es"),
        ("docs/care.md", "en"),
        ("docs_es/apoyo/grupos.md", "es"),
    ]
    assert [str(problem) for problem in missing_counterparts(pages, FOLDERS, "en")] == [
        "Doc file 'docs/care.md' (en): has no Spanish version: add 'docs_es/care.md' "
        "(the translation, or a stub with 'translation_status: pending')",
        "Doc file 'docs_es/apoyo/grupos.md' (es): has no English original "
        "'docs/apoyo/grupos.md': a translation must have the same path as its original "
        "(move it, or add the original)",
    ]


def test_no_missing_counterparts_in_a_complete_site() -> None:
    assert missing_counterparts([("docs/a.md", "en"), ("docs_es/a.md", "es")], FOLDERS, "en") == []


@pytest.mark.parametrize("translation_of", [date(2024, 2, 29), date(2023, 8, 28)])
def test_compare_revisions_leaves_staleness_to_the_ledger(translation_of: date) -> None:
    """An earlier translation_of is not stale by itself: the sign-off ledger says
    whether the original's text changed (oncopress.ledger.signoff)."""
    original = Page("docs/care.md", "en", date(2024, 2, 29))
    page = Page("docs_es/care.md", "es", date(2024, 3, 1), translation_of)
    assert compare_revisions(page, original) == Translation(
        "docs_es/care.md", "es", Status.CURRENT, "docs/care.md", translation_of, date(2024, 2, 29)
    )


def test_a_translation_of_a_revision_that_does_not_exist() -> None:
    original = Page("docs/care.md", "en", date(2023, 8, 28))
    page = Page("docs_es/care.md", "es", date(2023, 8, 28), date(2023, 8, 29))
    with pytest.raises(TranslationError) as raised:
        compare_revisions(page, original)
    assert str(raised.value) == (
        "'translation_of' is 2023-08-29, later than the last_revised 2023-08-28 of "
        "'docs/care.md'; set it to the revision this page translates"
    )


def test_a_pending_page_is_pending_whatever_the_dates() -> None:
    original = Page("docs/fatigue.md", "en", date(2025, 1, 1))
    stub = Page("docs_es/fatigue.md", "es", date(2020, 1, 1), translation_pending=True)
    assert compare_revisions(stub, original) == Translation(
        "docs_es/fatigue.md", "es", Status.PENDING, "docs/fatigue.md"
    )


def test_translation_states_skip_a_translation_without_a_checked_original() -> None:
    records = {
        "docs/a.md": Page("docs/a.md", "en", date(2023, 8, 28)),
        "docs_es/b.md": Page("docs_es/b.md", "es", date(2023, 8, 28), date(2023, 8, 28)),
    }
    states, problems = translation_states(records, FOLDERS, "en")
    assert (states, problems) == ({"docs/a.md": Translation("docs/a.md", "en", Status.SOURCE)}, [])


def test_report_fields() -> None:
    assert STALE.report_fields() == {
        "translation": "stale",
        "translation_of": "2023-08-28",
        "original": "docs/care.md",
    }
    assert Translation("docs/a.md", "en", Status.SOURCE).report_fields() == {
        "translation": "source",
        "translation_of": None,
        "original": None,
    }


@pytest.mark.parametrize(
    ("locale", "title", "text", "link"),
    [
        (
            "es",
            "Estamos actualizando esta traducción",
            "La versión en inglés se actualizó el 29 de febrero de 2024. Es posible que esta "
            "traducción todavía no tenga esos cambios.",
            "Lea esta página en inglés",
        ),
        (
            "en",
            "Translation being updated",
            "The English version was updated on February 29, 2024. This translation may not "
            "have those changes yet.",
            "Read this page in English",
        ),
    ],
)
def test_stale_notice_in_the_page_language(locale: str, title: str, text: str, link: str) -> None:
    translation = Translation(
        "x.md", locale, Status.STALE, "docs/care.md", date(2023, 8, 28), date(2024, 2, 29)
    )
    assert page_notices(translation, "en", "care/") == [
        {
            "status": "stale",
            "kind": "warning",
            "title": title,
            "text": text,
            "link": {"href": "care/", "hreflang": "en", "text": link},
        }
    ]


@pytest.mark.parametrize(
    ("locale", "title", "text", "link"),
    [
        (
            "es",
            "Traducción pendiente",
            "Esta página todavía no está disponible en español.",
            "Lea esta página en inglés",
        ),
        (
            "en",
            "Translation pending",
            "This page is not available in English yet.",
            "Read this page in English",
        ),
    ],
)
def test_pending_notice_in_the_page_language(locale: str, title: str, text: str, link: str) -> None:
    pending = Translation("x.md", locale, Status.PENDING, "docs/fatigue.md")
    assert page_notices(pending, "en", "fatigue/") == [
        {
            "status": "pending",
            "kind": "info",
            "title": title,
            "text": text,
            "link": {"href": "fatigue/", "hreflang": "en", "text": link},
        }
    ]


def test_no_notice_on_originals_current_translations_or_unknown_pages() -> None:
    assert page_notices(Translation("docs/a.md", "en", Status.SOURCE), "en", None) == []
    current = Translation("a.md", "es", Status.CURRENT, "docs/a.md", TODAY, TODAY)
    assert page_notices(current, "en", "a/") == []
    assert page_notices(None, "en", "a/") == []


def test_a_notice_without_a_link_when_the_original_has_no_url() -> None:
    (notice,) = page_notices(STALE, "en", None)
    assert notice["link"] is None
