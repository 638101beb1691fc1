from __future__ import annotations

from typing import Any

import pytest

from oncopress.pdf.pdf_settings import PdfSettings, PdfSettingsError, read_settings


@pytest.mark.parametrize(
    ("command", "environ", "options", "expected"),
    [
        ("build", {}, {}, PdfSettings(True, 2)),
        ("gh-deploy", {}, {}, PdfSettings(True, 2)),
        (None, {}, {}, PdfSettings(True, 2)),
        ("serve", {}, {}, PdfSettings(False, 2)),
        ("serve", {}, {"on_serve": True}, PdfSettings(True, 2)),
        ("serve", {"SITE_PDFS": "1"}, {}, PdfSettings(True, 2)),
        ("build", {"SITE_PDFS": "0"}, {}, PdfSettings(False, 2)),
        ("build", {"SITE_PDFS": " OFF "}, {}, PdfSettings(False, 2)),
        ("build", {"SITE_PDFS": ""}, {}, PdfSettings(True, 2)),
        ("build", {"SITE_PDF_WORKERS": "1"}, {"workers": 4}, PdfSettings(True, 1)),
        ("build", {}, {"workers": 4}, PdfSettings(True, 4)),
    ],
)
def test_read_settings(
    command: str | None, environ: dict[str, str], options: dict[str, object], expected: PdfSettings
) -> None:
    assert read_settings(command, environ, options, 2) == expected


def test_unknown_cpu_count_means_one_worker() -> None:
    assert read_settings("build", {}, {}, None).workers == 1


@pytest.mark.parametrize(
    ("environ", "options", "message"),
    [
        (
            {"SITE_PDFS": "maybe"},
            {},
            "SITE_PDFS must be 1 (make PDFs) or 0 (skip them), not 'maybe'",
        ),
        (
            {"SITE_PDF_WORKERS": "0"},
            {},
            "SITE_PDF_WORKERS must be a whole number of 1 or more, not '0'",
        ),
        (
            {"SITE_PDF_WORKERS": "two"},
            {},
            "SITE_PDF_WORKERS must be a whole number of 1 or more, not 'two'",
        ),
        (
            {},
            {"workers": True},
            "mkdocs.yml: extra.pdf.workers must be a whole number of 1 or more (found True)",
        ),
        (
            {},
            {"workers": "2"},
            "mkdocs.yml: extra.pdf.workers must be a whole number of 1 or more (found '2')",
        ),
        (
            {},
            {"on_serve": "yes"},
            "mkdocs.yml: extra.pdf.on_serve must be true or false (found 'yes')",
        ),
        (
            {},
            {"serve": True},
            "mkdocs.yml: unknown setting extra.pdf.serve (known: on_serve, workers)",
        ),
        (
            {"SITE_PDF_WORKERS": "2"},
            {"workers": 0},
            "mkdocs.yml: extra.pdf.workers must be a whole number of 1 or more (found 0)",
        ),
        (
            {},
            5,
            "mkdocs.yml: extra.pdf must be a mapping of settings",
        ),
    ],
)
def test_bad_values_are_named(environ: dict[str, str], options: Any, message: str) -> None:
    with pytest.raises(PdfSettingsError) as caught:
        read_settings("serve", environ, options, 2)
    assert str(caught.value) == message


def test_a_dirty_build_makes_no_pdfs() -> None:
    assert read_settings("build", {}, {}, 2, dirty=True) == PdfSettings(False, 2)
    assert read_settings("build", {"SITE_PDFS": "0"}, {}, 2, dirty=True) == PdfSettings(False, 2)
    assert read_settings("serve", {}, {"on_serve": True}, 2, dirty=True) == PdfSettings(False, 2)
    with pytest.raises(PdfSettingsError) as caught:
        read_settings("build", {"SITE_PDFS": "1"}, {}, 2, dirty=True)
    assert str(caught.value) == (
        "SITE_PDFS=1 needs a full build: a --dirty build cannot make booklets and the PDF list"
    )


MISSING = "WeasyPrint cannot make them on this computer: ..."


@pytest.mark.parametrize(
    ("command", "environ", "options"),
    [
        ("build", {}, {}),
        ("gh-deploy", {}, {}),
        (None, {}, {}),
        ("build", {"SITE_PDFS": "1"}, {}),
    ],
)
def test_without_the_libraries_a_build_that_makes_pdfs_stops(
    command: str | None, environ: dict[str, str], options: dict[str, object]
) -> None:
    with pytest.raises(PdfSettingsError) as caught:
        read_settings(command, environ, options, 2, unavailable=MISSING)
    assert str(caught.value) == MISSING


@pytest.mark.parametrize(
    ("command", "environ", "options"),
    [
        ("serve", {}, {}),
        ("serve", {}, {"on_serve": True}),  # the preview runs without them all the same
        ("serve", {"SITE_PDFS": "1"}, {}),
        ("build", {"SITE_PDFS": "0"}, {}),
    ],
)
def test_without_the_libraries_the_preview_and_a_build_without_pdfs_go_on(
    command: str, environ: dict[str, str], options: dict[str, object]
) -> None:
    settings = read_settings(command, environ, options, 2, unavailable=MISSING)
    assert settings == PdfSettings(False, 2, MISSING)


def test_a_dirty_build_without_the_libraries_goes_on() -> None:
    assert read_settings("build", {}, {}, 2, dirty=True, unavailable=MISSING) == PdfSettings(
        False, 2, MISSING
    )
