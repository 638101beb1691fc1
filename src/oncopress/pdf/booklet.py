"""One booklet per language: a cover, a table of contents, then every page.

The cover shows the site name, the helpline and the booklet's date: the newest
Last Revised date of its pages, so the booklet (and its cache key) changes exactly
when its content does. Each page becomes a chapter that starts on a new sheet; its
anchors get a chapter prefix, and links to other pages of the booklet point to
their chapter instead of the web.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from html import escape

from oncopress.i18n.labels import label
from oncopress.pages.dates import format_revised
from oncopress.pdf.handout import (
    Chrome,
    PageSource,
    PrintDocument,
    document_head,
    helpline,
    prepare_article,
    sample_note,
)


def booklet_date(pages: Sequence[PageSource]) -> date | None:
    """The newest Last Revised date of the booklet's pages."""
    days = [page.revised for page in pages if page.revised is not None]
    return max(days) if days else None


def booklet_title(chrome: Chrome) -> str:
    """``Cancer Survivorship Information: all pages in one booklet``."""
    return f"{chrome.site_name}: {label('pdf_booklet', chrome.locale)}"


def build_booklet(pages: Sequence[PageSource], chrome: Chrome, home: str = "") -> PrintDocument:
    """The print document of the booklet of ``chrome.locale`` (``pages`` in nav order);
    ``home`` is the language's home page, relative to the site (``es/``), which the
    cover links to."""
    locale = chrome.locale
    chapters = {page.url: f"ch{number}" for number, page in enumerate(pages, start=1)}
    base = chrome.site_url if chrome.site_url.endswith("/") else f"{chrome.site_url}/"

    def link(path: str, fragment: str) -> str | None:
        chapter = chapters.get(path)
        if chapter is not None:
            return f"#{chapter}-{fragment}" if fragment else f"#{chapter}"
        if not chrome.site_url:
            return None
        return f"{base}{path}" + (f"#{fragment}" if fragment else "")

    bodies: list[str] = []
    resources: list[str] = []
    for page in pages:
        chapter = chapters[page.url]
        body, loaded = prepare_article(page.article, page.url, link, id_prefix=f"{chapter}-")
        bodies.append(f'<article class="booklet__chapter" id="{chapter}">{body}</article>')
        resources.extend(loaded)

    day = booklet_date(pages)
    title = booklet_title(chrome)
    description = chrome.site_description
    html = (
        f"{document_head(chrome, title, description, day)}"
        '<body class="booklet">'
        f"{_cover(chrome, description, day, home)}"
        f"{_contents(pages, chapters, locale)}"
        f"{''.join(bodies)}"
        "</body></html>\n"
    )
    return PrintDocument(html, tuple(dict.fromkeys(resources)))


def _cover(chrome: Chrome, description: str, day: date | None, home: str) -> str:
    locale = chrome.locale
    dated = ""
    if day is not None:
        revised = f"{label('last_revised', locale)}: {format_revised(day, locale)}"
        stamp = f'<time datetime="{day.isoformat()}">{escape(revised)}</time>'
        dated = f'<p class="booklet__date">{stamp}</p>'
    online = ""
    if chrome.site_url:
        base = chrome.site_url if chrome.site_url.endswith("/") else f"{chrome.site_url}/"
        address = f"{base}{home}"
        text = label("pdf_booklet_online", locale).format(url=address)
        online = f'<p class="booklet__online"><a href="{escape(address)}">{escape(text)}</a></p>'

    return (
        '<section class="booklet__cover">'
        f'<h1 class="booklet__title">{escape(chrome.site_name)}</h1>'
        f'<p class="booklet__description">{escape(description)}</p>'
        f"{dated}"
        f"{helpline(chrome)}"
        f"{sample_note(chrome)}"
        f"{online}"
        f'<p class="booklet__copyright">{escape(chrome.copyright)}</p>'
        "</section>"
    )


def _contents(pages: Sequence[PageSource], chapters: dict[str, str], locale: str) -> str:
    entries = "".join(
        f'<li><a href="#{chapters[page.url]}">{escape(page.title)}</a></li>' for page in pages
    )
    return (
        '<section class="booklet__contents">'
        f'<h2 class="booklet__contents-title">{escape(label("pdf_contents", locale))}</h2>'
        f"<ol>{entries}</ol>"
        "</section>"
    )
