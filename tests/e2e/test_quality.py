"""The plain-language gate and the editorial report: a hard-to-read page in either
language is a WARNING naming the file (strict fails), and the real site meets every
target, with each page's translation status, readability and PDF in its report.

Replicate: copy tests/fixtures/hard-to-read next to the real hooks/, overrides/ and
mkdocs.yml (``conftest.make_project``) and run ``mkdocs build --strict -f <copy>/mkdocs.yml``;
for the real site, ``SITE_PDFS=1 mkdocs build --strict`` and read reports/editorial-report.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from conftest import Build, make_project

HARD = "use shorter sentences and everyday words"
MAIN_PAGES = ("index.md", "about.md", "survivorship/index.md", "survivorship/recurrence.md")


def report(build: Build) -> dict[str, Any]:
    return dict(json.loads(reports(build, "editorial-report.json").read_text("utf-8")))


def reports(build: Build, name: str) -> Path:
    """A file of the editorial report, beside the site (reports/), never in it."""
    return build.site.parent / "reports" / name


def test_a_hard_to_read_page_in_each_language_fails_a_strict_build(tmp_path: Path) -> None:
    result = make_project(tmp_path / "project", "hard-to-read").build()
    assert result.returncode != 0, result.explain()
    assert result.warnings == [
        "Doc file 'docs/surveillance.md' (en): is harder to read than the target: "
        f"Flesch-Kincaid grade 32.2 (target <= 8, 50 words); {HARD}",
        "Doc file 'docs_es/surveillance.md' (es): is harder to read than the target: "
        f"Fernández-Huerta -3.1 (target >= 60, 67 words); {HARD}",
    ], result.explain()
    assert "Aborted with 2 warnings in strict mode!" in result.log, result.explain()
    assert "Traceback" not in result.log, result.explain()
    rows = {row["path"]: row["readability"] for row in report(result)["pages"]}
    assert rows["docs_es/surveillance.md"] == {
        "metric": "Fernández-Huerta",
        "score": -3.1,
        "target": ">= 60",
        "ok": False,
        "words": 67,
    }
    assert rows["docs/index.md"] is None  # too short to score
    assert report(result)["summary"]["hard_to_read"] == 2


def test_the_real_site_passes_every_gate(real_site: Build) -> None:
    assert real_site.warnings == [], real_site.explain()
    summary = report(real_site)["summary"]
    assert (summary["stale"], summary["pending"], summary["hard_to_read"]) == (0, 0, 0)


def test_the_real_report_has_translation_readability_and_pdf_for_every_page(
    real_site: Build,
) -> None:
    rows = {row["path"]: row for row in report(real_site)["pages"]}
    for name in (*MAIN_PAGES, "pdfs.md"):
        english, spanish = rows[f"docs/{name}"], rows[f"docs_es/{name}"]
        assert (english["translation"], english["original"]) == ("source", None)
        assert (spanish["translation"], spanish["original"]) == ("current", f"docs/{name}")
        assert spanish["translation_of"] == english["last_revised"]
    for name in MAIN_PAGES:
        for locale, folder, metric, target in (
            ("en", "docs", "Flesch-Kincaid grade", "<= 8"),
            ("es", "docs_es", "Fernández-Huerta", ">= 60"),
        ):
            row = rows[f"{folder}/{name}"]
            readability = row["readability"]
            assert readability is not None, f"{folder}/{name} was not scored"
            assert (readability["metric"], readability["target"]) == (metric, target)
            assert readability["ok"] is True, f"{folder}/{name}: {readability}"
            assert row["pdf"] is not None and (real_site.site / row["pdf"]).is_file()
            assert row["pdf"].startswith("pdf/" if locale == "en" else "es/pdf/")
    assert rows["docs/pdfs.md"]["pdf"] is None  # `pdf: false`


def test_the_real_report_page(real_site: Build) -> None:
    html = reports(real_site, "editorial-report.html")
    soup = BeautifulSoup(html.read_text("utf-8"), "lxml")
    robots = soup.find("meta", attrs={"name": "robots"})
    assert robots is not None and robots["content"] == "noindex, nofollow"
    rows = soup.select("tbody tr")
    assert len(rows) == len(report(real_site)["pages"]) == 10
    for row in rows:
        link = row.select_one("th a")
        assert link is not None
        target = html.parent / str(link["href"]) / "index.html"
        assert target.is_file(), f"the report links to a missing page: {link['href']}"
    summary = next(line for line in real_site.lines("INFO") if line.startswith("Editorial report:"))
    overdue = report(real_site)["summary"]["overdue"]  # follows the build's date
    assert summary.startswith(
        f"Editorial report: 10 pages, 0 not signed off, {overdue} overdue for review, 0 stale "
        "translations, 0 pending translations, 0 hard to read: "
    ), real_site.explain()
    assert summary.endswith(
        "editorial-report.json, " + str(reports(real_site, "editorial-report.html"))
    )
