from __future__ import annotations

from dataclasses import replace
from datetime import date

import lxml.html
import pytest
from test_pdf_handout import SAMPLE_NOTICES, chrome, page, sample_chrome

from oncopress.pdf.booklet import booklet_date, booklet_title, build_booklet
from oncopress.pdf.handout import PageSource


def pages(locale: str) -> list[PageSource]:
    prefix = "es/" if locale == "es" else ""
    first = replace(
        page(locale),
        url=f"{prefix}survivorship/",
        title="Primero",
        revised=date(2023, 8, 28),
        article='<h1 id="t">Primero</h1><p id="p">Vea <a href="recurrence/#part">la otra</a> '
        'y <a href="#p">esto</a>.</p><div class="footnote"><ol><li id="fn:a">Ref</li></ol></div>',
    )
    second = replace(
        page(locale),
        title="Segundo",
        revised=date(2024, 2, 29),
        article='<h1 id="t">Segundo</h1><h2 id="part">Parte</h2><img src="a.png" alt="a">'
        '<div class="footnote"><ol><li id="fn:a">Ref</li></ol></div>',
    )
    return [first, second]


@pytest.mark.parametrize(
    ("locale", "title", "contents", "date_line"),
    [
        (
            "en",
            "Cancer Survivorship Information: all pages in one booklet",
            "Contents",
            "Last Revised: February 29, 2024",
        ),
        (
            "es",
            "Información sobre la supervivencia al cáncer: todas las páginas en un folleto",
            "Contenido",
            "Última actualización: 29 de febrero de 2024",
        ),
    ],
)
def test_booklet_cover_and_contents_in_its_language(
    locale: str, title: str, contents: str, date_line: str
) -> None:
    document = build_booklet(pages(locale), chrome(locale))
    root = lxml.html.document_fromstring(document.html)
    assert root.get("lang") == locale
    assert root.findtext("head/title") == title == booklet_title(chrome(locale))
    cover = root.xpath("//section[@class='booklet__cover']")[0]
    assert cover.findtext("h1") == chrome(locale).site_name
    assert cover.xpath("string(p[@class='booklet__date'])") == date_line
    assert cover.xpath("string(.//time/@datetime)") == "2024-02-29"
    assert cover.xpath("string(p[@class='booklet__copyright'])") == chrome(locale).copyright
    assert "1-800-227-2345" in cover.text_content()
    toc = root.xpath("//section[@class='booklet__contents']")[0]
    assert toc.findtext("h2") == contents
    assert [(a.text, a.get("href")) for a in toc.iter("a")] == [
        ("Primero", "#ch1"),
        ("Segundo", "#ch2"),
    ]


def test_booklet_chapters_have_their_own_anchors() -> None:
    document = build_booklet(pages("es"), chrome("es"))
    root = lxml.html.document_fromstring(document.html)
    chapters = root.xpath("//article[@class='booklet__chapter']")
    assert [c.get("id") for c in chapters] == ["ch1", "ch2"]
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert chapters[0].xpath("string(.//li/@id)") == "ch1-fn:a"
    assert chapters[1].xpath("string(.//li/@id)") == "ch2-fn:a"
    links = {a.text: a.get("href") for a in chapters[0].iter("a")}
    assert links == {"la otra": "#ch2-part", "esto": "#ch1-p"}
    assert root.xpath("string(//*[@id='ch2-part'])") == "Parte"
    assert document.resources == ("es/survivorship/recurrence/a.png",)


def test_booklet_date_is_the_newest_revision() -> None:
    assert booklet_date(pages("en")) == date(2024, 2, 29)
    assert booklet_date([replace(p, revised=None) for p in pages("en")]) is None
    document = build_booklet([replace(p, revised=None) for p in pages("en")], chrome("en"))
    assert "booklet__date" not in document.html


@pytest.mark.parametrize(
    ("locale", "home", "online"),
    [
        ("en", "", "Every page is online: https://survivorship.org/"),
        ("es", "es/", "Todas las páginas están en internet: https://survivorship.org/es/"),
    ],
)
def test_booklet_cover_links_to_the_home_page_of_its_language(
    locale: str, home: str, online: str
) -> None:
    document = build_booklet(pages(locale), chrome(locale, "https://survivorship.org/"), home)
    cover = lxml.html.document_fromstring(document.html).xpath("//section")[0]
    link = cover.xpath("p[@class='booklet__online']/a")[0]
    assert (link.text, link.get("href")) == (online, online.rpartition(" ")[2])


@pytest.mark.parametrize(("locale", "notice"), SAMPLE_NOTICES)
def test_sample_booklet_shows_the_notice_and_no_placeholder_address(
    locale: str, notice: str
) -> None:
    sample = sample_chrome(locale)
    document = build_booklet(pages(locale), sample, "es/" if locale == "es" else "")
    root = lxml.html.document_fromstring(document.html)
    cover = root.xpath("//section[@class='booklet__cover']")[0]
    assert cover.xpath("string(p[@class='handout__sample'])") == notice
    assert cover.xpath("p[@class='booklet__online']") == []
    assert "example.org" not in document.html
