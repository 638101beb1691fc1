"""What an outside audit of a visit (Lighthouse 12.2.3, issue 24) found, fixed: no
request for a sitemap that does not exist, a named search dialog, a sized logo. Requests
to other origins, console errors and axe's best practices are checked on every page by
test_accessibility.py; the scores themselves by bench/lighthouse.py (not a test).

Replicate: ./tasks build /tmp/site && python -m http.server -d /tmp/site, then open a
page in Chromium with its network panel open.
"""

from __future__ import annotations

from typing import Any

import browser as fixtures
import pytest
from conftest import Build
from site_pages import language_of, page_paths, parse

base_url, browser, page = fixtures.base_url, fixtures.browser, fixtures.page

SEARCH = {"en": "Search", "es": "Buscar"}


def test_the_search_dialog_has_a_name_in_the_page_language(real_site: Build) -> None:
    for relative in page_paths(real_site.site):
        dialogs = parse(real_site.site, relative).select('[role="dialog"]')
        names = [dialog.get("aria-label") for dialog in dialogs]
        assert names == [SEARCH[language_of(relative)]], relative


def test_the_logo_has_its_width_and_height(real_site: Build) -> None:
    for relative in page_paths(real_site.site):
        logos = parse(real_site.site, relative).select('img[src$="assets/logo.svg"]')
        assert len(logos) == 2, relative  # the header's and the navigation drawer's
        assert {(logo.get("width"), logo.get("height")) for logo in logos} == {("24", "24")}


@pytest.mark.browser
@pytest.mark.parametrize(
    "path", ["", "survivorship/recurrence/", "es/", "es/survivorship/recurrence/", "404.html"]
)
def test_no_sitemap_is_requested_and_the_hreflang_links_stay(
    page: Any, base_url: str, path: str
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(base_url + path, wait_until="networkidle")
    assert [url for url in requested if "sitemap" in url] == []
    hreflang = page.evaluate(
        "[...document.querySelectorAll('head link[rel=alternate][hreflang]')]"
        ".map(link => link.hreflang)"
    )
    assert hreflang == ["en", "es", "x-default"]
