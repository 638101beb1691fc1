"""The preview's problem page and warning panel (oncopress.preview.overlay), in both languages."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from oncopress.preview.overlay import (
    labels_for,
    locale_of_url,
    render_problem_page,
    render_warning_panel,
)

LINES = [
    "ERROR   -  Editorial check failed: 1 problem in 1 page",
    "  Doc file 'docs_es/care.md' (es): cites unknown reference key '<smith2020>' & more",
]


def test_the_strings_come_from_the_labels_files() -> None:
    assert labels_for("es")["title"] == "No se puede generar la vista previa"


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


def test_a_language_whose_labels_cannot_be_read_shows_english() -> None:
    """Its labels file is broken or missing: the problem page (which says so) is English."""
    assert render_problem_page(LINES, "fr") == render_problem_page(LINES, "en").replace(
        'lang="en"', 'lang="fr"'
    )
