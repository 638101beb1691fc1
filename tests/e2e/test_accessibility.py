"""Every page of both languages in Chromium: axe-core finds no WCAG 2.1 A/AA violation,
and loading the page requests nothing from any host but the site's own.

Replicate: ./tasks build /tmp/site, serve it on 127.0.0.1, and run axe-core 4.x with tags
wcag2a, wcag2aa, wcag21a, wcag21aa on the page named in the failure.
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

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def audited(real_site: Build) -> Iterator[dict[str, tuple[list[str], list[str]]]]:
    """For each page: (axe violations, foreign requests)."""
    results: dict[str, tuple[list[str], list[str]]] = {}
    axe = axe_module.Axe()
    with serve(real_site.site) as base, playwright_sync.sync_playwright() as p:
        browser = launch_chromium(p)
        for relative in page_paths(real_site.site):
            path = relative.removesuffix("index.html")
            for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
                page = browser.new_page(viewport=viewport)
                requested: list[str] = []
                page.on("request", lambda request, seen=requested: seen.append(request.url))
                page.goto(base + path, wait_until="networkidle")
                outcome = axe.run(page, options=WCAG_AA)
                violations = [
                    f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
                    for v in outcome.response["violations"]
                ]
                foreign = foreign_requests(requested, base)
                key = f"{relative} @ {viewport['width']}px"
                results[key] = (violations, foreign)
                page.close()
        browser.close()
    yield results


def test_every_page_has_no_wcag_violation(audited: dict[str, tuple[list[str], list[str]]]) -> None:
    assert len(audited) == 2 * 12  # 6 pages x 2 languages x desktop and phone widths
    assert {page: v for page, (v, _) in audited.items() if v} == {}


def test_every_page_loads_only_from_the_site(
    audited: dict[str, tuple[list[str], list[str]]],
) -> None:
    assert {page: f for page, (_, f) in audited.items() if f} == {}
