from datetime import date

import pytest
from bs4 import BeautifulSoup

from oncopress.checks.preflight import PageRecord
from oncopress.i18n.translations import Status, Translation
from oncopress.report.editorial_report import EditorialReport
from oncopress.report.report_html import render_report_html


def report() -> EditorialReport:
    built = EditorialReport(date(2026, 11, 26), 3)
    built.add_records(
        [
            PageRecord(
                path="docs/care.md",
                locale="en",
                title="Care <after> treatment",
                last_revised=date(2024, 3, 1),
                medical=True,
                reviewers=("content-team",),
                translation_reviewers=(),
                citations=("emery2022management", "gotze2019fear"),
            ),
            PageRecord(
                path="docs_es/care.md",
                locale="es",
                title="Cuidado después del tratamiento",
                last_revised=date(2023, 8, 28),
                medical=True,
                reviewers=("content-team",),
                translation_reviewers=("translation-team",),
                citations=(),
                translation_of=date(2023, 8, 28),
            ),
        ]
    )
    built.add_translations(
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
        ]
    )
    built.add_fields(
        "docs/care.md",
        {
            "url": "care/",
            "pdf": "pdf/care.pdf",
            "readability": {
                "metric": "Flesch-Kincaid grade",
                "score": 9.25,
                "target": "<= 8",
                "ok": False,
                "words": 120,
            },
        },
    )
    built.add_fields("docs_es/care.md", {"url": "es/care/"})
    built.add_fields("docs/care.md", {"sign_off": "signed", "signed_off": "2024-03-01"})
    built.add_fields(
        "docs_es/care.md",
        {
            "sign_off": "changed",
            "signed_off": "2023-08-28",
            "changed_in_original": ["Cancer can come back."],
        },
    )
    return built


def cells(row: BeautifulSoup) -> list[str]:
    return [" ".join(cell.get_text(" ", strip=True).split()) for cell in row.find_all(["th", "td"])]


def test_the_report_page_is_a_noindexed_table_of_every_page() -> None:
    html = render_report_html(report().document(), "Survivorship", "../site/")
    soup = BeautifulSoup(html, "lxml")
    assert soup.html is not None and soup.html["lang"] == "en"
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex, nofollow"
    assert soup.title is not None and soup.title.string == "Editorial report: Survivorship"
    rows = soup.select("tbody tr")
    assert cells(soup.select_one("thead tr")) == [
        "Page", "Language", "Last revised", "Review due", "Reviewers", "Sign-off",
        "Translation", "Readability", "Citations", "PDF",
    ]  # fmt: skip
    assert [cells(row) for row in rows] == [
        [
            "Care <after> treatment docs/care.md",
            "en",
            "2024-03-01",
            "2027-03-01",
            "content-team",
            "signed off 2024-03-01",
            "source",
            "Flesch-Kincaid grade 9.2 (target <= 8) hard to read",
            "2",
            "PDF",
        ],
        [
            "Cuidado después del tratamiento docs_es/care.md",
            "es",
            "2023-08-28",
            "2026-08-28 overdue",
            "content-team (translation: translation-team)",
            "changed since its sign-off of 2023-08-28",
            "stale (of 2023-08-28) Changed in the original since: Cancer can come back.",
            "not scored",
            "0",
            "none",
        ],
    ]
    links = [(a.get_text(), a["href"]) for a in soup.select("tbody a")]
    assert links == [
        ("Care <after> treatment", "../site/care/"),
        ("PDF", "../site/pdf/care.pdf"),
        ("Cuidado después del tratamiento", "../site/es/care/"),
    ]
    summary = " ".join(soup.select("main > p")[1].get_text(" ", strip=True).split())
    assert summary == (
        "2 pages, 1 not signed off, 1 overdue for review, 1 stale translation, "
        "0 pending translations, 1 hard to read. "
        "The same data for tools: editorial-report.json ."
    )


@pytest.mark.parametrize(
    ("years", "expected"),
    [(1, "Pages are due for review 1 year after"), (3, "Pages are due for review 3 years after")],
)
def test_the_review_interval_in_the_right_plural(years: int, expected: str) -> None:
    document = {**report().document(), "review_interval_years": years}
    soup = BeautifulSoup(render_report_html(document, "Survivorship"), "lxml")
    assert expected in " ".join(soup.select("main > p")[0].get_text(" ", strip=True).split())
