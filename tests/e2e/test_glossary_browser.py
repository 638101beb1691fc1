"""The glossary's definitions in Chromium, with the keyboard and on a touch screen, and
axe-core with a definition open (test_accessibility.py audits every page closed).

Why not Material's abbreviations (``abbr`` + ``content.tooltips``, enabled): in Chromium
a tap opens an ``abbr``'s tooltip and a tap elsewhere closes it, but Tab never reaches
an ``abbr``, so keyboard users never see it (the last test); our terms are buttons,
described by their definition.

Replicate: ./tasks build /tmp/site, serve it on 127.0.0.1, open
survivorship/recurrence/ and press Tab to the first underlined word.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser import base_url, browser  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser
playwright_sync = pytest.importorskip("playwright.sync_api")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright")

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
FIRST = {"en": "recurrence", "es": "recurrencia"}
PATHS = {"en": "survivorship/recurrence/", "es": "es/survivorship/recurrence/"}


def state(page: Any) -> tuple[str | None, bool]:
    """The first term's aria-expanded, and whether its definition is visible."""
    term = page.locator("button.glossary__term").first
    return term.get_attribute("aria-expanded"), page.locator("#glossary-1").is_visible()


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_keyboard_opens_and_closes_a_definition(
    browser: Any,  # noqa: F811
    base_url: str,  # noqa: F811
    locale: str,
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + PATHS[locale], wait_until="networkidle")
    for _ in range(60):  # Tab from the top of the page to the first term
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('glossary__term')"):
            break
    assert page.evaluate("document.activeElement.textContent") == FIRST[locale]
    assert state(page) == ("false", False)
    page.keyboard.press("Enter")
    assert state(page) == ("true", True)
    page.keyboard.press("Escape")
    assert state(page) == ("false", False)
    page.keyboard.press("Space")
    assert state(page) == ("true", True)
    page.keyboard.press("Space")
    assert state(page) == ("false", False)
    page.close()


@pytest.mark.parametrize("locale", ["en", "es"])
def test_a_tap_opens_a_definition_and_a_tap_elsewhere_closes_it(
    browser: Any,  # noqa: F811
    base_url: str,  # noqa: F811
    locale: str,
) -> None:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True
    )
    page = context.new_page()
    page.goto(base_url + PATHS[locale], wait_until="networkidle")
    page.locator("button.glossary__term").first.tap()
    assert state(page) == ("true", True)
    box = page.locator("#glossary-1").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.locator("article h1").tap()
    assert state(page) == ("false", False)
    context.close()


@pytest.mark.parametrize("locale", ["en", "es"])
def test_axe_finds_nothing_with_a_definition_open(
    browser: Any,  # noqa: F811
    base_url: str,  # noqa: F811
    locale: str,
) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base_url + PATHS[locale], wait_until="networkidle")
    page.locator("button.glossary__term").first.click()
    assert state(page) == ("true", True)
    outcome = axe_module.Axe().run(page, options=WCAG_AA)
    violations = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in outcome.response["violations"]
    ]
    assert violations == []
    page.close()


def test_materials_abbreviations_are_out_of_the_keyboards_reach(
    browser: Any,  # noqa: F811
    base_url: str,  # noqa: F811
    real_site: Any,
) -> None:
    """Why the glossary has its own buttons: an ``abbr`` Material gives a tooltip
    (``content.tooltips``) opens on a tap, but Tab never reaches it, so keyboard users
    never see its text. If this fails, Material changed: reconsider its abbreviations."""
    html = (real_site.site / PATHS["en"] / "index.html").read_text(encoding="utf-8")
    html = html.replace(
        "<p>Doctors use the word",
        '<p>Doctors use the word <abbr title="Cancer that comes back.">relapse</abbr>',
        1,
    )
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.route(
        "**/" + PATHS["en"],
        lambda route: route.fulfill(status=200, content_type="text/html", body=html),
    )
    page.goto(base_url + PATHS["en"], wait_until="networkidle")
    focused = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        focused.add(page.evaluate("document.activeElement.tagName"))
    assert "BUTTON" in focused and "ABBR" not in focused
    assert page.locator(".md-tooltip2--active").count() == 0
    page.close()
