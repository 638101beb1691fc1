"""The built site in a real browser: headless Debian Chromium driven by Playwright.

Replicate: ./tasks build /tmp/site && python -m http.server -d /tmp/site, then open
http://127.0.0.1:8000/survivorship/recurrence/ in Chromium.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import browser as fixtures
import pytest

# The shared fixtures: the real site served, Chromium, a fresh tab.
base_url, browser, page = fixtures.base_url, fixtures.browser, fixtures.page

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")


def test_language_link_switches_to_the_same_page(page, base_url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{base_url}survivorship/recurrence/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Español", exact=True).click()
    page.wait_for_url(f"{base_url}es/survivorship/recurrence/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("article h1").inner_text() == "Qué es la recurrencia del cáncer"
    page.get_by_role("link", name="English", exact=True).click()
    page.wait_for_url(f"{base_url}survivorship/recurrence/")


@pytest.mark.parametrize(
    ("start", "query", "expected_title", "expected_prefix"),
    [
        ("es/survivorship/recurrence/", "recurrencia", "Qué es la recurrencia del cáncer", "es/"),
        ("survivorship/recurrence/", "recurrence", "Understanding cancer recurrence", ""),
    ],
)
def test_search_returns_pages_of_the_page_language_only(  # type: ignore[no-untyped-def]
    page, base_url: str, start: str, query: str, expected_title: str, expected_prefix: str
) -> None:
    page.goto(f"{base_url}{start}", wait_until="networkidle")  # the index is loaded
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query, delay=20)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    results.first.wait_for(timeout=15_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    paths = [urlsplit(href).path.lstrip("/") for href in hrefs]
    assert paths, "no search results"
    if expected_prefix:
        assert all(p.startswith(expected_prefix) for p in paths), paths
    else:
        assert not any(p.startswith("es/") for p in paths), paths
    titles = page.locator(".md-search-result__item > a h1").all_inner_texts()
    assert titles[0] == expected_title


@pytest.mark.parametrize(
    "path", ["", "survivorship/recurrence/", "es/", "es/survivorship/recurrence/", "es/pdfs/"]
)
def test_page_load_requests_only_the_local_server(page, base_url: str, path: str) -> None:  # type: ignore[no-untyped-def]
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}{path}", wait_until="networkidle")
    foreign = fixtures.foreign_requests(requested, base_url)
    assert requested, "the page made no request at all"
    assert foreign == []


@pytest.mark.parametrize(
    "path", ["", "survivorship/recurrence/", "es/", "es/survivorship/recurrence/"]
)
def test_on_a_phone_the_helpline_number_stays_on_one_line(
    browser, base_url: str, path: str
) -> None:  # type: ignore[no-untyped-def]
    """At 390 px the helpline bar wraps, but never inside the number ("1-" / "800-...")."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3)
    tab = context.new_page()
    try:
        tab.goto(f"{base_url}{path}")
        numbers = tab.locator('a[href="tel:+18002272345"]')
        assert numbers.count() == 2  # the helpline bar and the page text
        for index in range(numbers.count()):
            number = numbers.nth(index)
            assert number.inner_text() == "1-800-227-2345"
            lines = number.evaluate("element => element.getClientRects().length")
            assert lines == 1, f"the number breaks over {lines} lines on {path or 'home'}"
    finally:
        context.close()
