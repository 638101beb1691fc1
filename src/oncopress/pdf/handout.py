"""The print document of one page: its article, wrapped for paper.

The built page's ``<article>`` (title, text, Last Revised stamp, reviewers,
references) goes into a document of our own: the site name and the helpline in the
page's language at the top, the copyright line and the page's web address at the
end, the helpline and "Page 2 of 3" at the foot of every page. Navigation, buttons,
forms, scripts and the PDF links themselves are left out.

Links between pages become absolute web addresses; images keep paths relative to
the site root, so the document is the same whichever folder the site is built in
(its hash is the cache key) and the engine resolves them inside the built site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml.etree import ParserError

from oncopress.checks.placeholder_hosts import is_placeholder_host, site_url_allowed, url_host
from oncopress.glossary.entries import DEFINITION, TERM, WRAPPER
from oncopress.i18n.labels import label
from oncopress.pages.site_chrome import YEAR_KEY, fill_chrome, sample_notice
from oncopress.pdf.tables import fit_tables

#: Elements that have no place on paper (or could load something).
DROPPED_TAGS = (
    "script", "style", "link", "meta", "base", "noscript", "template", "iframe", "object",
    "embed", "form", "button", "input", "select", "textarea", "nav", "dialog", "source",
)  # fmt: skip
#: Classes of elements that are screen-only: the PDF links, Material's buttons and tags.
DROPPED_CLASSES = (
    "site-pdf-links",
    "md-content__button",
    "headerlink",
    "md-tags",
    "md-source-file",
)


@dataclass(frozen=True)
class Chrome:
    """The print chrome of one language (from ``mkdocs.yml``: site name, ``extra:``)."""

    locale: str
    site_name: str
    site_description: str
    site_url: str
    publisher: str
    helpline_label: str
    helpline_phone: str
    helpline_hours: str
    copyright: str
    # While the sample site's opt-in is on: "this is sample content"
    # (see oncopress.pages.site_chrome).
    sample_notice: str = ""


@dataclass(frozen=True)
class PageSource:
    """One built page, as its PDF needs it.

    ``url`` is the page's site-relative URL (``es/survivorship/recurrence/``),
    ``source`` its file relative to the project (``docs_es/survivorship/recurrence.md``),
    ``pdf`` the site-relative path of its PDF, ``article`` the inner HTML of its
    built ``<article>``.
    """

    locale: str
    source: str
    url: str
    pdf: str
    title: str
    description: str
    revised: date | None
    article: str


@dataclass(frozen=True)
class PrintDocument:
    """HTML for the engine, and the site files it loads (part of its cache key)."""

    html: str
    resources: tuple[str, ...]


class NoArticleError(ValueError):
    """A built page has no ``<article>`` to print."""


class ChromeError(ValueError):
    """``mkdocs.yml`` lacks a label the print chrome needs."""


def read_chrome(
    locale: str,
    site_name: str,
    site_description: str,
    site_url: str,
    extra: Mapping[str, Any],
) -> Chrome:
    """The print chrome of ``locale`` from ``mkdocs.yml`` ``extra:`` (helpline, footer...).

    A placeholder ``site_url`` the sample site opted in to is never printed: the PDFs
    then carry no web address (links to other pages keep their text only)."""

    def pick(*keys: str) -> str:
        node: Any = extra
        for key in keys:
            if not isinstance(node, Mapping) or key not in node:
                raise ChromeError(
                    f"mkdocs.yml has no 'extra: {': '.join(keys)}', which the PDFs print"
                )
            node = node[key]
        return str(node)

    publisher = pick("publisher", "name", locale)
    operator = pick("helpline", "operator", locale)
    year = str(extra.get(YEAR_KEY, ""))
    if site_url_allowed(extra) and is_placeholder_host(url_host(site_url)):
        site_url = ""
    return Chrome(
        locale=locale,
        site_name=site_name,
        site_description=site_description,
        site_url=site_url,
        publisher=publisher,
        helpline_label=fill_chrome(pick("helpline", "label", locale), operator=operator),
        helpline_phone=pick("helpline", "phone"),
        helpline_hours=pick("helpline", "hours", locale),
        copyright=fill_chrome(pick("footer", "copyright", locale), publisher=publisher, year=year),
        sample_notice=sample_notice(extra, locale),
    )


def extract_article(page_html: str) -> str:
    """The inner HTML of the first ``<article>`` of a built page."""
    try:
        root = lxml.html.document_fromstring(page_html)
    except ParserError as error:
        raise NoArticleError(f"the built page cannot be parsed ({error})") from None
    found = root.xpath("//article")
    if not found:
        raise NoArticleError("the built page has no <article> element")
    return _inner_html(found[0])


def article_title(article_html: str) -> str | None:
    """The text of the article's first ``<h1>``, whitespace folded."""
    fragment = _fragment(article_html)
    for heading in fragment.iter("h1"):
        text = " ".join(heading.text_content().split())
        if text:
            return text
    return None


def page_counter_css(template: str) -> str:
    """CSS ``content`` for a page-number template: ``Page {page} of {pages}`` ->
    ``"Page " counter(page) " of " counter(pages)``."""
    parts: list[str] = []
    rest = template
    while rest:
        positions = [(rest.find(token), token) for token in ("{page}", "{pages}") if token in rest]
        if not positions:
            parts.append(_css_string(rest))
            break
        index, token = min(positions)
        if index:
            parts.append(_css_string(rest[:index]))
        parts.append(f"counter({token.strip('{}')})")
        rest = rest[index + len(token) :]
    return " ".join(parts) or '""'


def build_handout(page: PageSource, chrome: Chrome) -> PrintDocument:
    """The print document of ``page`` in the language of ``chrome``."""
    site_url = chrome.site_url

    def link(path: str, fragment: str) -> str | None:
        return _web_address(site_url, path, fragment)

    body, resources = prepare_article(page.article, page.url, link, id_prefix="")
    locale = chrome.locale
    web = _web_address(site_url, page.url, "")
    online = ""
    if web:
        text = escape(label("pdf_online", locale).format(url=web))
        online = f'<p class="handout__online"><a href="{escape(web)}">{text}</a></p>'
    html = (
        f"{document_head(chrome, page.title, page.description, page.revised)}"
        '<body class="handout">'
        f"{masthead(chrome)}"
        f'<main class="handout__article">{body}</main>'
        '<footer class="handout__colophon">'
        f"{online}"
        f'<p class="handout__copyright">{escape(chrome.copyright)}</p>'
        "</footer></body></html>\n"
    )
    return PrintDocument(html, resources)


def masthead(chrome: Chrome) -> str:
    """Site name and helpline, at the top of the first page (and the foot of every page);
    then the sample notice, if any."""
    return (
        '<header class="handout__masthead">'
        f'<p class="handout__site">{escape(chrome.site_name)}</p>'
        f"{helpline(chrome)}"
        f"{sample_note(chrome)}"
        "</header>"
    )


def sample_note(chrome: Chrome) -> str:
    """The sample site's notice ("" when its opt-in is off)."""
    if not chrome.sample_notice:
        return ""
    return f'<p class="handout__sample" role="note">{escape(chrome.sample_notice)}</p>'


def helpline(chrome: Chrome) -> str:
    """``American Cancer Society helpline, 24/7: 1-800-227-2345 (any time, day or night)``;
    it also runs at the foot of every page."""
    return (
        f'<p class="handout__helpline"><strong>{escape(chrome.helpline_label)}:</strong> '
        f'<span class="handout__phone">{escape(chrome.helpline_phone)}</span> '
        f"({escape(chrome.helpline_hours)})</p>"
    )


def prepare_article(
    article_html: str,
    page_url: str,
    link: Callable[[str, str], str | None],
    id_prefix: str,
) -> tuple[str, tuple[str, ...]]:
    """Clean one article for paper and rewrite its URLs.

    ``link(path, fragment)`` gives the address of a link to another page of the site
    (``path`` is site-relative), or ``None`` to drop the link and keep its text.
    Anchors inside the article get ``id_prefix`` (so a booklet can hold many
    articles). Tables are marked by how they fit on paper (:mod:`oncopress.pdf.tables`).
    Returns the HTML and the site-relative paths of the images it loads.
    """
    fragment = _fragment(article_html)
    _print_glossary(fragment)
    _drop_screen_only(fragment)
    fit_tables(fragment)
    resources: list[str] = []
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue
        if id_prefix and element.get("id"):
            element.set("id", f"{id_prefix}{element.get('id')}")
        if element.tag == "a" and element.get("href") is not None:
            _rewrite_link(element, page_url, link, id_prefix)
        if element.tag == "img":
            element.attrib.pop("srcset", None)
            src = element.get("src")
            if src:
                element.set("src", _site_relative(src, page_url, resources))
    return _inner_html(fragment), tuple(dict.fromkeys(resources))


def document_head(chrome: Chrome, title: str, description: str, revised: date | None) -> str:
    """``<!DOCTYPE>`` to ``</head>``: language, title and author metadata, and the page
    number line in the document's language (the print stylesheet is given to the engine
    separately, parsed once per worker)."""
    locale = chrome.locale
    modified = f'<meta name="dcterms.modified" content="{revised.isoformat()}">' if revised else ""
    counter = page_counter_css(label("page_of", locale))
    return (
        f'<!DOCTYPE html><html lang="{escape(locale)}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<meta name="author" content="{escape(chrome.publisher)}">'
        f'<meta name="description" content="{escape(description)}">'
        f"{modified}"
        f"<style>@page {{ @bottom-right {{ content: {counter}; }} }}</style>"
        "</head>"
    )


def _print_glossary(fragment: lxml.html.HtmlElement) -> None:
    """Each term the page explains (``oncopress.glossary``) as text, its definition in
    parentheses after it: paper has no button to press."""
    for wrapper in fragment.find_class(WRAPPER):
        for button in wrapper.find_class(TERM):
            button.drop_tag()
        for note in wrapper.find_class(DEFINITION):
            note.attrib.pop("hidden", None)
            note.text = f" ({' '.join(note.text_content().split())})"
            for child in list(note):
                note.remove(child)


def _drop_screen_only(fragment: lxml.html.HtmlElement) -> None:
    doomed = []
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            doomed.append(element)  # comments and processing instructions
            continue
        classes = set((element.get("class") or "").split())
        if element.tag in DROPPED_TAGS or classes.intersection(DROPPED_CLASSES):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _rewrite_link(
    element: lxml.html.HtmlElement,
    page_url: str,
    link: Callable[[str, str], str | None],
    id_prefix: str,
) -> None:
    href = element.get("href", "")
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return  # http(s), mailto:, tel: ... stay as written
    if not parts.path:
        element.set("href", f"#{id_prefix}{parts.fragment}" if parts.fragment else "#")
        return
    target = _resolve(page_url, parts.path)
    address = None if target.startswith("../") else link(target, parts.fragment)
    if address is None:
        del element.attrib["href"]
    else:
        element.set("href", address)


def _site_relative(src: str, page_url: str, resources: list[str]) -> str:
    parts = urlsplit(src)
    if parts.scheme or parts.netloc or not parts.path:
        return src  # data: stays; anything else is for the fetcher to refuse
    target = _resolve(page_url, parts.path)
    if not target.startswith("../"):
        resources.append(target)
    return target


def _resolve(page_url: str, path: str) -> str:
    """Site-relative path of ``path`` as written on the page at ``page_url``.

    Keeps leading ``../`` when the path climbs out of the site (never clamped)."""
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        directory = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
        joined = posixpath.join(directory, path)
    resolved = posixpath.normpath(joined) if joined else ""
    if resolved == ".":
        resolved = ""
    if path.endswith("/") and resolved and not resolved.endswith("/"):
        resolved += "/"
    return resolved


def _web_address(site_url: str, path: str, fragment: str) -> str | None:
    if not site_url:
        return None
    base = site_url if site_url.endswith("/") else f"{site_url}/"
    return f"{base}{path}" + (f"#{fragment}" if fragment else "")


def _fragment(html: str) -> lxml.html.HtmlElement:
    wrapper: lxml.html.HtmlElement = lxml.html.fragment_fromstring(html or "", create_parent="div")
    return wrapper


def _inner_html(element: lxml.html.HtmlElement) -> str:
    text = escape(element.text or "", quote=False)
    children = "".join(
        lxml.html.tostring(child, encoding="unicode", with_tail=True) for child in element
    )
    return text + children


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return f'"{escaped}"'
