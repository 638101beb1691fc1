"""Where each PDF lives and what it is called.

URL scheme (stable, mirrored per language): a page's PDF mirrors its source path
under the language's ``pdf/`` folder, so it keeps its address as long as the page
keeps its own, and the other language's PDF is found by swapping the prefix:

    docs/survivorship/recurrence.md     -> pdf/survivorship/recurrence.pdf
    docs_es/survivorship/recurrence.md  -> es/pdf/survivorship/recurrence.pdf
    docs/index.md                       -> pdf/index.pdf
    (the booklet of a language)         -> pdf/booklet.pdf, es/pdf/booklet.pdf

The download link also suggests a file name made from the title in the PDF's
language (``understanding-cancer-recurrence.pdf``), so a saved file says what it is.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Sequence
from urllib.parse import quote

from oncopress.i18n.labels import label
from oncopress.i18n.translations import language_name

PDF_FOLDER = "pdf"
BOOKLET_NAME = "booklet"


def language_prefix(locale: str, default_locale: str) -> str:
    """The folder of a language in the built site: ``""`` for the default, ``"es/"``."""
    return "" if locale == default_locale else f"{locale}/"


def strip_language(src_uri: str, locale: str, default_locale: str) -> str:
    """``es/survivorship/recurrence.md`` -> ``survivorship/recurrence.md`` for ``es``."""
    prefix = language_prefix(locale, default_locale)
    return src_uri[len(prefix) :] if prefix and src_uri.startswith(prefix) else src_uri


def pdf_path(src_uri: str, locale: str, default_locale: str) -> str:
    """Site-relative path of the PDF of the page built from ``src_uri``."""
    stem = posixpath.splitext(strip_language(src_uri, locale, default_locale))[0]
    return f"{language_prefix(locale, default_locale)}{PDF_FOLDER}/{stem}.pdf"


def url_path(path: str) -> str:
    """``path`` (a site path made from file names) percent-encoded for an ``href``:
    ``#``, ``?``, ``"``, ``<``, spaces... cannot end the link or the attribute. The
    source check refuses such names; this is the second line of defence."""
    return quote(path, safe="/")


def booklet_path(locale: str, default_locale: str) -> str:
    """Site-relative path of the booklet of one language."""
    return f"{language_prefix(locale, default_locale)}{PDF_FOLDER}/{BOOKLET_NAME}.pdf"


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by hyphens (``Qué es`` -> ``que-es``)."""
    words = re.sub(r"[\W_]+", " ", text)  # any punctuation or dash separates words
    decomposed = unicodedata.normalize("NFKD", words)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def download_name(title: str, fallback: str) -> str:
    """The file name a browser should save the PDF under (``download`` attribute)."""
    slug = slugify(title) or slugify(fallback) or "page"
    return f"{slug}.pdf"


def relative_href(from_url: str, to_path: str) -> str:
    """Link from the page at site URL ``from_url`` (``es/pdfs/``) to site path ``to_path``."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url)
    base = base.rstrip("/") or "."
    return posixpath.relpath(to_path, base)


def page_links(
    locale: str,
    pdf: str,
    title: str,
    others: Sequence[tuple[str, str, str]],
) -> dict[str, object]:
    """Template data for ``overrides/partials/pdf-links.html``.

    ``pdf`` is the site-relative path of this page's PDF, ``others`` the
    ``(locale, pdf path, title)`` of the page's PDF in each other language that has one,
    each link named by its language in the page's ("PDF in Spanish", "PDF in French").
    Paths stay site-relative (the template's ``url`` filter makes them relative) and
    are percent-encoded (``url_path``): the filter does not escape them.
    """
    return {
        "href": url_path(pdf),
        "lang": locale,
        "label": label("download_pdf", locale),
        "filename": download_name(title, pdf),
        "others": [
            {
                "href": url_path(other_pdf),
                "lang": other_locale,
                "label": label("pdf_other_language", locale).format(
                    language=language_name(other_locale, locale)
                ),
                "filename": download_name(other_title, other_pdf),
            }
            for other_locale, other_pdf, other_title in others
        ],
    }
