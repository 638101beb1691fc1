"""A page's searchable text, section by section: what the search index reads of a page.

``page_sections`` reads the HTML that Markdown gave a page (its article, without the
theme's navigation) and splits it at each heading that has an ``id``: the text before
the first such heading is the page's own section (anchor ``""``), and each heading below
the page's title (``h2`` to ``h6``) opens a section whose anchor is that ``id``. Left
out, as Material's search leaves them out: the page's title (``h1``: the index has the
page's title), the headings' permalink signs (``.headerlink``), what the page marks as
no search text (``data-search-exclude``: a glossary term's definition), scripts and
styles.

    >>> page_sections('<p>Intro</p><h2 id="after">After</h2><p>Text</p>')[1]
    Section(title='After', anchor='after', text='Text')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Elements whose start and end separate words (a list item from the next, a cell...).
_BLOCKS = (
    frozenset(
        {"p", "li", "td", "th", "tr", "br", "div", "blockquote", "pre", "dt", "dd", "figcaption"}
        | {"h1", "section", "details", "summary", "table", "ul", "ol", "dl", "figure", "hr"}
    )
    | HEADINGS
)
_SKIPPED = frozenset({"h1", "script", "style", "template"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Section:
    """One section of a page: its heading's text (``""`` for the page's own section),
    its heading's ``id`` and its text, spaces collapsed."""

    title: str
    anchor: str
    text: str


def page_sections(html: str) -> list[Section]:
    """The sections of ``html`` (see the module's documentation); the page's own section
    comes first even when empty.

    The HTML is Markdown's, read tag by tag with regular expressions (``html.parser``
    took twice the time, for the same sections on 2000 pages): comments, scripts,
    styles and templates go first, whole; an element whose end tag is missing ends with
    its parent's."""
    reader = _Reader()
    for match in _TOKEN.finditer(_UNREAD.sub(" ", html)):
        name = match.group(2)
        if name is None:
            reader.data(unescape(match.group(0)))
        elif match.group(1):
            reader.end(name.lower())
        else:
            attributes = match.group(3)
            reader.start(name.lower(), attributes)
            if attributes.endswith("/") or name.lower() in _VOID:
                reader.end(name.lower())
    return reader.finish()


# A comment, or an element read whole and left out (its content is not HTML to read).
_UNREAD = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|template)\b[^>]*>.*?(?:</\1\s*>|$)", re.S | re.I
)
# A start or end tag (group 1: "/" for an end; 2: the name; 3: the attributes), or text.
_TOKEN = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>|[^<]+|<")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attributes(text: str) -> dict[str, str]:
    return {
        match.group(1).lower(): unescape(match.group(2) or match.group(3) or match.group(4) or "")
        for match in _ATTRIBUTE.finditer(text)
    }


class _Reader:
    def __init__(self) -> None:
        self.sections: list[Section] = []
        self.title, self.anchor = "", ""
        self.text: list[str] = []
        self.heading: list[str] | None = None  # the heading being read
        self.heading_tag = ""
        self.heading_id = ""
        self.skipping: list[str] = []  # the open elements whose content is left out

    def start(self, tag: str, raw: str) -> None:
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _BLOCKS:
            self._put(" ")
        if tag in _SKIPPED:
            self.skipping.append(tag)
            return
        if not ("headerlink" in raw or "data-search-exclude" in raw or tag in HEADINGS):
            return  # nothing in its attributes that matters here
        names = _attributes(raw)
        classes = names.get("class", "").split()
        if tag in _SKIPPED or "headerlink" in classes or "data-search-exclude" in names:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in HEADINGS and names.get("id") and self.heading is None:
            self._close_section()
            self.heading, self.heading_tag, self.heading_id = [], tag, names["id"]

    def end(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            elif tag in self.skipping:  # a missing end tag: close up to the element
                del self.skipping[self.skipping.index(tag) :]
            return
        if self.heading is not None and tag == self.heading_tag:
            self._open_section()
            return
        if tag in _BLOCKS:
            self._put(" ")

    def data(self, text: str) -> None:
        if not self.skipping:
            self._put(text)

    def _put(self, text: str) -> None:
        (self.heading if self.heading is not None else self.text).append(text)

    def _close_section(self) -> None:
        self.sections.append(Section(self.title, self.anchor, _clean("".join(self.text))))
        self.text = []

    def _open_section(self) -> None:
        self.title, self.anchor = _clean("".join(self.heading or [])), self.heading_id
        self.heading = None

    def finish(self) -> list[Section]:
        if self.heading is not None:  # a heading never closed: what follows is its title
            self._open_section()
        self._close_section()
        return self.sections


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
