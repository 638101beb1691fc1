"""How a table fits on paper: marked by its number of columns, for the print stylesheet.

The print stylesheet (``print.css``) makes every table fit the text column: cells wrap,
hyphenate in the document's language, and break words and web addresses longer than
the cell. What a table's number of columns decides, here:

- up to ``COMPACT_FROM - 1`` columns: the text size;
- from ``COMPACT_FROM`` columns: a smaller type and tighter cells (``print-table--compact``);
- from ``LANDSCAPE_FROM`` columns: a landscape page of its own, in the smaller type
  (``print-table--landscape``).

A web address written as plain text in a cell is wrapped in ``print-address``, which
the stylesheet never hyphenates: a hyphen the address does not have would send a
reader who types it to the wrong page. It can still break (without a hyphen) where it
must.
"""

from __future__ import annotations

import re

import lxml.html

COMPACT_FROM = 5
LANDSCAPE_FROM = 8
COMPACT = "print-table--compact"
LANDSCAPE = "print-table--landscape"
ADDRESS = "print-address"
#: Largest ``colspan`` counted (browsers clamp it too: HTML caps it at 1000).
MAX_SPAN = 1000
#: A web address as written in text; the sentence's punctuation after it is not part of it.
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"]*[^\s<>\".,;:!?)\]]", re.IGNORECASE)


def table_columns(table: lxml.html.HtmlElement) -> int:
    """The number of columns of ``table``: its widest row, counting ``colspan``."""
    widest = 0
    for row in table.iter("tr"):
        if _table_of(row) is not table:
            continue  # a row of a table inside a cell
        cells = [cell for cell in row if cell.tag in ("th", "td")]
        widest = max(widest, sum(_span(cell) for cell in cells))
    return widest


def table_fit(columns: int) -> str | None:
    """The class that fits a table of ``columns`` columns on paper (``None``: as it is)."""
    if columns >= LANDSCAPE_FROM:
        return LANDSCAPE
    if columns >= COMPACT_FROM:
        return COMPACT
    return None


def fit_tables(fragment: lxml.html.HtmlElement) -> None:
    """Mark every table of ``fragment`` for paper, and the plain web addresses of its cells."""
    for table in fragment.iter("table"):
        fit = table_fit(table_columns(table))
        if fit is not None:
            table.set("class", " ".join([*(table.get("class") or "").split(), fit]))
        for cell in table.iter("th", "td"):
            _mark_addresses(cell)


def _table_of(row: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    return next(row.iterancestors("table"), None)


def _span(cell: lxml.html.HtmlElement) -> int:
    try:
        return min(max(int(cell.get("colspan") or 1), 1), MAX_SPAN)
    except ValueError:
        return 1


def _mark_addresses(cell: lxml.html.HtmlElement) -> None:
    """Wrap the plain-text web addresses directly in ``cell`` (not those of its links,
    code, or nested cells) in ``<span class="print-address">``."""
    if cell.text:
        cell.text = _split_into(cell, cell.text, before=None)
    for child in list(cell):
        if child.tail:
            child.tail = _split_into(cell, child.tail, before=child)
        if isinstance(child.tag, str) and child.tag not in ("a", "code", "pre", "table"):
            if child.get("class") != ADDRESS:
                _mark_addresses(child)


def _split_into(
    parent: lxml.html.HtmlElement, text: str, before: lxml.html.HtmlElement | None
) -> str:
    """Put each address of ``text`` (the text of ``parent``, or the tail of its child
    ``before``) in a span; the text left before the first address is returned."""
    pieces = _ADDRESS.split(text)
    if len(pieces) == 1:
        return text
    addresses = _ADDRESS.findall(text)
    position = 0 if before is None else parent.index(before) + 1
    for offset, (address, tail) in enumerate(zip(addresses, pieces[1:], strict=True)):
        span = lxml.html.Element("span", {"class": ADDRESS})
        span.text = address
        span.tail = tail
        parent.insert(position + offset, span)
    return pieces[0]
