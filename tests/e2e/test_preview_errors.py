"""`./tasks serve` (tools/serve.py) shows a broken build's problems in the browser.

While the build is broken, every page URL answers at once (no hanging request) with
a page in the URL's language listing the problem lines exactly as the terminal prints
them; a fixed file brings the real pages back, and the problem page carries MkDocs'
live-reload script so an open browser tab reloads by itself (the browser test shows
it). A build with warnings pins them to the foot of every page. Nothing of it reaches
a published build.

Replicate: ./tasks serve, delete `reviewed_by:` from docs_es/care.md, open
http://127.0.0.1:8000/ and /es/, put the line back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import launch_chromium
from bs4 import BeautifulSoup
from conftest import Project, sign_everything
from playwright.sync_api import sync_playwright
from served import PREVIEW, Server

BROKEN_BLOCK = [
    "ERROR   -  Editorial check failed: 2 problems in 2 pages",
    "  Doc file 'docs/care.md' (en): unknown front matter key 'reviewd_by' (line 5: did you mean 'reviewed_by'?)",
    "  Doc file 'docs_es/care.md' (es): medical page has no 'reviewed_by' in front matter (name reviewer ids from reviewers.yml, or set 'medical: false')",
]
TITLES = {"en": "The preview cannot be built", "es": "No se puede generar la vista previa"}


class Preview(Server):
    """tools/serve.py (what ``./tasks serve`` runs)."""

    def __init__(self, project: Project) -> None:
        super().__init__(project.root, PREVIEW)

    def terminal_block(self, first: str) -> list[str]:
        """The last terminal lines from one starting with ``first`` to the next log line
        (none while the terminal has not printed it)."""
        starts = [i for i, line in enumerate(self.output) if line.startswith(first)]
        if not starts:
            return []
        start = starts[-1]
        block = [self.output[start]]
        for line in self.output[start + 1 :]:
            if not line.startswith("  "):
                break
            block.append(line)
        return block


def problem_page(text: str) -> tuple[str, str, list[str], bool]:
    """(lang, h1, problem lines, has live reload) of a problem page's parsed HTML."""
    soup = BeautifulSoup(text, "lxml")
    html, h1, pre = soup.find("html"), soup.find("h1"), soup.select_one("#preview-problems pre")
    assert html is not None and h1 is not None and pre is not None, text
    scripts = " ".join(script.get_text() for script in soup.find_all("script"))
    return str(html["lang"]), h1.get_text(), pre.get_text().split("\n"), "livereload(" in scripts


def listed(text: str) -> list[str]:
    """The problem lines a served page lists (none for a page without the list)."""
    pre = BeautifulSoup(text, "lxml").select_one("#preview-problems pre")
    return [] if pre is None else pre.get_text().split("\n")


@pytest.fixture
def preview(project: Project) -> Iterator[Preview]:
    sign_everything(project.root)  # no page is a draft before the test's edits
    served = Preview(project)
    try:
        served.wait("the first build", lambda: "Última actualización" in served.get("es/care/")[1])
        yield served
    finally:
        served.stop()


def test_broken_build_shows_every_problem_in_the_editors_language(
    project: Project, preview: Preview
) -> None:
    english, spanish = project.docs / "care.md", project.docs_es / "care.md"
    good_en, good_es = english.read_text("utf-8"), spanish.read_text("utf-8")
    english.write_text(good_en.replace("reviewed_by:", "reviewd_by:", 1), "utf-8")
    spanish.write_text(good_es.replace("reviewed_by: [content-team]\n", ""), "utf-8")
    preview.wait("the problem page", lambda: listed(preview.get("")[1]) == BROKEN_BLOCK)
    first = "ERROR   -  Editorial check failed:"  # the terminal's pipe may still be behind
    preview.wait("the terminal's lines", lambda: len(preview.terminal_block(first)) >= 3)
    assert preview.terminal_block(first) == BROKEN_BLOCK
    for path, locale in [("", "en"), ("care/", "en"), ("es/", "es"), ("es/care/", "es")]:
        status, text = preview.get(path)
        assert status == 503, (path, text)
        assert problem_page(text) == (locale, TITLES[locale], BROKEN_BLOCK, True), path
        assert "Traceback" not in text
    assert not any("Traceback" in line for line in preview.output), "\n".join(preview.output)

    spanish.write_text(good_es, "utf-8")  # one fixed, one left: the page lists only what is left
    remaining = [
        "ERROR   -  Editorial check failed: 1 problem in 1 page",
        BROKEN_BLOCK[1],
    ]
    preview.wait(
        "one problem left",
        lambda: listed(preview.get("es/care/")[1]) == remaining,
    )

    english.write_text(good_en, "utf-8")  # the signed-off text again: nothing to show
    preview.wait("the fixed page", lambda: preview.get("care/")[0] == 200)
    status, text = preview.get("es/care/")
    soup = BeautifulSoup(text, "lxml")
    assert status == 200
    assert soup.select_one("#preview-problems") is None
    assert soup.find("h1").get_text() == "Cuidado después del tratamiento"


def test_warnings_show_at_the_foot_of_pages_and_never_in_a_published_build(
    project: Project, preview: Preview
) -> None:
    english = project.docs / "care.md"
    english.write_text(
        english.read_text("utf-8") + "\nSee [the missing page](missing.md).\n", "utf-8"
    )
    warning = (
        "WARNING -  Doc file 'docs/care.md' contains a link 'missing.md', but the target is "
        "not found among documentation files."
    )
    # The edit also makes the page a draft and its translation stale (sign-off ledger).
    draft = (
        "WARNING -  Doc file 'docs/care.md' (en): changed since it was signed off on 2023-08-28 "
        "by content-team; once its reviewers have approved this text, run: ./tasks sign-off "
        "docs/care.md --by content-team"
    )
    stale = (
        "WARNING -  Doc file 'docs_es/care.md' (es): translation is out of date: the English "
        "page 'docs/care.md' changed since the revision of 2023-08-28 it translates (1 "
        'paragraph added or changed: "See [the missing page](missing.md)."); update the '
        "translation, then run: ./tasks sign-off docs_es/care.md --by content-team "
        "--translation-by translation-team"
    )
    preview.wait("the warning panel", lambda: "preview-problems" in preview.get("care/")[1])
    for path, heading in [
        ("care/", "Warnings that stop publishing the site"),
        ("es/", "Avisos que impiden publicar el sitio"),
    ]:
        status, text = preview.get(path)
        panel = BeautifulSoup(text, "lxml").select_one("aside#preview-problems")
        assert status == 200 and panel is not None, text
        assert panel.find("strong").get_text() == heading
        assert panel.find("pre").get_text().split("\n") == [draft, stale, warning]
    assert warning in preview.output

    built = project.build(strict=False)
    assert built.returncode == 0, built.explain()
    for page in built.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text("utf-8"), "lxml")
        assert soup.select_one("#preview-problems") is None, page
        scripts = " ".join(script.get_text() for script in soup.find_all("script"))
        assert "livereload" not in scripts, page


@pytest.mark.browser
def test_an_open_tab_switches_to_the_problems_and_back_by_itself(
    project: Project, preview: Preview
) -> None:
    spanish = project.docs_es / "care.md"
    good = spanish.read_text("utf-8")
    with sync_playwright() as p:
        chromium = launch_chromium(p)
        try:
            tab = chromium.new_page()
            tab.goto(preview.base + "es/care/")
            assert tab.locator("article h1").inner_text() == "Cuidado después del tratamiento"
            spanish.write_text(good.replace("reviewed_by: [content-team]\n", ""), "utf-8")
            tab.wait_for_selector("#preview-problems pre", timeout=60_000)  # no reload asked
            assert tab.locator("h1").inner_text() == TITLES["es"]
            assert tab.locator("#preview-problems pre").inner_text().split("\n") == [
                "ERROR   -  Editorial check failed: 1 problem in 1 page",
                BROKEN_BLOCK[2],
            ]
            spanish.write_text(good, "utf-8")
            tab.wait_for_selector("article h1", timeout=60_000)
            assert tab.locator("article h1").inner_text() == "Cuidado después del tratamiento"
        finally:
            chromium.close()
