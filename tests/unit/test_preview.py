"""The preview's problem page and warning panel (oncopress.preview.overlay), in both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from oncopress.preview.overlay import (
    PREVIEW_LABELS,
    PreviewLocaleError,
    locale_of_url,
    render_problem_page,
    render_warning_panel,
)

LINES = [
    "ERROR   -  Editorial check failed: 1 problem in 1 page",
    "  Doc file 'docs_es/care.md' (es): cites unknown reference key '<smith2020>' & more",
]


def test_every_locale_has_every_label() -> None:
    assert set(PREVIEW_LABELS["es"]) == set(PREVIEW_LABELS["en"])


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "en"),
        ("/care/", "en"),
        ("/es/", "es"),
        ("/es/care/", "es"),
        ("/es", "es"),
        ("/esperanza/", "en"),
        ("/en/", "en"),
        ("/fr/", "en"),
    ],
)
def test_locale_of_url(path: str, expected: str) -> None:
    assert locale_of_url(path, ["en", "es"], "en") == expected


@pytest.mark.parametrize(
    ("locale", "title", "intro"),
    [
        (
            "en",
            "The preview cannot be built",
            "The site has problems that stop the build. Fix them and save the file: this page "
            "reloads by itself.",
        ),
        (
            "es",
            "No se puede generar la vista previa",
            "El sitio tiene problemas que detienen la compilación. Corríjalos y guarde el "
            "archivo: esta página se volverá a cargar sola.",
        ),
    ],
)
def test_problem_page_lists_the_lines_as_text(locale: str, title: str, intro: str) -> None:
    soup = BeautifulSoup(render_problem_page(LINES, locale), "lxml")
    assert soup.find("html")["lang"] == locale
    assert soup.find("title").get_text() == title
    assert soup.find("h1").get_text() == title
    assert soup.find("p").get_text() == intro
    assert soup.select_one("#preview-problems pre").get_text().split("\n") == LINES
    assert soup.find("smith2020") is None  # the angle brackets stayed text


@pytest.mark.parametrize(
    ("locale", "heading"),
    [
        ("en", "Warnings that stop publishing the site"),
        ("es", "Avisos que impiden publicar el sitio"),
    ],
)
def test_warning_panel(locale: str, heading: str) -> None:
    panel = BeautifulSoup(render_warning_panel(LINES[1:], locale), "lxml").find("aside")
    assert panel["id"] == "preview-problems" and panel["lang"] == locale
    assert panel.find("strong").get_text() == heading
    assert panel.find("pre").get_text() == LINES[1]


def test_unknown_locale_is_a_clear_error() -> None:
    with pytest.raises(
        PreviewLocaleError, match=r"^the preview has no labels for locale 'fr' \(has: en, es\)$"
    ):
        render_problem_page(LINES, "fr")
