from __future__ import annotations

from datetime import date

import lxml.html
import pytest

from oncopress.pdf.listing import (
    MARKER,
    ListedPdf,
    fill_marker,
    format_size,
    language_name,
    render_pdf_list,
    render_unavailable,
)

PDFS = [
    ListedPdf(
        "pdf/booklet.pdf", "en", "Site: all pages in one booklet", 1_300_000, date(2024, 2, 29)
    ),
    ListedPdf(
        "es/pdf/booklet.pdf",
        "es",
        "Sitio: todas las páginas en un folleto",
        40_000,
        date(2023, 8, 28),
    ),
    ListedPdf("pdf/care.pdf", "en", "Care & you", 20_000, date(2023, 8, 28)),
    ListedPdf("es/pdf/care.pdf", "es", "Cuidado después del tratamiento", 512, None),
]


@pytest.mark.parametrize(
    ("size", "locale", "expected"),
    [
        (0, "en", "1 KB"),
        (512, "en", "1 KB"),
        (20_000, "en", "20 KB"),
        (1_000_000, "es", "977 KB"),
        (1_047_552, "en", "1.0 MB"),
        (1_047_552, "es", "1,0 MB"),
        (1_300_000, "en", "1.2 MB"),
        (1_300_000, "es", "1,2 MB"),
        (25_000_000, "es", "23,8 MB"),
    ],
)
def test_format_size(size: int, locale: str, expected: str) -> None:
    assert format_size(size, locale) == expected


@pytest.mark.parametrize(
    ("locale", "in_locale", "expected"),
    [
        ("es", "en", "Spanish"),
        ("en", "es", "inglés"),
        ("es", "es", "español"),
        ("en", "en", "English"),
    ],
)
def test_language_name(locale: str, in_locale: str, expected: str) -> None:
    assert language_name(locale, in_locale) == expected


def rows(html: str) -> list[list[str]]:
    root = lxml.html.fragment_fromstring(html)
    return [
        [td.text_content() for td in tr.iter("td")]
        for tr in root.iter("tr")
        if tr.find("td") is not None
    ]


def test_list_in_english_page_language_first() -> None:
    html = render_pdf_list(PDFS, "pdfs/", "en")
    root = lxml.html.fragment_fromstring(html)
    assert [h.text for h in root.iter("h2")] == ["PDFs in English", "PDFs in Spanish"]
    assert [th.text for th in root.iter("th")][:4] == [
        "Title",
        "Language",
        "File size",
        "Last Revised",
    ]
    assert rows(html) == [
        ["Site: all pages in one booklet", "English", "1.2 MB", "February 29, 2024"],
        ["Care & you", "English", "20 KB", "August 28, 2023"],
        ["Sitio: todas las páginas en un folleto", "Spanish", "39 KB", "August 28, 2023"],
        ["Cuidado después del tratamiento", "Spanish", "1 KB", ""],
    ]
    links = [(a.get("href"), a.get("hreflang"), a.get("lang")) for a in root.iter("a")]
    assert links == [
        ("../pdf/booklet.pdf", "en", "en"),
        ("../pdf/care.pdf", "en", "en"),
        ("../es/pdf/booklet.pdf", "es", "es"),
        ("../es/pdf/care.pdf", "es", "es"),
    ]
    assert [td.get("data-bytes") for td in root.xpath("//td[@data-bytes]")] == [
        "1300000",
        "20000",
        "40000",
        "512",
    ]


def test_list_in_spanish_page_language_first() -> None:
    html = render_pdf_list(PDFS, "es/pdfs/", "es")
    root = lxml.html.fragment_fromstring(html)
    assert [h.text for h in root.iter("h2")] == ["PDF en español", "PDF en inglés"]
    assert [th.text for th in root.iter("th")][:4] == [
        "Título",
        "Idioma",
        "Tamaño del archivo",
        "Última actualización",
    ]
    assert rows(html)[0] == [
        "Sitio: todas las páginas en un folleto",
        "Español",
        "39 KB",
        "28 de agosto de 2023",
    ]
    assert rows(html)[2] == [
        "Site: all pages in one booklet",
        "Inglés",
        "1,2 MB",
        "29 de febrero de 2024",
    ]
    assert root.xpath("string(//a[@lang='en'][1]/@href)") == "../../pdf/booklet.pdf"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        (
            "en",
            "The PDF files are made when the site is published. This preview does not have them.",
        ),
        (
            "es",
            "Los archivos PDF se crean cuando se publica el sitio. Esta vista previa no los tiene.",
        ),
    ],
)
def test_unavailable_notice(locale: str, text: str) -> None:
    html = fill_marker(f"<p>Intro</p>\n{MARKER}\n", render_unavailable(locale))
    assert html == f'<p>Intro</p>\n<p class="site-pdf-list site-pdf-list--unavailable">{text}</p>\n'
    assert fill_marker("<p>no marker</p>", "x") == "<p>no marker</p>"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        (
            "en",
            "The PDF files are made when the site is published. This preview does not have "
            "them, and this computer cannot make them: the Pango libraries they need are "
            "missing (./tasks build says how to install them).",
        ),
        (
            "es",
            "Los archivos PDF se crean cuando se publica el sitio. Esta vista previa no los "
            "tiene, y este equipo no puede crearlos: faltan las bibliotecas Pango que necesitan "
            "(./tasks build indica cómo instalarlas).",
        ),
    ],
)
def test_unavailable_notice_on_a_computer_without_the_pdf_libraries(locale: str, text: str) -> None:
    html = render_unavailable(locale, no_libraries=True)
    assert html == f'<p class="site-pdf-list site-pdf-list--unavailable">{text}</p>'


def test_a_file_name_cannot_inject_markup_into_the_list() -> None:
    pdf = ListedPdf('pdf/q"><svg onload=alert(1)>#?.pdf', "en", "Odd", 1024, None)
    root = lxml.html.fragment_fromstring(render_pdf_list([pdf], "pdfs/", "en"))
    assert [a.get("href") for a in root.iter("a")] == [
        "../pdf/q%22%3E%3Csvg%20onload%3Dalert%281%29%3E%23%3F.pdf"
    ]
    assert list(root.iter("svg")) == []
