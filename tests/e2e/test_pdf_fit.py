"""PDFs that fit their paper (issue 22, item 5): where every character of a PDF lands.

Read with pdfplumber, every character of every page of every PDF must lie on the page,
inside the text column, and wholly in one of three bands: the running header (top
margin), the body, or the footer (bottom margin). The footer band holds exactly the
helpline and "Page 2 of 3", the page number at least FOOTER_GAP from the helpline's
text on its line, and no two characters of a page overlap but a kerned pair (so the page
number never lands inside the helpline, and the body never runs into the footer). The header band's text is not compared (a booklet's follows its chapters). It runs on
every PDF of the sample (both languages, every page, the booklets) and of the fixture
tests/fixtures/pdf-wide: a 9-column table (it turns its page to landscape), a 6-column
one (smaller type), long words and a long web address.

Replicate: SITE_PDFS=1 mkdocs build --strict -d /tmp/site (the sample), or copy the
fixture with tests/conftest.py's make_project and build it the same way; then look at
a page with: python -c "import pdfplumber; print(pdfplumber.open('x.pdf').pages[0].chars)"
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
import yaml
from conftest import ROOT, Build, make_project
from site_pages import parse

import oncopress.pdf
from oncopress.i18n.labels import label
from oncopress.pages.site_chrome import fill_chrome

STYLESHEET = Path(oncopress.pdf.__file__).parent / "print.css"
EXTRA = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
POINTS_PER_MM = 72 / 25.4
TOLERANCE = 0.5  # points: rounding in the PDF, and glyphs that touch (kerning)
FOOTER_GAP = 12.0  # points between the helpline and the page number, at the least

Char = Mapping[str, Any]


@dataclass(frozen=True)
class Margins:
    top: float
    right: float
    bottom: float
    left: float


def page_margins(stylesheet: str) -> Margins:
    """The page margins the print stylesheet declares (``@page { margin: ... }``), in points."""
    found = re.search(
        r"@page\s*\{[^}]*?\bmargin:\s*([\d.]+)mm ([\d.]+)mm ([\d.]+)mm ([\d.]+)mm;", stylesheet
    )
    assert found, f"{STYLESHEET} declares no '@page {{ margin: T R B L }}' in mm"
    top, right, bottom, left = (float(value) * POINTS_PER_MM for value in found.groups())
    return Margins(top, right, bottom, left)


MARGINS = page_margins(STYLESHEET.read_text(encoding="utf-8"))


def glyphs(chars: Sequence[Char]) -> list[Char]:
    return [char for char in chars if char["text"].strip()]


def where(char: Char) -> str:
    return (
        f"{char['text']!r} at x {char['x0']:.1f}-{char['x1']:.1f}, "
        f"y {char['top']:.1f}-{char['bottom']:.1f}"
    )


def misplaced(width: float, height: float, chars: Sequence[Char], margins: Margins) -> list[str]:
    """Every character off the page, outside the text column, or across the edge between
    the body and a margin band (header or footer)."""
    header_end, footer_start = margins.top, height - margins.bottom
    problems = []
    for char in glyphs(chars):
        x0, x1, top, bottom = char["x0"], char["x1"], char["top"], char["bottom"]
        if (
            x0 < -TOLERANCE
            or x1 > width + TOLERANCE
            or top < -TOLERANCE
            or bottom > height + TOLERANCE
        ):
            problems.append(f"off the page ({width:.0f} x {height:.0f}): {where(char)}")
        elif x0 < margins.left - TOLERANCE or x1 > width - margins.right + TOLERANCE:
            problems.append(f"outside the text column: {where(char)}")
        elif not (
            bottom <= header_end + TOLERANCE
            or footer_start - TOLERANCE <= top
            or (header_end - TOLERANCE <= top and bottom <= footer_start + TOLERANCE)
        ):
            problems.append(f"across a margin's edge: {where(char)}")
    return problems


def collisions(chars: Sequence[Char]) -> list[str]:
    """Every pair of characters whose boxes overlap (by more than the tolerance both ways),
    except a character and the next one drawn on its line: kerning pulls pairs such as
    "Tr" together by design."""
    drawn = [(index, char) for index, char in enumerate(chars) if char["text"].strip()]
    ordered = sorted(drawn, key=lambda item: item[1]["x0"])
    found = []
    for position, (index, first) in enumerate(ordered):
        for other, second in ordered[position + 1 :]:
            if second["x0"] >= first["x1"] - TOLERANCE:
                break
            across = min(first["bottom"], second["bottom"]) - max(first["top"], second["top"])
            kerned = abs(index - other) == 1 and abs(first["top"] - second["top"]) < TOLERANCE
            if across > TOLERANCE and not kerned:
                found.append(f"{where(first)} overlaps {where(second)}")
    return found


def footer_glyphs(height: float, chars: Sequence[Char], margins: Margins) -> list[Char]:
    """The footer band's characters in the order the PDF draws them (left box, then
    right box)."""
    return [char for char in glyphs(chars) if char["top"] >= height - margins.bottom - TOLERANCE]


def crowding(text: Sequence[Char], number: Sequence[Char], gap: float) -> list[str]:
    """Every character of ``text`` on the page number's line closer to it than ``gap``
    points: "de día o de Página 3 de 4 noche)" reads as one sentence."""
    if not number:
        return []
    left, right = min(c["x0"] for c in number) - gap, max(c["x1"] for c in number) + gap
    top, bottom = min(c["top"] for c in number), max(c["bottom"] for c in number)
    return [
        f"{where(char)} is less than {gap:g} pt from the page number"
        for char in text
        if char["x1"] > left
        and char["x0"] < right
        and min(char["bottom"], bottom) - max(char["top"], top) > TOLERANCE
    ]


def squeeze(text: str) -> str:
    return "".join(text.split())


def helpline(locale: str) -> str:
    """The helpline line as the footer prints it."""
    chrome = EXTRA["helpline"]
    name = fill_chrome(chrome["label"][locale], operator=chrome["operator"][locale])
    return f"{name}: {chrome['phone']} ({chrome['hours'][locale]})"


def fit_problems(path: Path, locale: str) -> list[str]:
    """Everything misplaced, overlapping or unexpected in the footer, page by page."""
    problems = []
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            chars = page.chars
            found = misplaced(page.width, page.height, chars, MARGINS) + collisions(chars)
            counter = label("page_of", locale).format(page=number, pages=pages)
            footer = footer_glyphs(page.height, chars, MARGINS)
            text = "".join(char["text"] for char in footer)
            if text != squeeze(helpline(locale) + counter):
                found.append(f"footer band reads {text!r}")
            else:
                drawn = len(squeeze(counter))
                found += crowding(footer[:-drawn], footer[-drawn:], FOOTER_GAP)
            problems.extend(f"page {number}: {problem}" for problem in found)
    return problems


def pdfs_of(site: Path) -> list[tuple[str, str]]:
    """(path relative to the site, language) of every PDF of a built site."""
    paths = sorted(path.relative_to(site).as_posix() for path in site.rglob("*.pdf"))
    return [(path, "es" if path.startswith("es/") else "en") for path in paths]


# The checks themselves, on made-up characters: they can fail.


def char(text: str, x0: float, top: float, size: float = 8.0) -> dict[str, Any]:
    return {"text": text, "x0": x0, "x1": x0 + size * 0.6, "top": top, "bottom": top + size}


def test_the_checks_report_a_page_number_inside_the_helpline_and_text_off_the_column() -> None:
    margins = Margins(top=50, right=50, bottom=60, left=50)
    chars = [
        char("n", 500, 740), char("o", 504.8, 740),  # "noche", the helpline's end
        char("x", 560, 300),  # body text past the right margin
        char("y", 100, 725),  # body text across the footer's edge (792 - 60 = 732)
        char("z", 100, -9),  # above the page
        char("T", 200, 100), char("r", 203, 100),  # kerned: allowed
        char("P", 502, 740),  # "Página", drawn over "noche"
    ]  # fmt: skip
    assert misplaced(612, 792, chars, margins) == [
        "outside the text column: 'x' at x 560.0-564.8, y 300.0-308.0",
        "across a margin's edge: 'y' at x 100.0-104.8, y 725.0-733.0",
        "off the page (612 x 792): 'z' at x 100.0-104.8, y -9.0--1.0",
    ]
    assert collisions(chars) == [
        "'n' at x 500.0-504.8, y 740.0-748.0 overlaps 'P' at x 502.0-506.8, y 740.0-748.0",
        "'P' at x 502.0-506.8, y 740.0-748.0 overlaps 'o' at x 504.8-509.6, y 740.0-748.0",
    ]
    assert [char["text"] for char in footer_glyphs(792, chars, margins)] == ["n", "o", "P"]
    # the old Spanish footer: "Página" one space after the helpline's "de", on its line
    helpline_end = [char("d", 492.9, 732.3), char("e", 498.0, 732.3), char("x", 100, 744.3)]
    assert crowding(helpline_end, [char("P", 506.5, 732.3)], FOOTER_GAP) == [
        "'d' at x 492.9-497.7, y 732.3-740.3 is less than 12 pt from the page number",
        "'e' at x 498.0-502.8, y 732.3-740.3 is less than 12 pt from the page number",
    ]
    assert collisions([char("T", 200, 100), char("x", 300, 100), char("r", 203, 100)]) == [
        "'T' at x 200.0-204.8, y 100.0-108.0 overlaps 'r' at x 203.0-207.8, y 100.0-108.0"
    ]


def test_the_margins_are_the_stylesheets() -> None:
    assert page_margins("@page {\n  size: letter;\n  margin: 18mm 18mm 24mm 20mm;\n}") == Margins(
        18 * POINTS_PER_MM, 18 * POINTS_PER_MM, 24 * POINTS_PER_MM, 20 * POINTS_PER_MM
    )


# The sample site.


@pytest.fixture(scope="module")
def sample(real_site: Build) -> Path:
    return real_site.site


SAMPLE_PDFS = [
    (f"{prefix}pdf/{stem}.pdf", locale)
    for prefix, locale in (("", "en"), ("es/", "es"))
    for stem in ("index", "survivorship/index", "survivorship/recurrence", "about", "booklet")
]


def test_the_sample_has_the_pdfs_checked_here(sample: Path) -> None:
    assert pdfs_of(sample) == sorted(SAMPLE_PDFS)


@pytest.mark.parametrize(("relative", "locale"), SAMPLE_PDFS)
def test_every_character_of_the_samples_pdfs_fits(sample: Path, relative: str, locale: str) -> None:
    assert fit_problems(sample / relative, locale) == [], relative


# The fixture: wide tables, long words, a long web address.

WIDE_PDFS = [
    (f"{prefix}pdf/{stem}.pdf", locale)
    for prefix, locale in (("", "en"), ("es/", "es"))
    for stem in ("booklet", "index", "schedule")
]


@pytest.fixture(scope="module")
def wide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("wide") / "project", "pdf-wide")
    build = project.build(env={"SITE_PDFS": "1"})
    assert build.returncode == 0, build.explain()
    assert build.warnings == [], build.explain()
    return build.site


def test_the_fixture_has_the_pdfs_checked_here(wide: Path) -> None:
    assert pdfs_of(wide) == sorted(WIDE_PDFS)


@pytest.mark.parametrize(("relative", "locale"), WIDE_PDFS)
def test_every_character_of_wide_tables_and_long_words_fits(
    wide: Path, relative: str, locale: str
) -> None:
    assert fit_problems(wide / relative, locale) == [], relative


def html_tables(site: Path, page: str) -> list[list[list[str]]]:
    """Each table of a built page: its rows, each a list of its cells' text."""
    return [
        [
            [" ".join(cell.get_text(" ").split()) for cell in row.select("th, td")]
            for row in table.select("tr")
        ]
        for table in parse(site, page).select("article table")
    ]


def cell_text(printed: str | None) -> str:
    """A cell as the PDF prints it, its lines joined: a hyphen added at a line's end
    (U+2010) goes, a line after a web address's own '-' or '/' joins without a space."""
    text = re.sub("\u2010\n", "", printed or "")
    return re.sub(r"(?<=[-/])\n", "", text).replace("\n", " ")


def pdf_tables(path: Path) -> list[tuple[str, list[list[str | None]]]]:
    """Each table pdfplumber finds by its ruled cells, with its page's orientation."""
    with pdfplumber.open(path) as pdf:
        return [
            ("landscape" if page.width > page.height else "portrait", table)
            for page in pdf.pages
            for table in page.extract_tables()
        ]


@pytest.mark.parametrize("stem", ["schedule", "booklet"])
@pytest.mark.parametrize("prefix", ["", "es/"])
def test_every_cell_of_the_wide_tables_is_printed(wide: Path, prefix: str, stem: str) -> None:
    """The handout and the booklet print both tables whole, cell for cell (the 9th column's
    web addresses unhyphenated): the 9-column one on a landscape page, the 6-column one
    on a portrait page, in the smaller type."""
    wide_table, narrow_table = html_tables(wide, f"{prefix}schedule/index.html")
    assert [len(row) for row in wide_table] == [9] * 4
    assert [len(row) for row in narrow_table] == [6] * 3
    printed = {
        (shape, tuple(cell_text(cell) for cell in table[0])): table
        for shape, table in pdf_tables(wide / f"{prefix}pdf/{stem}.pdf")
    }
    for table, shape in ((wide_table, "landscape"), (narrow_table, "portrait")):
        found = printed.get((shape, tuple(table[0])))
        assert found is not None, (stem, shape, table[0], list(printed))
        assert [[cell_text(cell) for cell in row] for row in found] == table
    addresses = [row[-1] for row in printed[("landscape", tuple(wide_table[0]))][1:]]
    assert [address for address in addresses if address is None or "\u2010" in address] == []


@pytest.mark.parametrize(
    ("prefix", "address"),
    [
        (
            "",
            "https://www.cancer.gov/about-cancer/coping/survivorship/follow-up-care/questions-to-ask-your-doctor-about-follow-up-care-after-treatment-ends",
        ),
        (
            "es/",
            "https://www.cancer.gov/espanol/cancer/sobrellevar/supervivencia/atencion-de-seguimiento/preguntas-para-su-medico-sobre-la-atencion-de-seguimiento",
        ),
    ],
)
def test_a_web_address_longer_than_a_line_breaks_but_keeps_every_character(
    wide: Path, prefix: str, address: str
) -> None:
    """The address wraps (over lines of the text column) with no hyphen added: the PDF's
    text, lines joined, holds it exactly, and its link opens it."""
    with pdfplumber.open(wide / f"{prefix}pdf/schedule.pdf") as pdf:
        text = "".join(squeeze(page.extract_text()) for page in pdf.pages)
        links = {link.get("uri") for page in pdf.pages for link in page.hyperlinks}
    assert address in text
    assert address in links
