"""The language suggestion: a visitor whose browser prefers another language of the site
sees a bar, in that language, offering the page's counterpart; dismissed, followed, or
after a language picked in the header, it does not come back. No redirect, no request,
nothing to or from a pending translation, nothing in print.

Replicate: ./tasks build /tmp/site && python -m http.server -d /tmp/site, then open
http://127.0.0.1:8000/survivorship/recurrence/ in Chromium started with --lang=es-ES.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import browser as fixtures
import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Build, make_project
from site_pages import counterpart_of, language_of, page_paths, parse, resolve

base_url, browser = fixtures.base_url, fixtures.browser

BARS = {
    "es": (
        "Sugerencia de idioma",
        "Esta página también está en español.",
        "Lea esta página en español",
        "No, gracias",
    ),
    "en": (
        "Language suggestion",
        "This page is also in English.",
        "Read this page in English",
        "No, thanks",
    ),
}
BROWSER_LOCALE = {"es": "es-ES", "en": "en-US"}
RECURRENCE = {"en": "survivorship/recurrence/", "es": "es/survivorship/recurrence/"}
OTHER = {"en": "es", "es": "en"}


def bars(soup: BeautifulSoup) -> list[tuple[str, str, str, str, str, str, bool]]:
    """Each bar: its language, name, text, link text, link href, button, hidden."""
    found = []
    for bar in soup.select("section.site-langbar"):
        link, button = bar.select_one("a"), bar.select_one("button")
        assert link is not None and button is not None
        text = bar.select_one("p").get_text(" ", strip=True).removesuffix(link.get_text()).strip()
        found.append(
            (
                str(bar["lang"]),
                str(bar["aria-label"]),
                text,
                link.get_text(),
                str(link["href"]),
                button.get_text(),
                bar.has_attr("hidden"),
            )
        )
    return found


def test_every_page_has_a_hidden_bar_offering_its_counterpart_in_its_language(
    real_site: Build,
) -> None:
    pages = [p for p in page_paths(real_site.site) if p != "404.html" and p != "es/404.html"]
    assert len(pages) == 10  # 5 pages x 2 languages
    for relative in pages:
        other = OTHER[language_of(relative)]
        found = bars(parse(real_site.site, relative))
        assert len(found) == 1, relative
        locale, name, text, link, href, button, hidden = found[0]
        assert (locale, name, text, link, button, hidden) == (
            other,
            *BARS[other][:3],
            BARS[other][3],
            True,
        ), relative
        assert resolve(relative, href) == counterpart_of(relative), relative
    for relative in ("404.html", "es/404.html"):  # served at any address: no counterpart
        assert bars(parse(real_site.site, relative)) == []


@pytest.fixture(scope="module")
def translations(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The "translations" fixture: care.md stale in Spanish, fatigue.md a pending stub."""
    project = make_project(tmp_path_factory.mktemp("langbar") / "project", "translations")
    shutil.copytree(ROOT / "docs" / "assets", project.docs / "assets")
    config = project.config()
    config["extra"]["quality"] = {"stale_translations": "info"}
    project.set_config(config)
    result = project.build(env={"SOURCE_DATE_EPOCH": "1795651200"})
    assert result.returncode == 0, result.explain()
    return result


def test_no_bar_to_or_from_a_pending_translation(translations: Build) -> None:
    """fatigue.md's Spanish page is a pending stub; care.md's, stale, is still a translation."""
    assert bars(parse(translations.site, "fatigue/index.html")) == []
    assert bars(parse(translations.site, "es/fatigue/index.html")) == []
    assert [bar[:2] for bar in bars(parse(translations.site, "care/index.html"))] == [
        ("es", "Sugerencia de idioma")
    ]
    assert [bar[:2] for bar in bars(parse(translations.site, "es/care/index.html"))] == [
        ("en", "Language suggestion")
    ]


# In Chromium, with the browser's language set as a visitor's would be.


@pytest.fixture
def visitor(browser: Any) -> Iterator[Any]:
    """A function opening a tab in a browser of the given language (and options)."""
    contexts: list[Any] = []

    def open_tab(locale: str, **options: Any) -> Any:
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(locale=locale, **options)
        contexts.append(context)
        return context.new_page()

    yield open_tab
    for context in contexts:
        context.close()


def shown_bar(tab: Any) -> Any:
    return tab.locator("section.site-langbar:visible")


@pytest.mark.browser
@pytest.mark.parametrize("page_locale", ["en", "es"])
def test_a_browser_preferring_the_other_language_is_offered_the_counterpart(
    visitor: Any, base_url: str, page_locale: str
) -> None:
    other = OTHER[page_locale]
    tab = visitor(BROWSER_LOCALE[other])
    tab.goto(base_url + RECURRENCE[page_locale])
    region = tab.get_by_role("region", name=BARS[other][0], exact=True)
    assert region.is_visible()
    assert shown_bar(tab).count() == 1
    assert region.locator("p").inner_text() == f"{BARS[other][1]} {BARS[other][2]}"
    link = region.get_by_role("link", name=BARS[other][2], exact=True)
    assert link.evaluate("a => a.href") == base_url + RECURRENCE[other]
    assert region.get_by_role("button", name=BARS[other][3], exact=True).is_visible()
    assert tab.evaluate("document.activeElement === document.body")  # focus not taken
    assert tab.url == base_url + RECURRENCE[page_locale]  # no redirect


@pytest.mark.browser
@pytest.mark.parametrize("page_locale", ["en", "es"])
def test_a_browser_preferring_the_page_language_sees_no_bar(
    visitor: Any, base_url: str, page_locale: str
) -> None:
    tab = visitor(BROWSER_LOCALE[page_locale])
    tab.goto(base_url + RECURRENCE[page_locale])
    assert tab.locator("section.site-langbar").count() == 1  # written, not shown
    assert shown_bar(tab).count() == 0


@pytest.mark.browser
def test_a_dismissed_bar_stays_dismissed(visitor: Any, base_url: str) -> None:
    tab = visitor("es-ES")
    tab.goto(base_url + RECURRENCE["en"])
    tab.get_by_role("button", name="No, gracias", exact=True).click()
    assert shown_bar(tab).count() == 0
    tab.reload()
    assert tab.locator("section.site-langbar").count() == 1  # written, not shown
    assert shown_bar(tab).count() == 0
    tab.goto(base_url)  # and on every page
    assert shown_bar(tab).count() == 0


@pytest.mark.browser
def test_a_followed_suggestion_is_remembered(visitor: Any, base_url: str) -> None:
    tab = visitor("es-ES")
    tab.goto(base_url + RECURRENCE["en"])
    tab.get_by_role("link", name="Lea esta página en español", exact=True).click()
    tab.wait_for_url(base_url + RECURRENCE["es"])
    tab.goto(base_url + RECURRENCE["en"])
    assert shown_bar(tab).count() == 0


@pytest.mark.browser
def test_a_language_picked_in_the_header_is_remembered(visitor: Any, base_url: str) -> None:
    """A Spanish browser whose visitor picks English reads on in English, unasked."""
    tab = visitor("es-ES")
    tab.goto(base_url + RECURRENCE["es"])
    tab.get_by_role("link", name="English", exact=True).click()
    tab.wait_for_url(base_url + RECURRENCE["en"])
    assert tab.locator("section.site-langbar").count() == 1  # written, not shown
    assert shown_bar(tab).count() == 0


@pytest.mark.browser
def test_on_a_phone_the_bar_fits_and_covers_nothing(visitor: Any, base_url: str) -> None:
    tab = visitor("es-ES", viewport={"width": 390, "height": 844}, device_scale_factor=3)
    tab.goto(base_url + RECURRENCE["en"])
    bar = shown_bar(tab).bounding_box()
    header = tab.locator("header.md-header").bounding_box()
    assert bar is not None and header is not None
    assert bar["width"] <= 390
    assert bar["y"] + bar["height"] <= header["y"] + 0.5  # above the header, not over it
    assert tab.evaluate("getComputedStyle(document.querySelector('.site-langbar')).position") == (
        "static"
    )
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    tab.mouse.wheel(0, 600)
    tab.wait_for_timeout(200)
    assert (
        tab.evaluate("document.querySelector('.site-langbar').getBoundingClientRect().bottom") <= 0
    )


@pytest.mark.browser
@pytest.mark.parametrize(
    ("motion", "animation"), [("no-preference", "site-langbar-in"), ("reduce", "none")]
)
def test_the_bar_appears_without_motion_when_asked(
    visitor: Any, base_url: str, motion: str, animation: str
) -> None:
    tab = visitor("es-ES", reduced_motion=motion)
    tab.goto(base_url + RECURRENCE["en"])
    name = "getComputedStyle(document.querySelector('.site-langbar')).animationName"
    assert tab.evaluate(name) == animation


@pytest.mark.browser
def test_the_bar_is_not_printed(visitor: Any, base_url: str) -> None:
    tab = visitor("es-ES")
    tab.goto(base_url + RECURRENCE["en"])
    assert shown_bar(tab).count() == 1
    tab.emulate_media(media="print")
    assert shown_bar(tab).count() == 0


@pytest.mark.browser
def test_the_bar_requests_nothing(visitor: Any, base_url: str) -> None:
    requested: dict[str, list[str]] = {}
    for locale in ("es-ES", "en-US"):
        tab = visitor(locale)
        seen = requested.setdefault(locale, [])
        tab.on("request", lambda request, seen=seen: seen.append(request.url))
        tab.goto(base_url + RECURRENCE["en"], wait_until="networkidle")
        assert shown_bar(tab).count() == (locale == "es-ES")
    assert sorted(requested["es-ES"]) == sorted(requested["en-US"])


@pytest.mark.browser
@pytest.mark.parametrize("page_locale", ["en", "es"])
@pytest.mark.parametrize("width", [1280, 390])
def test_the_shown_bar_passes_axe(
    visitor: Any, base_url: str, page_locale: str, width: int
) -> None:
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")
    tab = visitor(BROWSER_LOCALE[OTHER[page_locale]], viewport={"width": width, "height": 844})
    tab.goto(base_url + RECURRENCE[page_locale], wait_until="networkidle")
    assert shown_bar(tab).count() == 1
    outcome = axe_module.Axe().run(tab)  # every rule: WCAG and best practices
    violations = outcome.response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
