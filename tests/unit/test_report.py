import json
from datetime import date

import pytest

from oncopress.checks.preflight import PageRecord
from oncopress.i18n.translations import Status, Translation
from oncopress.report.editorial_report import (
    EditorialReport,
    overdue_message,
    pending_message,
    record_row,
    summary_message,
    summary_text,
)


def record(path: str, locale: str, revised: date, **changes: object) -> PageRecord:
    fields: dict[str, object] = {
        "path": path,
        "locale": locale,
        "title": "Recurrence",
        "last_revised": revised,
        "medical": True,
        "reviewers": ("content-team",),
        "translation_reviewers": (),
        "citations": ("emery2022management",),
    }
    return PageRecord(**{**fields, **changes})  # type: ignore[arg-type]


def test_record_row() -> None:
    row = record_row(record("docs/care.md", "en", date(2024, 2, 29)), 3, date(2026, 11, 26))
    assert row == {
        "path": "docs/care.md",
        "locale": "en",
        "title": "Recurrence",
        "url": None,
        "last_revised": "2024-02-29",
        "review_due": "2027-02-28",
        "overdue": False,
        "medical": True,
        "reviewers": ["content-team"],
        "translation_reviewers": [],
        "citations": ["emery2022management"],
        "translation": None,
        "translation_of": None,
        "original": None,
        "sign_off": None,
        "signed_off": None,
        "signed_by": [],
        "changed_in_original": [],
        "moved_in_original": [],
        "how_moved": None,
        "readability": None,
        "pdf": None,
    }


def test_report_json_lists_every_page_sorted_with_later_fields() -> None:
    report = EditorialReport(date(2026, 11, 26), 3)
    report.add_records(
        [
            record("docs_es/care.md", "es", date(2023, 8, 28), translation_reviewers=("t",)),
            record("docs/care.md", "en", date(2023, 8, 28)),
            record("docs/index.md", "en", date(2025, 1, 1), medical=False, citations=()),
        ]
    )
    report.add_fields("docs/care.md", {"url": "care/", "readability": 7.5})
    report.add_fields("docs/missing.md", {"url": "missing/"})  # not in the report: ignored
    document = json.loads(report.to_json())
    assert document["version"] == 3
    assert document["generated"] == "2026-11-26"
    assert document["review_interval_years"] == 3
    assert document["summary"] == {
        "pages": 3,
        "drafts": 0,
        "overdue": 2,
        "stale": 0,
        "pending": 0,
        "hard_to_read": 0,
    }
    assert [(p["path"], p["locale"], p["overdue"]) for p in document["pages"]] == [
        ("docs/care.md", "en", True),
        ("docs/index.md", "en", False),
        ("docs_es/care.md", "es", True),
    ]
    assert document["pages"][0]["url"] == "care/"
    assert document["pages"][0]["readability"] == 7.5
    assert [row["path"] for row in report.overdue()] == ["docs/care.md", "docs_es/care.md"]


def test_overdue_message() -> None:
    row = record_row(record("docs_es/care.md", "es", date(2023, 8, 28)), 3, date(2026, 11, 26))
    assert overdue_message(row) == (
        "Review overdue: Doc file 'docs_es/care.md' (es): last revised 2023-08-28, "
        "review was due 2026-08-28"
    )


def test_a_page_with_its_own_review_interval_is_due_that_many_months_after_its_revision() -> None:
    page = record("docs/care.md", "en", date(2026, 5, 1), review_interval_months=6)
    row = record_row(page, 3, date(2026, 11, 26))
    assert (row["review_due"], row["overdue"]) == ("2026-11-01", True)


def test_overdue_message_when_the_publisher_makes_overdue_reviews_block_publishing() -> None:
    english = record_row(record("docs/care.md", "en", date(2023, 8, 28)), 3, date(2026, 11, 26))
    assert overdue_message(english, blocks=True) == (
        "Review overdue: Doc file 'docs/care.md' (en): last revised 2023-08-28, review was due "
        "2026-08-28; ./tasks build refuses to publish it (extra.editorial.overdue_reviews: warn) "
        "until its reviewers have checked it and signed it off again: ./tasks sign-off "
        "docs/care.md --by content-team"
    )
    spanish = record(
        "docs_es/care.md", "es", date(2023, 8, 28), translation_reviewers=("translation-team",)
    )
    row = record_row(spanish, 3, date(2026, 11, 26))
    assert overdue_message(row, blocks=True).endswith(
        ": ./tasks sign-off docs_es/care.md --by content-team --translation-by translation-team"
    )


def test_translation_readability_and_pdf_columns_and_their_summary() -> None:
    report = EditorialReport(date(2026, 11, 26), 3)
    report.add_records(
        [
            record("docs/care.md", "en", date(2024, 3, 1)),
            record("docs_es/care.md", "es", date(2023, 8, 28), translation_of=date(2023, 8, 28)),
            record("docs/fatigue.md", "en", date(2024, 3, 1)),
            record("docs_es/fatigue.md", "es", date(2024, 3, 1), translation_pending=True),
        ]
    )
    report.add_translations(
        [
            Translation("docs/care.md", "en", Status.SOURCE),
            Translation(
                "docs_es/care.md",
                "es",
                Status.STALE,
                "docs/care.md",
                date(2023, 8, 28),
                date(2024, 3, 1),
            ),
            Translation("docs_es/fatigue.md", "es", Status.PENDING, "docs/fatigue.md"),
        ]
    )
    hard = {"metric": "Flesch-Kincaid grade", "score": 12.0, "target": "<= 8", "ok": False}
    report.add_fields("docs/care.md", {"readability": {**hard, "words": 90}, "pdf": "pdf/care.pdf"})
    document = json.loads(report.to_json())
    rows = {row["path"]: row for row in document["pages"]}
    assert {
        path: (row["translation"], row["translation_of"], row["original"])
        for path, row in rows.items()
    } == {
        "docs/care.md": ("source", None, None),
        "docs/fatigue.md": (None, None, None),  # no status given
        "docs_es/care.md": ("stale", "2023-08-28", "docs/care.md"),
        "docs_es/fatigue.md": ("pending", None, "docs/fatigue.md"),
    }
    assert rows["docs/care.md"]["pdf"] == "pdf/care.pdf"
    assert document["summary"] == {
        "pages": 4,
        "drafts": 0,
        "overdue": 1,
        "stale": 1,
        "pending": 1,
        "hard_to_read": 1,
    }
    assert [pending_message(row) for row in report.pending()] == [
        "Translation pending: Doc file 'docs_es/fatigue.md' (es): shows a notice with a link "
        "to 'docs/fatigue.md'"
    ]
    assert summary_message(report.summary(), ["reports/editorial-report.json", "r.html"]) == (
        "Editorial report: 4 pages, 0 not signed off, 1 overdue for review, 1 stale "
        "translation, 1 pending translation, 1 hard to read: reports/editorial-report.json, "
        "r.html"
    )


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        (
            (1, 1, 1),
            "1 page, 0 not signed off, 0 overdue for review, 1 stale translation, "
            "1 pending translation, 0 hard to read",
        ),
        (
            (2, 2, 0),
            "2 pages, 0 not signed off, 0 overdue for review, 2 stale translations, "
            "0 pending translations, 0 hard to read",
        ),
    ],
)
def test_the_summary_counts_in_the_right_plural(
    counts: tuple[int, int, int], expected: str
) -> None:
    pages, stale, pending = counts
    summary = {"pages": pages, "drafts": 0, "overdue": 0, "stale": stale, "pending": pending}
    assert summary_text({**summary, "hard_to_read": 0}) == expected
