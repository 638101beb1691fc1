"""Helpers to walk and parse the built site's HTML pages in tests."""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

NOT_PAGES = ("assets/", "search/", "es/assets/", "es/search/")


def page_paths(site: Path) -> list[str]:
    """Site-relative paths of every built HTML page (``about/index.html``...)."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(NOT_PAGES):
            continue
        paths.append(relative)
    return paths


def language_of(relative: str) -> str:
    return "es" if relative.startswith("es/") else "en"


def counterpart_of(relative: str) -> str:
    return relative[3:] if relative.startswith("es/") else f"es/{relative}"


def parse(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "lxml")


def resolve(relative_page: str, href: str) -> str:
    """The site-relative HTML file a link on ``relative_page`` points to."""
    parts = urlsplit(href)
    if parts.path.startswith("/"):
        target = parts.path.lstrip("/")
    else:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(relative_page), parts.path))
        target = "" if target == "." else target
    if target == "" or target.endswith("/"):
        target += "index.html"
    elif not posixpath.splitext(target)[1]:
        target += "/index.html"
    return target


def text_nodes(soup: BeautifulSoup, skip_lang: str | None = None) -> Iterator[str]:
    """Visible text nodes and human-facing attributes, whitespace folded.

    Elements (and their children) whose ``lang`` is ``skip_lang`` are skipped:
    a link named in its own language ("English" on a Spanish page) is allowed.
    """
    for element in soup.find_all(True):
        if element.name in ("script", "style", "noscript"):
            continue
        if skip_lang and element.find_parent(attrs={"lang": skip_lang}) is not None:
            continue
        if skip_lang and element.get("lang") == skip_lang:
            continue
        for attribute in ("title", "aria-label", "placeholder", "alt"):
            value = element.get(attribute)
            if isinstance(value, str) and value.strip():
                yield " ".join(value.split())
        for child in element.find_all(string=True, recursive=False):
            if child.parent.name in ("script", "style", "noscript"):
                continue
            folded = " ".join(str(child).split())
            if folded:
                yield folded


def material_labels(language: str) -> dict[str, str]:
    """Material's theme translations for ``language`` (from its language partial)."""
    import material

    partial = Path(material.__file__).parent / "templates/partials/languages" / f"{language}.html"
    return dict(re.findall(r'"([\w.]+)": "([^"]*)"', partial.read_text(encoding="utf-8")))


def indexed_pages(language_site: Path) -> dict[str, str]:
    """What a language's search index (``search/pages/`` of ``language_site``) holds:
    each indexed page's address (``/about/``) and its title, headings and the start of
    each section's text (oncopress.search.shards.EXCERPT characters)."""
    pages = {}
    for path in sorted((language_site / "search" / "pages").iterdir()):
        record = json.loads(path.read_text(encoding="utf-8"))
        text = " ".join(part for section in record["s"] for part in (section[0], section[2]))
        pages["/" + str(record["l"])] = f"{record['t']} {text}".strip()
    return pages
