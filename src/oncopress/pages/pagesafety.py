"""What an editor's text may do to the published HTML.

- Material for MkDocs writes a page's ``title``, ``description`` and ``subtitle``
  from front matter into the HTML as they are (MkDocs treats a title as HTML, as
  the text of the page's first heading is): ``title: <script>...`` would run in
  every reader's browser, and a ``"`` in a description would end the attribute.
  ``html_safe_meta`` escapes them, so they show exactly as written.
- A link or image to ``file:///...``, ``C:\\...`` or ``\\\\server\\...`` works on the
  editor's computer only; MkDocs does not check URLs with a scheme.
  ``local_file_urls`` finds them in the page's HTML.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from urllib.parse import urlsplit

TEXT_META_KEYS = ("title", "description", "subtitle")
URL_ATTRIBUTES = frozenset({"href", "src", "srcset", "poster", "data", "action", "formaction"})
_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
# A URL starts right after a quote, an equals sign or a srcset comma.
_MAYBE_LOCAL = re.compile(r"""[="',]\s*(?:file:|[A-Za-z]:[\\/]|\\\\)""", re.IGNORECASE)


def escape_text(text: str) -> str:
    """``text`` as HTML text and attribute value (``&``, ``<``, ``>``, ``"``)."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def html_safe_meta(meta: Mapping[str, object]) -> dict[str, object]:
    """``meta`` with its text fields (``TEXT_META_KEYS``) HTML-escaped."""
    return {
        key: escape_text(value) if key in TEXT_META_KEYS and isinstance(value, str) else value
        for key, value in meta.items()
    }


def is_local_file(url: str) -> bool:
    """True for a URL that names a file on the computer it is opened on."""
    url = url.strip()
    return (
        urlsplit(url).scheme.lower() == "file" or bool(_DRIVE.match(url)) or url.startswith("\\\\")
    )


class _URLs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                candidates = value.split(",") if name == "srcset" else [value]
                self.urls += [c.strip().split(" ")[0] for c in candidates if c.strip()]


def tag_urls(page_html: str) -> list[str]:
    """Every URL in ``page_html``'s tags (links, images, ``srcset`` candidates...), in order."""
    parser = _URLs()
    parser.feed(page_html)
    parser.close()
    return parser.urls


def local_file_urls(page_html: str) -> list[str]:
    """Every URL in ``page_html``'s tags that names a local file, once, in order."""
    if not _MAYBE_LOCAL.search(page_html):
        return []  # the usual page: no need to parse it
    return list(dict.fromkeys(url for url in tag_urls(page_html) if is_local_file(url)))


def local_file_message(url: str) -> str:
    """The problem of a page that links to a local file (message of a ``Problem``)."""
    return (
        f"links to '{url}', a file on one computer that readers cannot open; copy the "
        "file into the site's sources and link to it with a relative path"
    )
