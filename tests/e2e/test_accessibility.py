"""Every page of both languages in Chromium: axe-core finds no WCAG 2.1 A/AA violation
and breaks none of its best practices, loading the page requests nothing from any origin
but the one serving it (the published host included), and the console shows no error.

Replicate: ./tasks build /tmp/site, serve it on 127.0.0.1, and run axe-core 4.x with tags
wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice on the page named in the failure (its
console and network panels for the others).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from browser import foreign_requests, launch_chromium, serve
from conftest import Build
from site_pages import page_paths

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": RULES}}


@pytest.fixture(scope="module")
def audited(real_site: Build) -> Iterator[dict[str, tuple[list[str], list[str], list[str]]]]:
    """For each page: (axe violations, foreign requests, console errors)."""
    results: dict[str, tuple[list[str], list[str], list[str]]] = {}
    axe = axe_module.Axe()
    with serve(real_site.site) as base, playwright_sync.sync_playwright() as p:
        browser = launch_chromium(p)
        for relative in page_paths(real_site.site):
            path = relative.removesuffix("index.html")
            for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
                page = browser.new_page(viewport=viewport)
                requested: list[str] = []
                errors: list[str] = []
                page.on("request", lambda request, seen=requested: seen.append(request.url))
                page.on("console", lambda m, seen=errors: m.type == "error" and seen.append(m.text))
                page.on("pageerror", lambda error, seen=errors: seen.append(str(error)))
                page.goto(base + path, wait_until="networkidle")
                outcome = axe.run(page, options=AXE_OPTIONS)
                violations = [
                    f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
                    for v in outcome.response["violations"]
                ]
                foreign = foreign_requests(requested, base)
                key = f"{relative} @ {viewport['width']}px"
                results[key] = (violations, foreign, errors)
                page.close()
        browser.close()
    yield results


Audited = dict[str, tuple[list[str], list[str], list[str]]]


def test_every_page_has_no_axe_violation(audited: Audited) -> None:
    assert len(audited) == 2 * 12  # 6 pages x 2 languages x desktop and phone widths
    assert {page: v for page, (v, _, _) in audited.items() if v} == {}


def test_every_page_loads_only_from_the_site(audited: Audited) -> None:
    assert {page: f for page, (_, f, _) in audited.items() if f} == {}


def test_every_page_has_no_console_error(audited: Audited) -> None:
    assert {page: e for page, (_, _, e) in audited.items() if e} == {}
