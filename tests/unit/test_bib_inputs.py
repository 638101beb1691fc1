"""References as real tools export them: biblatex (Zotero's Better BibLaTeX), Crossref,
Better BibTeX citation keys, a doubled backslash. Each renders in the exact house style
of the real references (EMERY, GOTZE), or is reported with its line."""

from pathlib import Path
from typing import Any

import pytest
from test_citations import EMERY, GOTZE

from oncopress.citations.bibfields import date_year, entry_value
from oncopress.citations.bibfile import (
    BibProblem,
    check_bibliography,
    doubled_backslashes,
    entry_problems,
    load_bibliography,
    located_problems,
    warn_bibliography,
)
from oncopress.citations.references import (
    Cited,
    ReferenceBook,
    cited_keys,
    find_citations,
    format_reference,
    malformed_citations,
    reference_html,
    reference_text,
)

EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"
# gotze2019fear as Zotero's Better BibLaTeX writes it: journaltitle, date.
BIBLATEX = (EXPORTS / "biblatex.bib").read_text(encoding="utf-8")
# As Crossref's content negotiation (doi.org, Accept: application/x-bibtex) writes it:
# one line, upper-case field names, a lower-case DOI, an en dash, a month macro.
CROSSREF = (EXPORTS / "crossref.bib").read_text(encoding="utf-8")
EMERY_AS_GIVEN = EMERY.replace("S0140", "s0140")


def entries(text: str) -> Any:
    data, problems = check_bibliography(text)
    assert problems == []
    assert data is not None
    return data.entries


# biblatex ---------------------------------------------------------------------------


def test_a_biblatex_entry_prints_exactly_like_its_bibtex_twin() -> None:
    ref = format_reference("gotze2019fear", entries(BIBLATEX)["gotze2019fear"])
    assert reference_text(ref) == GOTZE


def test_a_biblatex_entry_was_refused_for_its_names_only() -> None:
    """What the check says of an entry with neither name of a field."""
    text = BIBLATEX.replace("  journaltitle = {Psycho-Oncology},\n", "").replace(
        "  date         = {2019-10},\n", ""
    )
    assert entry_problems(text) == {
        "gotze2019fear": (
            BibProblem(
                1, "@article entry 'gotze2019fear' has no 'journal' (or biblatex 'journaltitle')"
            ),
            BibProblem(1, "@article entry 'gotze2019fear' has no 'year' (or biblatex 'date')"),
        )
    }


@pytest.mark.parametrize(
    ("date", "year"),
    [
        ("2019", "2019"),
        ("2019-10", "2019"),
        ("2019-10-05", "2019"),
        ("2019-10/2020-01", "2019"),  # a range: the year it starts
        ("2019~", "2019"),  # approximate
        ("2019?", "2019"),  # uncertain
        (" 2019-10 ", "2019"),
        ("Oct 2019", None),
        ("19", None),
        ("2019-1", None),
        ("", None),
    ],
)
def test_the_year_of_a_biblatex_date(date: str, year: str | None) -> None:
    assert date_year(date) == year


@pytest.mark.parametrize(
    ("fields", "journal", "year"),
    [
        ({"journal": "J", "year": "2020"}, "J", "2020"),
        ({"journaltitle": "J", "date": "2020-03"}, "J", "2020"),
        ({"journal": "BibTeX", "journaltitle": "biblatex"}, "BibTeX", ""),  # BibTeX's first
        ({"year": "2021", "date": "2020-03"}, "", "2021"),
        ({"journal": " ", "journaltitle": "J", "year": " ", "date": "2020"}, "J", "2020"),
    ],
)
def test_bibtex_names_first_then_biblatex(fields: dict[str, str], journal: str, year: str) -> None:
    assert (entry_value(fields, "journal"), entry_value(fields, "year")) == (journal, year)


def test_a_date_biblatex_cannot_read_is_a_problem_on_its_line() -> None:
    text = BIBLATEX.replace("{2019-10}", "{Oct 2019}")
    load_bibliography(text, "bibliography.bib")  # usable: only a page citing it is refused
    assert located_problems([("bibliography.bib", text)]) == {
        "gotze2019fear": (
            "bibliography.bib, line 5: @article entry 'gotze2019fear': 'date' is not a date "
            "biblatex reads (found 'Oct 2019'); write it as YYYY, YYYY-MM or YYYY-MM-DD",
        )
    }


def test_a_year_makes_an_odd_date_harmless() -> None:
    text = BIBLATEX.replace("{2019-10}", "{Oct 2019},\n  year = {2019}")
    ref = format_reference("gotze2019fear", entries(text)["gotze2019fear"])
    assert reference_text(ref) == GOTZE


# Crossref -----------------------------------------------------------------------------


def test_a_crossref_export_prints_in_house_style_with_its_doi_as_given() -> None:
    """Month, ISSN, URL and publisher are not part of the house style; the DOI is
    shown as the source gives it (DOIs ignore case) and linked the same way."""
    ref = format_reference("Emery_2022", entries(CROSSREF)["Emery_2022"])
    assert reference_text(ref) == EMERY_AS_GIVEN
    assert reference_text(ref).lower() == EMERY.lower()
    assert reference_html(ref) == (
        "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, &amp; Jefford M. Management "
        "of common clinical problems experienced by survivors of cancer. The Lancet. "
        '2022;399(10334):1537-1550. <a href="https://doi.org/10.1016/s0140-6736(22)00242-2">'
        "doi.org/10.1016/s0140-6736(22)00242-2</a>"
    )


@pytest.mark.parametrize(
    "pages",
    [
        "1537-1550",
        "1537--1550",
        "1537---1550",
        "1537\u20131550",
        "1537 \u2013 1550",
        "1537\u20141550",
        "1537 -- 1550",
    ],
)
def test_page_ranges_print_with_one_hyphen(pages: str) -> None:
    text = CROSSREF.replace("1537\u20131550", pages)
    ref = format_reference("Emery_2022", entries(text)["Emery_2022"])
    assert ref.pages == "1537-1550"
    assert reference_text(ref) == EMERY_AS_GIVEN


@pytest.mark.parametrize(
    ("doi", "shown", "href"),
    [
        (
            "10.1016/s0140-6736(22)00242-2",
            "doi.org/10.1016/s0140-6736(22)00242-2",
            "https://doi.org/10.1016/s0140-6736(22)00242-2",
        ),
        (
            "https://doi.org/10.1016/S0140-6736(22)00242-2",
            "doi.org/10.1016/S0140-6736(22)00242-2",
            "https://doi.org/10.1016/S0140-6736(22)00242-2",
        ),
        (
            "http://dx.doi.org/10.1002/pon.5188",
            "doi.org/10.1002/pon.5188",
            "https://doi.org/10.1002/pon.5188",
        ),
        (
            # Wiley's old SICI form: '<', '>' and '#' are percent-encoded in the link
            "10.1002/(SICI)1097-0142(19990101)85:1<1::AID-CNCR1>3.0.CO;2-#",
            "doi.org/10.1002/(SICI)1097-0142(19990101)85:1&lt;1::AID-CNCR1&gt;3.0.CO;2-#",
            "https://doi.org/10.1002/(SICI)1097-0142(19990101)85:1%3C1::AID-CNCR1%3E3.0.CO;2-%23",
        ),
    ],
)
def test_how_a_doi_is_shown_and_linked(doi: str, shown: str, href: str) -> None:
    text = CROSSREF.replace("DOI={10.1016/s0140-6736(22)00242-2}", f"DOI={{{doi}}}")
    html = reference_html(format_reference("Emery_2022", entries(text)["Emery_2022"]))
    assert html.endswith(f'<a href="{href}">{shown}</a>')


# Better BibTeX keys --------------------------------------------------------------------

BBT_KEYS = ["emery:2022.lancet", "gotze/2019+fear", "a_b-c.d:e/f+g"]


def test_keys_with_any_character_bibtex_allows() -> None:
    markdown = (
        "It helps [@emery:2022.lancet; @gotze/2019+fear]. Again [@a_b-c.d:e/f+g].\n"
        "With a locator [see @emery:2022.lancet, p. 3].\n"
    )
    assert find_citations(markdown) == [
        Cited("[@emery:2022.lancet; @gotze/2019+fear]", "emery:2022.lancet"),
        Cited("[@emery:2022.lancet; @gotze/2019+fear]", "gotze/2019+fear"),
        Cited("[@a_b-c.d:e/f+g]", "a_b-c.d:e/f+g"),
        Cited("[see @emery:2022.lancet, p. 3]", "emery:2022.lancet", "see", "p. 3"),
    ]
    assert cited_keys(markdown) == BBT_KEYS
    assert malformed_citations(markdown) == []


@pytest.mark.parametrize(
    ("markdown", "key"),
    [
        ("[@emery2022.]", "emery2022."),  # a key may end in '.': no text is silently dropped
        ("[@emery2022 ]", "emery2022"),
        ("[@2022emery]", "2022emery"),
        ("[@_emery]", "_emery"),
        ("[@Götze2019]", "Götze2019"),
    ],
)
def test_where_a_key_starts_and_ends(markdown: str, key: str) -> None:
    assert cited_keys(markdown) == [key]


@pytest.mark.parametrize("markdown", ["[@:emery]", "[@.emery]", "[@+emery]", "[@/emery]"])
def test_a_key_starts_with_a_letter_digit_or_underscore(markdown: str) -> None:
    assert cited_keys(markdown) == []
    assert malformed_citations(markdown) == [
        f"citation {markdown} has no reference key right after '@'; cite as [@key]"
    ]


def test_better_bibtex_keys_in_the_bibliography_render_in_house_style() -> None:
    text = CROSSREF.replace("Emery_2022", "emery:2022.lancet") + BIBLATEX.replace(
        "gotze2019fear", "gotze/2019+fear"
    )
    book = ReferenceBook(entries(text))
    assert reference_text(book.reference("emery:2022.lancet")) == EMERY_AS_GIVEN
    assert reference_text(book.reference("gotze/2019+fear")) == GOTZE


# A doubled backslash --------------------------------------------------------------------

DOUBLED = BIBLATEX.replace('G{\\"o}tze', 'G{\\\\"o}tze')


def test_a_doubled_backslash_still_parses_and_prints_as_written() -> None:
    ref = format_reference("gotze2019fear", entries(DOUBLED)["gotze2019fear"])
    assert reference_text(ref) == GOTZE.replace("Götze", 'G\\\\"otze')


def test_a_doubled_backslash_is_a_warning_with_its_line() -> None:
    assert warn_bibliography(DOUBLED.encode("utf-8"), "bibliography.bib") == [
        "bibliography.bib, line 2: entry 'gotze2019fear': 'author' has a doubled backslash in "
        "'G{\\\\\"o}tze', published as 'G\\\\\"otze'; write one backslash: 'G{\\\"o}tze' "
        "('Götze')"
    ]


@pytest.mark.parametrize(
    ("text", "warnings"),
    [
        (
            '@article{x, author={M{\\\\"u}ller, Hans and {\\\\"O}zdemir, Ayse}, title={T}}',
            [
                BibProblem(
                    1,
                    "entry 'x': 'author' has a doubled backslash in 'M{\\\\\"u}ller', published "
                    "as 'M\\\\\"uller'; write one backslash: 'M{\\\"u}ller' ('Müller')",
                ),
                BibProblem(
                    1,
                    "entry 'x': 'author' has a doubled backslash in '{\\\\\"O}zdemir', "
                    "published as '\\\\\"Ozdemir'; write one backslash: '{\\\"O}zdemir' "
                    "('Özdemir')",
                ),
            ],
        ),
        (
            "@article{x,\n  title = {First line \\\\ second line},\n}",
            [
                BibProblem(
                    2,
                    "entry 'x': 'title' has a LaTeX line break '\\\\', published as it is; "
                    "remove it",
                )
            ],
        ),
        ("% a comment \\\\ before any entry\n@article{x, title={T}}", []),
        ("@article{x, title={T}}\n% a comment \\\\ after it\n@article{y, title={T}}", []),
        (
            '@article(x, title={(T)}, author={M{\\\\"u}ller, Hans})\n% then \\\\ here',
            [
                BibProblem(
                    1,
                    "entry 'x': 'author' has a doubled backslash in 'M{\\\\\"u}ller', published "
                    "as 'M\\\\\"uller'; write one backslash: 'M{\\\"u}ller' ('Müller')",
                )
            ],
        ),
        ('@article{x, author={G{\\"o}tze, Heide}}', []),
    ],
)
def test_doubled_backslashes(text: str, warnings: list[BibProblem]) -> None:
    assert doubled_backslashes(text) == warnings
