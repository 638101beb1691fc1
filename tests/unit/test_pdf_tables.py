"""How tables are marked for paper (oncopress.pdf.tables), and that the print document
carries the marks (handout and booklet)."""

from __future__ import annotations

import lxml.html
import pytest

from oncopress.pdf.handout import prepare_article
from oncopress.pdf.tables import (
    COMPACT,
    COMPACT_FROM,
    LANDSCAPE,
    LANDSCAPE_FROM,
    fit_tables,
    table_columns,
    table_fit,
)


def table(columns: int, cell: str = "x") -> str:
    cells = "".join(f"<td>{cell}</td>" for _ in range(columns))
    heads = "".join(f"<th>{cell}</th>" for _ in range(columns))
    return f"<table><thead><tr>{heads}</tr></thead><tbody><tr>{cells}</tr></tbody></table>"


def marked(html: str) -> str:
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    fit_tables(fragment)
    return "".join(lxml.html.tostring(child, encoding="unicode") for child in fragment)


@pytest.mark.parametrize(
    ("columns", "fit"),
    [(0, None), (1, None), (4, None), (5, COMPACT), (7, COMPACT), (8, LANDSCAPE), (9, LANDSCAPE), (40, LANDSCAPE)],
)  # fmt: skip
def test_the_number_of_columns_decides_the_fit(columns: int, fit: str | None) -> None:
    assert table_fit(columns) == fit


def test_the_thresholds_are_in_order() -> None:
    assert 1 < COMPACT_FROM < LANDSCAPE_FROM


@pytest.mark.parametrize(
    ("html", "columns"),
    [
        (table(9), 9),
        ("<table><tr><td colspan='3'>a</td><td>b</td></tr><tr><td>c</td></tr></table>", 4),
        ("<table><tr><td colspan='zwei'>a</td><td colspan='0'>b</td></tr></table>", 2),
        ("<table><tr><td colspan='99999'>a</td></tr></table>", 1000),
        # a table in a cell counts its own columns, not its parent's
        (f"<table><tr><td>{table(9)}</td><td>b</td></tr></table>", 2),
        ("<table></table>", 0),
    ],
)
def test_columns_are_counted_by_the_widest_row(html: str, columns: int) -> None:
    element = lxml.html.fragment_fromstring(html)
    assert table_columns(element) == columns


def test_tables_are_marked_and_keep_their_classes() -> None:
    html = f'<p>x</p>{table(4)}<table class="data">{table(5)[7:]}{table(9)}'
    assert marked(html) == (
        f"<p>x</p>{table(4)}"
        f'<table class="data {COMPACT}">{table(5)[7:]}'
        f'<table class="{LANDSCAPE}">{table(9)[7:]}'
    )


def test_plain_web_addresses_in_cells_are_kept_from_hyphenation() -> None:
    html = (
        "<table><tr>"
        "<td>See https://www.cancer.gov/about-cancer/coping or www.cancer.org.</td>"
        '<td><a href="https://medlineplus.gov/">https://medlineplus.gov/</a> and '
        "<strong>https://medlineplus.gov/spanish/</strong> too</td>"
        "<td><code>https://example.org/code</code></td>"
        "<th>No address: follow-up care</th>"
        "</tr></table>"
    )
    assert marked(html) == (
        "<table><tr>"
        '<td>See <span class="print-address">https://www.cancer.gov/about-cancer/coping</span> '
        'or <span class="print-address">www.cancer.org</span>.</td>'
        '<td><a href="https://medlineplus.gov/">https://medlineplus.gov/</a> and '
        '<strong><span class="print-address">https://medlineplus.gov/spanish/</span></strong> '
        "too</td>"
        "<td><code>https://example.org/code</code></td>"
        "<th>No address: follow-up care</th>"
        "</tr></table>"
    )


def test_text_outside_tables_is_left_alone() -> None:
    html = "<p>Read https://www.cancer.gov/about-cancer/coping</p>"
    assert marked(html) == html


@pytest.mark.parametrize("id_prefix", ["", "ch2-"])
def test_the_print_document_carries_the_marks(id_prefix: str) -> None:
    body, _ = prepare_article(table(9), "care/", lambda path, fragment: None, id_prefix)
    assert body.startswith(f'<table class="{LANDSCAPE}">')
