"""Every kind of reference editors bring (issue 22), in exact house style, in English
and in Spanish: a book, an edited book, a chapter, a conference paper, a report, a
thesis, a web page and anything else (misc), with the words of the page's language
and the note a reference in another language gets ("(en inglés)", "(in Spanish)").
The entries are those of tests/fixtures/exports/every-type.bib, as Zotero exports them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pybtex.database import parse_string

from oncopress.citations.bibfile import check_bibliography, entry_problems
from oncopress.citations.references import (
    Reference,
    ReferenceBook,
    format_edition,
    format_reference,
    reference_html,
    reference_text,
)
from oncopress.citations.reflang import language_note, reference_language, with_language_note
from oncopress.pages.jsonld import citation_item

EVERY_TYPE = Path(__file__).resolve().parents[1] / "fixtures" / "exports" / "every-type.bib"
NCI = "https://www.cancer.gov/about-cancer/coping/survivorship/follow-up-care"
# key -> (English page, Spanish page): what each page prints, exactly.
EXPECTED = {
    "riffenburgh2006": (
        "Riffenburgh RH. Statistics in medicine. 2nd ed. Amsterdam: Elsevier Academic Press; 2006.",
        "Riffenburgh RH. Statistics in medicine (en inglés). 2.ª ed. Amsterdam: Elsevier "
        "Academic Press; 2006.",
    ),
    "field1995": (
        "Field MJ, Tranquada RE, & Feasley JC, editors. Health services research: work force "
        "and educational issues. Washington: National Academy Press; 1995.",
        "Field MJ, Tranquada RE, & Feasley JC, editores. Health services research: work force "
        "and educational issues (en inglés). Washington: National Academy Press; 1995.",
    ),
    "meltzer2002": (
        "Meltzer PS, Kallioniemi A, & Trent JM. Chromosome alterations in human solid tumors. "
        "In: Vogelstein B, & Kinzler KW, editors. The genetic basis of human cancer. New "
        "York: McGraw-Hill; 2002. p. 93-113.",
        "Meltzer PS, Kallioniemi A, & Trent JM. Chromosome alterations in human solid tumors "
        "(en inglés). En: Vogelstein B, & Kinzler KW, editores. The genetic basis of human "
        "cancer. New York: McGraw-Hill; 2002. p. 93-113.",
    ),
    "christensen2002": (
        "Christensen S, & Oppacher F. An analysis of Koza's computational effort statistic "
        "for genetic programming. In: Foster JA, Lutton E, Miller J, Ryan C, & Tettamanzi "
        "AGB, editors. Genetic programming: EuroGP 2002. Berlin: Springer; 2002. p. 182-191.",
        "Christensen S, & Oppacher F. An analysis of Koza's computational effort statistic "
        "for genetic programming (en inglés). En: Foster JA, Lutton E, Miller J, Ryan C, & "
        "Tettamanzi AGB, editores. Genetic programming: EuroGP 2002. Berlin: Springer; 2002. "
        "p. 182-191.",
    ),
    "yen2002": (
        "Yen GG. Health monitoring on vibration signatures. Arlington (VA): Air Force Office "
        "of Scientific Research; 2002. Report No.: AFRLSRBLTR020123.",
        "Yen GG. Health monitoring on vibration signatures (en inglés). Arlington (VA): Air "
        "Force Office of Scientific Research; 2002. Informe n.º AFRLSRBLTR020123.",
    ),
    "borkowski2002": (
        "Borkowski MM. Infant sleep and feeding: a telephone survey of Hispanic Americans "
        "[dissertation]. Mount Pleasant (MI): Central Michigan University; 2002.",
        "Borkowski MM. Infant sleep and feeding: a telephone survey of Hispanic Americans "
        "(en inglés) [tesis doctoral]. Mount Pleasant (MI): Central Michigan University; 2002.",
    ),
    "nci2023followup": (
        f"National Cancer Institute. Follow-up care after cancer treatment. 2023 [accessed "
        f"3 December 2026]. {NCI}",
        f"National Cancer Institute. Follow-up care after cancer treatment (en inglés). 2023 "
        f"[consultado el 3 de diciembre de 2026]. {NCI}",
    ),
    "cancernet2019miedo": (
        "Cancer.Net. Cómo enfrentar el miedo a la recurrencia (in Spanish). Información para "
        "pacientes. 2019.",
        "Cancer.Net. Cómo enfrentar el miedo a la recurrencia. Información para pacientes. 2019.",
    ),
}


@pytest.fixture(scope="module")
def entries() -> Any:
    text = EVERY_TYPE.read_text(encoding="utf-8")
    data, problems = check_bibliography(text)
    assert problems == [] and data is not None
    assert entry_problems(text) == {}  # every entry has what its kind needs
    return data.entries


def on_page(entries: Any, key: str, locale: str) -> Reference:
    """The reference as a page in ``locale`` prints it: with the language note."""
    note = language_note(reference_language(entries[key].fields), locale)
    return with_language_note(format_reference(key, entries[key]), note)


@pytest.mark.parametrize("locale", ["en", "es"])
@pytest.mark.parametrize("key", list(EXPECTED))
def test_every_kind_in_exact_house_style(entries: Any, key: str, locale: str) -> None:
    expected = EXPECTED[key][0 if locale == "en" else 1]
    assert reference_text(on_page(entries, key, locale), locale) == expected


def test_the_fixture_has_every_kind(entries: Any) -> None:
    kinds = {format_reference(key, entry).kind for key, entry in entries.items()}
    assert kinds == {"book", "chapter", "paper", "report", "thesis", "online", "misc"}


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en", f'2023 &#91;accessed 3 December 2026&#93;. <a href="{NCI}">{NCI}</a>'),
        ("es", f'2023 &#91;consultado el 3 de diciembre de 2026&#93;. <a href="{NCI}">{NCI}</a>'),
    ],
)
def test_a_web_page_links_its_address(entries: Any, locale: str, expected: str) -> None:
    """Brackets as entities: Markdown leaves them alone (the footnote is Markdown)."""
    ref = format_reference("nci2023followup", entries["nci2023followup"])
    assert reference_html(ref, locale).endswith(expected)
    assert ReferenceBook(entries).html("nci2023followup", locale) == reference_html(ref, locale)


def test_a_web_address_is_escaped_for_markdown_and_html() -> None:
    url = "https://www.cancer.gov/a_b?x=1&y=*2*"
    entry = parse_string(
        f"@online{{k, author = {{{{NCI}}}}, title = {{T}}, year = {{2023}}, url = {{{url}}}, "
        "urldate = {2026-12-03}}",
        "bibtex",
    ).entries["k"]
    assert reference_html(format_reference("k", entry)) == (
        'NCI. T. 2023 &#91;accessed 3 December 2026&#93;. <a href="https://www.cancer.gov/a_b?x=1'
        '&amp;y=*2*">https://www.cancer.gov/a&#95;b?x=1&amp;y=&#42;2&#42;</a>'
    )


def chapter(editors: str, locale: str) -> str:
    entry = parse_string(
        "@incollection{k, author = {Harold, Gordon}, title = {Smoking}, "
        f"editor = {{{editors}}}, booktitle = {{The transition}}, publisher = {{P}}, "
        "year = {2011}}",
        "bibtex",
    ).entries["k"]
    return reference_text(format_reference("k", entry), locale)


@pytest.mark.parametrize(
    ("editors", "locale", "expected"),
    [
        ("Gluckman, Peter", "en", "In: Gluckman P, editor. The transition."),
        ("Gluckman, Peter and Hayne, Harlene", "en", "In: Gluckman P, & Hayne H, editors."),
        ("Gluckman, Peter", "es", "En: Gluckman P, editor. The transition."),
        ("Gluckman, Peter and Hayne, Harlene", "es", "En: Gluckman P, & Hayne H, editores."),
    ],
)
def test_one_editor_and_two_editors_in_each_language(
    editors: str, locale: str, expected: str
) -> None:
    assert expected in chapter(editors, locale)


def test_a_chapter_without_editors_names_its_book_after_in() -> None:
    assert chapter("", "en") == "Harold G. Smoking. In: The transition. P; 2011."


@pytest.mark.parametrize(
    ("edition", "english", "spanish"),
    [
        ("1", "", ""),  # a first edition is not said
        ("2", "2nd ed.", "2.ª ed."),
        ("3", "3rd ed.", "3.ª ed."),
        ("11", "11th ed.", "11.ª ed."),
        ("21", "21st ed.", "21.ª ed."),
        ("2nd", "2nd ed.", "2.ª ed."),
        ("2nd edn", "2nd ed.", "2.ª ed."),
        ("Revised", "Revised ed.", "Revised ed."),
        ("Revised edition", "Revised edition", "Revised edition"),
    ],
)
def test_editions(edition: str, english: str, spanish: str) -> None:
    assert (format_edition(edition, "en"), format_edition(edition, "es")) == (english, spanish)


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("@mastersthesis{k, author = {Kim, Jae}, title = {T}, school = {U}, year = {2020}}",
         ("Kim J. T [master's thesis]. U; 2020.", "Kim J. T [tesis de maestría]. U; 2020.")),
        ("@thesis{k, author = {Kim, Jae}, title = {T}, institution = {U}, type = {phdthesis}, "
         "date = {2020}}",
         ("Kim J. T [dissertation]. U; 2020.", "Kim J. T [tesis doctoral]. U; 2020.")),
        ("@thesis{k, author = {Kim, Jae}, title = {T}, institution = {U}, date = {2020}}",
         ("Kim J. T [thesis]. U; 2020.", "Kim J. T [tesis]. U; 2020.")),
        ("@online{k, organization = {World Health Organization}, title = {T}, year = {2024}, "
         "url = {https://www.who.int/x}, urldate = {2024-02-29}}",
         ("World Health Organization. T. 2024 [accessed 29 February 2024]. "
          "https://www.who.int/x",
          "World Health Organization. T. 2024 [consultado el 29 de febrero de 2024]. "
          "https://www.who.int/x")),
        ("@misc{k, title = {T}, howpublished = {\\url{https://www.who.int/x}}, year = {2024}, "
         "urldate = {2024-03-01}}",
         ("T. 2024 [accessed 1 March 2024]. https://www.who.int/x",
          "T. 2024 [consultado el 1 de marzo de 2024]. https://www.who.int/x")),
        ("@book{k, author = {Kim, Jae}, title = {T}, publisher = {P}, year = {2020}, "
         "doi = {10.1/x}, url = {https://www.who.int/x}, urldate = {2024-03-01}}",
         ("Kim J. T. P; 2020. doi.org/10.1/x", "Kim J. T. P; 2020. doi.org/10.1/x")),
    ],
)  # fmt: skip
def test_other_forms_editors_bring(entry: str, expected: tuple[str, str]) -> None:
    parsed = parse_string(entry, "bibtex").entries["k"]
    ref = format_reference("k", parsed)
    assert (reference_text(ref, "en"), reference_text(ref, "es")) == expected


def test_the_jsonld_type_of_each_kind(entries: Any) -> None:
    items = {key: citation_item(format_reference(key, entry)) for key, entry in entries.items()}
    assert {key: item["@type"] for key, item in items.items()} == {
        "riffenburgh2006": "Book",
        "field1995": "Book",
        "meltzer2002": "Chapter",
        "christensen2002": "ScholarlyArticle",
        "yen2002": "Report",
        "borkowski2002": "Thesis",
        "nci2023followup": "WebPage",
        "cancernet2019miedo": "CreativeWork",
    }
    assert items["meltzer2002"] == {
        "@type": "Chapter",
        "name": "Chromosome alterations in human solid tumors",
        "author": [
            {"@type": "Person", "name": "Meltzer PS"},
            {"@type": "Person", "name": "Kallioniemi A"},
            {"@type": "Person", "name": "Trent JM"},
        ],
        "isPartOf": {
            "@type": "Book",
            "name": "The genetic basis of human cancer",
            "editor": [
                {"@type": "Person", "name": "Vogelstein B"},
                {"@type": "Person", "name": "Kinzler KW"},
            ],
        },
        "publisher": {"@type": "Organization", "name": "McGraw-Hill"},
        "datePublished": "2002",
        "pagination": "93-113",
    }
    assert items["nci2023followup"] == {
        "@type": "WebPage",
        "name": "Follow-up care after cancer treatment",
        "author": [{"@type": "Organization", "name": "National Cancer Institute"}],
        "datePublished": "2023",
        "url": NCI,
    }
    assert items["riffenburgh2006"]["bookEdition"] == "2"
    assert items["field1995"]["editor"][2] == {"@type": "Person", "name": "Feasley JC"}
    assert items["yen2002"]["reportNumber"] == "AFRLSRBLTR020123"
    assert items["borkowski2002"]["inSupportOf"] == "PhD"
    assert items["borkowski2002"]["sourceOrganization"] == {
        "@type": "Organization",
        "name": "Central Michigan University",
    }
