"""Limits a page must keep so that reading and rendering it stays quick and ends in a
message, never in a ``MemoryError``, a ``RecursionError`` or a build that hangs.

- size: a page above ``Limits.page_bytes`` (a setting, default 2 MB) is refused
  before it is read;
- nesting: Python-Markdown parses nested blocks by recursion. A list nested a few
  hundred levels deep (``- - - ... x`` on one line, or lines indented 4 spaces more
  each time), ``<div markdown>`` nested 500 deep, or 2,000 emphasis marks around a word end its
  block or inline parser in a ``RecursionError``; a list indented 2 spaces a level,
  5000 deep, runs for hours (quadratic and worse), as do 5000 nested ``[``.
  ``nesting_problem`` measures each before rendering and refuses more than
  ``NESTING_LIMIT`` levels (pages need four or five). Block quotes (``>``) are counted
  as containers too: Python-Markdown silently drops levels past about 300.

Settings, under ``extra:`` in mkdocs.yml::

    extra:
      limits:
        page_bytes: 2000000   # the largest page, in bytes
"""

from __future__ import annotations

from collections.abc import Mapping
from html.parser import HTMLParser

from oncopress.checks.htmlpolicy import front_matter_lines
from oncopress.settings.reader import read_section
from oncopress.settings.schema import Limits as Limits

NESTING_LIMIT = 50
SECTION = "limits"
# Elements without an end tag: they nest nothing.
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


def read_limits(extra: Mapping[str, object]) -> Limits:
    """The settings under ``extra.limits`` (defaults for anything not given)."""
    return read_section(Limits, extra.get(SECTION), f"extra.{SECTION}")


def size_problem(size: int, limit: int) -> str | None:
    """The problem of a page of ``size`` bytes, if it is above ``limit``."""
    if size <= limit:
        return None
    return (
        f"is {size:,} bytes, more than the limit of {limit:,} bytes for a page; split it "
        f"into pages (or raise extra.{SECTION}.page_bytes in mkdocs.yml)"
    )


def nesting_problem(text: str) -> str | None:
    """The problem of the page ``text`` nested deeper than ``NESTING_LIMIT``, naming
    the first line (of the file) that goes too deep; None for a page within the limit.
    The front matter is left to ``oncopress.pages.frontmatter``, which reads its YAML."""
    depth, lines = 0, text.split("\n")
    first = front_matter_lines(lines)  # oncopress.pages.frontmatter checks the YAML itself
    # Brackets and emphasis can nest too deep only on a page with that many marks: most
    # pages need no look at each character (a tenth of a second over 400 pages).
    inline = (
        text.count("[") + text.count("(") > NESTING_LIMIT
        or text.count("*") + text.count("_") > 2 * NESTING_LIMIT
    )
    for number, line in enumerate(lines[first:], start=first + 1):
        if inline:
            depth = 0 if not line.strip() else depth  # inline nesting ends with a paragraph
            what, depth = _deepest(line, depth)
        else:
            what = "lists or quotes" if _containers(line) > NESTING_LIMIT else None
        if what:
            return (
                f"line {number}: {what} nested more than {NESTING_LIMIT} levels deep; "
                "pages need a few levels at most: write it flatter"
            )
    if text.count("<") > NESTING_LIMIT:
        deep = _html_too_deep(text)
        if deep:
            return (
                f"line {deep}: HTML elements nested more than {NESTING_LIMIT} levels deep; "
                "pages need a few levels at most: write it flatter"
            )
    return None


def _deepest(line: str, brackets: int) -> tuple[str | None, int]:
    """What in ``line`` nests too deep (None: nothing), and the depth of open brackets
    after it (``brackets`` before it: links nest across the lines of a paragraph)."""
    if _containers(line) > NESTING_LIMIT:
        return "lists or quotes", brackets
    run = longest = 0
    for c in line:
        if c in "*_":
            run += 1
            continue
        if not c.isspace():  # a run of marks opens emphasis only before text
            longest = max(longest, run)
        run = 0
        if c in "[(":
            brackets += 1
        elif c in "])":
            brackets = max(0, brackets - 1)
        if brackets > NESTING_LIMIT:
            return "brackets", brackets
    if longest > 2 * NESTING_LIMIT:
        return "emphasis marks ('*', '_')", brackets
    return None, brackets


def _containers(line: str) -> int:
    """How many containers the line opens: list markers and '>' at its start, and each
    4 columns of indentation (a nested list's or a code block's)."""
    count, i, indent = 0, 0, 0
    while i < len(line):
        c = line[i]
        if c in " \t":
            indent += 4 if c == "\t" else 1
            i += 1
        elif c == ">":
            count, i = count + 1, i + 1
        elif c in "-*+" and line[i + 1 : i + 2] in (" ", "\t"):
            count, i = count + 1, i + 2
        elif c.isdigit():
            j = i
            while j < len(line) and line[j].isdigit():
                j += 1
            if line[j : j + 1] not in (".", ")") or line[j + 1 : j + 2] not in (" ", "\t"):
                break
            count, i = count + 1, j + 2
        else:
            break
    return count + indent // 4


class _Depth(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.line: int | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)
            if len(self.open) > NESTING_LIMIT and self.line is None:
                self.line = self.getpos()[0]

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def _html_too_deep(text: str) -> int | None:
    """The line where raw HTML in ``text`` first nests deeper than ``NESTING_LIMIT``."""
    parser = _Depth()
    parser.feed(text)
    parser.close()
    return parser.line
