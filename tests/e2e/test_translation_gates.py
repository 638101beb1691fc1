"""Translation integrity on fixture sites: a page missing in one language fails the
build, a stale translation is a WARNING (strict fails) or INFO by setting and shows a
notice in Spanish, a pending translation shows a notice with a link to the English
page, and the editorial report lists each page's translation status.

Replicate: copy tests/fixtures/<name> next to the real hooks/, overrides/ and
mkdocs.yml (``conftest.make_project``), then ``mkdocs build --strict -f <copy>/mkdocs.yml``
(every failure prints its command).
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import ROOT, Build, Project, make_project
from site_pages import resolve

TODAY = {"SOURCE_DATE_EPOCH": "1795651200"}  # 2026-11-26
# The fixture's ledger (tests/fixtures/translations/sign-offs.yml, written by ./tasks
# sign-off): docs_es/care.md was signed off against the English text of 2023-08-28,
# before "See your care team every year." was added and signed off on 2024-03-01.
STALE = (
    "Doc file 'docs_es/care.md' (es): translation is out of date: the English page "
    "'docs/care.md' changed since the revision of 2023-08-28 it translates (1 paragraph added "
    'or changed: "Cancer can come back after treatment. See your care team every year."; '
    "1 paragraph of the translated revision gone); update the translation, then run: "
    "./tasks sign-off docs_es/care.md --by content-team --translation-by translation-team"
)
STALE_NOTICE = (
    "La versión en inglés se actualizó el 1 de marzo de 2024. Es posible que esta "
    "traducción todavía no tenga esos cambios."
)
PENDING_NOTICE = "Esta página todavía no está disponible en español."


def error_message(result: Build) -> str:
    """The build's one error: its ``ERROR`` line and the indented lines after it."""
    lines = result.log.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("ERROR ")]
    assert len(starts) == 1, result.explain()
    block = [lines[starts[0]].removeprefix("ERROR").lstrip(" -")]
    block += [line for line in lines[starts[0] + 1 :] if line.startswith("  ")]
    return "\n".join(block)


def assert_fails_with(result: Build, message: str) -> None:
    assert result.returncode != 0, result.explain()
    assert error_message(result) == message, result.explain()
    assert "Traceback" not in result.log, result.explain()


def test_a_page_missing_in_spanish_fails_the_build(tmp_path: Path) -> None:
    result = make_project(tmp_path / "project", "missing-spanish").build(env=TODAY)
    assert_fails_with(
        result,
        "Editorial check failed: 1 problem in 1 page\n"
        "  Doc file 'docs/care.md' (en): has no Spanish version: add 'docs_es/care.md' "
        "(the translation, or a stub with 'translation_status: pending')",
    )
    assert "Aborted with a BuildError!" in result.log, result.explain()
    assert not (result.site / "care" / "index.html").exists(), "a page was rendered"


def test_a_spanish_page_without_an_english_original_fails_the_build(tmp_path: Path) -> None:
    result = make_project(tmp_path / "project", "spanish-only").build(env=TODAY)
    assert_fails_with(
        result,
        "Editorial check failed: 1 problem in 1 page\n"
        "  Doc file 'docs_es/support/groups.md' (es): has no English original "
        "'docs/support/groups.md': a translation must have the same path as its original "
        "(move it, or add the original)",
    )


def edit(project: Project, relative: str, old: str, new: str) -> None:
    path = project.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer contains {old!r}: update the test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_translation_front_matter_problems_fail_the_build(project: Project) -> None:
    edit(project, "docs_es/index.md", "translation_of: 2023-08-28\n", "")
    edit(project, "docs_es/care.md", "translation_reviewed_by: [translation-team]\n", "")
    edit(
        project, "docs/index.md", "medical: false\n", "medical: false\ntranslation_of: 2023-08-28\n"
    )
    assert_fails_with(
        project.build(env=TODAY),
        "Editorial check failed: 3 problems in 3 pages\n"
        "  Doc file 'docs/index.md' (en): 'translation_of' is only for translations; the "
        "English page is the original (remove it)\n"
        "  Doc file 'docs_es/care.md' (es): medical page has no 'translation_reviewed_by' in "
        "front matter (name the reviewer ids of the translation from reviewers.yml)\n"
        "  Doc file 'docs_es/index.md' (es): has no 'translation_of' in front matter; add the "
        "last_revised date of the English page it translates, like translation_of: 2023-08-28",
    )


def test_a_translation_of_a_later_revision_fails_the_build(project: Project) -> None:
    edit(project, "docs_es/care.md", "translation_of: 2023-08-28", "translation_of: 2024-01-05")
    assert_fails_with(
        project.build(env=TODAY),
        "Editorial check failed: 1 problem in 1 page\n"
        "  Doc file 'docs_es/care.md' (es): 'translation_of' is 2024-01-05, later than the "
        "last_revised 2023-08-28 of 'docs/care.md'; set it to the revision this page translates",
    )


def test_an_english_fallback_in_the_spanish_site_is_refused(project: Project) -> None:
    config = project.config()
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin["i18n"]["fallback_to_default"] = True
    project.set_config(config)
    assert_fails_with(
        project.build(env=TODAY),
        "mkdocs.yml: set 'fallback_to_default: false' for the i18n plugin: a page missing in "
        "one language must fail the build or show a 'translation_status: pending' notice, "
        "never the other language's text",
    )


# The "translations" fixture: care.md revised in English after its translation (stale),
# fatigue.md with a Spanish stub marked `translation_status: pending`.


@pytest.fixture(scope="module")
def stale_default(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return make_project(tmp_path_factory.mktemp("stale") / "project", "translations").build(
        env=TODAY
    )


@pytest.fixture(scope="module")
def stale_info(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("info") / "project", "translations")
    shutil.copytree(ROOT / "docs" / "assets", project.docs / "assets")  # the site's CSS
    config = project.config()
    config["extra"]["quality"] = {"stale_translations": "info"}
    project.set_config(config)
    return project.build(env=TODAY)


def page(build: Build, relative: str) -> BeautifulSoup:
    return BeautifulSoup((build.site / relative).read_text(encoding="utf-8"), "lxml")


def text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text(" ", strip=True).split())


def notices(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("article .page-notices .page-notice")


def test_a_stale_translation_fails_a_strict_build(stale_default: Build) -> None:
    assert stale_default.returncode != 0, stale_default.explain()
    assert stale_default.warnings == [STALE], stale_default.explain()
    assert "Aborted with 1 warnings in strict mode!" in stale_default.log, stale_default.explain()
    assert "Traceback" not in stale_default.log, stale_default.explain()


def test_with_stale_translations_at_info_the_strict_build_passes(stale_info: Build) -> None:
    assert stale_info.returncode == 0, stale_info.explain()
    assert stale_info.warnings == [], stale_info.explain()
    assert STALE in stale_info.lines("INFO"), stale_info.explain()
    assert (
        "Translation pending: Doc file 'docs_es/fatigue.md' (es): shows a notice with a link "
        "to 'docs/fatigue.md'"
    ) in stale_info.lines("INFO"), stale_info.explain()


@pytest.mark.parametrize(
    ("relative", "status", "title", "notice"),
    [
        ("es/care/index.html", "stale", "Estamos actualizando esta traducción", STALE_NOTICE),
        ("es/fatigue/index.html", "pending", "Traducción pendiente", PENDING_NOTICE),
    ],
)
def test_the_spanish_page_shows_a_notice_with_a_link_to_the_english_page(
    stale_info: Build, relative: str, status: str, title: str, notice: str
) -> None:
    soup = page(stale_info, relative)
    (shown,) = notices(soup)
    assert f"page-notice--{status}" in shown["class"]
    assert shown["role"] == "note"
    assert text(shown.select_one(".admonition-title")) == title
    link = shown.select_one("a.page-notice__original")
    assert link is not None and text(link) == "Lea esta página en inglés"
    assert link["hreflang"] == "en"
    english = relative.removeprefix("es/")
    assert resolve(relative, str(link["href"])) == english
    assert text(shown) == f"{title} {notice} Lea esta página en inglés"
    assert soup.html is not None and soup.html["lang"] == "es"


def test_a_pending_page_has_its_spanish_title_no_stamp_and_reciprocal_languages(
    stale_info: Build,
) -> None:
    spanish = page(stale_info, "es/fatigue/index.html")
    assert text(spanish.select_one("article h1")) == "Cómo sobrellevar el cansancio"
    assert spanish.select_one("article .page-meta") is None, "a stub attests no review"
    assert spanish.find("script", type="application/ld+json") is None
    english = page(stale_info, "fatigue/index.html")
    for soup, relative, other in (
        (spanish, "es/fatigue/index.html", "fatigue/index.html"),
        (english, "fatigue/index.html", "es/fatigue/index.html"),
    ):
        alternates = {
            str(link["hreflang"]): resolve(relative, str(link["href"]))
            for link in soup.select('head link[rel="alternate"][hreflang]')
        }
        assert alternates == {
            "en": "fatigue/index.html",
            "es": "es/fatigue/index.html",
            "x-default": "fatigue/index.html",
        }
        switch = soup.select_one("a.site-header-links__lang")
        assert switch is not None and resolve(relative, str(switch["href"])) == other


@pytest.mark.parametrize(
    "relative", ["index.html", "care/index.html", "fatigue/index.html", "es/index.html"]
)
def test_originals_and_current_translations_have_no_notice(
    stale_info: Build, relative: str
) -> None:
    assert notices(page(stale_info, relative)) == []


def test_the_report_lists_every_translation_status(stale_info: Build) -> None:
    reports = stale_info.site.parent / "reports"
    report = json.loads((reports / "editorial-report.json").read_text("utf-8"))
    statuses = {
        row["path"]: (row["translation"], row["translation_of"], row["original"])
        for row in report["pages"]
    }
    assert statuses == {
        "docs/index.md": ("source", None, None),
        "docs/care.md": ("source", None, None),
        "docs/fatigue.md": ("source", None, None),
        "docs_es/index.md": ("current", "2023-08-28", "docs/index.md"),
        "docs_es/care.md": ("stale", "2023-08-28", "docs/care.md"),
        "docs_es/fatigue.md": ("pending", None, "docs/fatigue.md"),
    }
    assert report["summary"]["stale"] == 1
    assert report["summary"]["pending"] == 1
    assert [
        row["changed_in_original"] for row in report["pages"] if row["changed_in_original"]
    ] == [["Cancer can come back after treatment. See your care team every year."]]
    html = BeautifulSoup((reports / "editorial-report.html").read_text("utf-8"), "lxml")
    rows = {text(row.th.code): text(row) for row in html.select("tbody tr") if row.th}
    assert "pending" in rows["docs_es/fatigue.md"].split()
    assert (
        "stale (of 2023-08-28) Changed in the original since: Cancer can come back after "
        "treatment. See your care team every year."
    ) in rows["docs_es/care.md"]


def test_the_report_page_is_kept_out_of_the_site(stale_info: Build) -> None:
    site = stale_info.site
    assert sorted(p.name for p in site.rglob("editorial-report*")) == []
    report = BeautifulSoup(
        (site.parent / "reports" / "editorial-report.html").read_text("utf-8"), "lxml"
    )
    robots = report.find("meta", attrs={"name": "robots"})
    assert robots is not None and "noindex" in str(robots["content"])
    assert "editorial-report" not in (site / "sitemap.xml").read_text("utf-8")
    nav_links = [a["href"] for a in page(stale_info, "index.html").select("nav a[href]")]
    assert not [href for href in nav_links if re.search("editorial-report", str(href))]


@pytest.mark.browser
def test_the_notices_and_the_report_page_meet_wcag_aa(stale_info: Build) -> None:
    """axe-core in Chromium on the notices (the rest of these pages is the real site's
    chrome, audited by test_accessibility.py) and on the whole report page."""
    playwright = pytest.importorskip("playwright.sync_api")
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    from browser import launch_chromium, serve

    wcag = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    audits = [("site/es/care/", ".page-notices"), ("site/es/fatigue/", ".page-notices")]
    audits.append(("reports/editorial-report.html", None))  # beside the site
    violations = {}
    with serve(stale_info.site.parent) as base, playwright.sync_playwright() as p:
        browser = launch_chromium(p)
        page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
        for path, context in audits:
            page.goto(base + path, wait_until="load")
            found = axe_module.Axe().run(page, context=context, options=wcag)
            violations[path] = [
                f"{v['id']}: {[n['target'] for n in v['nodes']]}"
                for v in found.response["violations"]
            ]
        browser.close()
    assert {key: found for key, found in violations.items() if found} == {}
