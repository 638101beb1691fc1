"""The list on the "PDFs by language" page: every PDF of every language.

File sizes are only known once the PDFs exist, so the page is built with the marker
comment ``<!-- pdf-list -->`` where the list goes, and the marker is replaced in the
written HTML after rendering. The page's own language comes first; each language
has a heading and a table: title (a link, marked with the PDF's language), language,
file size, Last Revised date, all written in the page's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape

from babel import Locale
from babel.numbers import format_decimal

from oncopress.i18n.labels import label
from oncopress.pages.dates import format_revised
from oncopress.pdf.names import relative_href, url_path
from oncopress.system import tasks_command

MARKER = "<!-- pdf-list -->"


@dataclass(frozen=True)
class ListedPdf:
    """One row: a site-relative PDF path and what the list says about it."""

    path: str
    locale: str
    title: str
    size: int
    revised: date | None


def language_name(locale: str, in_locale: str) -> str:
    """``es`` in English is "Spanish"; ``en`` in Spanish is "inglés" (Babel's names)."""
    name = Locale.parse(in_locale).languages.get(locale, locale)
    return str(name)


def format_size(size: int, locale: str) -> str:
    """``34 KB``, ``1.2 MB`` / ``1,2 MB`` (1 KB = 1024 bytes; from 1000 KB on, MB)."""
    kilobytes = max(1, round(size / 1024))
    if kilobytes < 1000:
        return f"{kilobytes} KB"
    return f"{format_decimal(size / (1024 * 1024), format='#,##0.0', locale=locale)} MB"


def render_pdf_list(pdfs: Sequence[ListedPdf], page_url: str, locale: str) -> str:
    """The HTML that replaces :data:`MARKER` on the list page at ``page_url``."""
    languages = list(dict.fromkeys(pdf.locale for pdf in pdfs))
    languages.sort(key=lambda other: other != locale)  # the page's language first
    sections = []
    for other in languages:
        name = language_name(other, locale)
        heading = label("pdfs_in_language", locale).format(language=name)
        rows = "".join(_row(pdf, page_url, locale) for pdf in pdfs if pdf.locale == other)
        sections.append(
            f'<h2 id="pdfs-{escape(other)}">{escape(heading)}</h2>'
            '<div class="md-typeset__table"><table class="site-pdf-list__table"><thead><tr>'
            f'<th scope="col">{escape(label("pdf_title", locale))}</th>'
            f'<th scope="col">{escape(label("pdf_language", locale))}</th>'
            f'<th scope="col">{escape(label("pdf_size", locale))}</th>'
            f'<th scope="col">{escape(label("last_revised", locale))}</th>'
            f"</tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return f'<div class="site-pdf-list">{"".join(sections)}</div>'


def render_unavailable(locale: str, no_libraries: bool = False) -> str:
    """What replaces :data:`MARKER` when PDFs are not made (``mkdocs serve``, ``SITE_PDFS=0``);
    ``no_libraries``: this computer lacks the libraries that make them, and the note says so."""
    key = "pdf_list_no_libraries" if no_libraries else "pdf_list_unavailable"
    text = escape(label(key, locale).format(build=tasks_command("build")))
    return f'<p class="site-pdf-list site-pdf-list--unavailable">{text}</p>'


def _row(pdf: ListedPdf, page_url: str, locale: str) -> str:
    href = escape(url_path(relative_href(page_url, pdf.path)))
    language = language_name(pdf.locale, locale)
    language = language[:1].upper() + language[1:]
    revised = ""
    if pdf.revised is not None:
        revised = (
            f'<time datetime="{pdf.revised.isoformat()}">'
            f"{escape(format_revised(pdf.revised, locale))}</time>"
        )
    return (
        "<tr>"
        f'<td><a href="{href}" hreflang="{escape(pdf.locale)}" lang="{escape(pdf.locale)}" '
        f'type="application/pdf">{escape(pdf.title)}</a></td>'
        f"<td>{escape(language)}</td>"
        f'<td data-bytes="{pdf.size}">{escape(format_size(pdf.size, locale))}</td>'
        f"<td>{revised}</td>"
        "</tr>"
    )


def fill_marker(page_html: str, replacement: str) -> str:
    """``page_html`` with the list marker replaced (unchanged if there is none)."""
    return page_html.replace(MARKER, replacement)
