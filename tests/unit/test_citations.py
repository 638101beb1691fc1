from pathlib import Path
from typing import Any

import pytest
from pybtex.database import parse_string

from oncopress.citations.references import (
    Cited,
    LatexError,
    Reference,
    ReferenceBook,
    add_reference_section,
    cited_keys,
    decode_latex,
    find_citations,
    format_authors,
    format_reference,
    latex_to_text,
    malformed_citations,
    reference_html,
    reference_text,
)
from oncopress.i18n.labels import label

ROOT = Path(__file__).resolve().parents[2]
EMERY = (
    "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. Management of "
    "common clinical problems experienced by survivors of cancer. The Lancet. "
    "2022;399(10334):1537-1550. doi.org/10.1016/S0140-6736(22)00242-2"
)
GOTZE = (
    "Götze H, Taubenheim S, Dietz A, Lordick F, & Mehnert-Theuerkauf A. Fear of cancer "
    "recurrence across the survivorship trajectory: Results from a survey of adult long-term "
    "cancer survivors. Psycho-Oncology. 2019;28(10):2033-2041. doi.org/10.1002/pon.5188"
)
SEVEN = (
    "Emery, Jon and Butow, Phyllis and Lai-Kwon, Julia and Nekhlyudov, Larissa and "
    "Rynderman, Meg and Jefford, Michael and Smith, Jean-Pierre"
)


def entry(fields: str, key: str = "k") -> Any:
    return parse_string(f"@article{{{key},\n{fields}\n}}", "bibtex").entries[key]


def reference(fields: str) -> Reference:
    return format_reference("k", entry(fields))


def article(authors: str, **extra: str) -> str:
    fields = {"title": "A study", "journal": "J Test", "year": "2020", **extra}
    lines = [f"author = {{{authors}}}", *(f"{k} = {{{v}}}" for k, v in fields.items())]
    return ",\n".join(lines)


@pytest.fixture(scope="module")
def real_entries() -> Any:
    text = (ROOT / "bibliography.bib").read_text(encoding="utf-8")
    return parse_string(text, "bibtex").entries


@pytest.mark.parametrize(
    ("key", "expected"), [("emery2022management", EMERY), ("gotze2019fear", GOTZE)]
)
def test_the_real_references_in_exact_house_style(
    real_entries: Any, key: str, expected: str
) -> None:
    assert reference_text(format_reference(key, real_entries[key])) == expected


def test_the_real_reference_as_html_links_the_doi(real_entries: Any) -> None:
    ref = format_reference("emery2022management", real_entries["emery2022management"])
    assert reference_html(ref) == (
        "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, &amp; Jefford M. Management "
        "of common clinical problems experienced by survivors of cancer. The Lancet. "
        '2022;399(10334):1537-1550. <a href="https://doi.org/10.1016/S0140-6736(22)00242-2">'
        "doi.org/10.1016/S0140-6736(22)00242-2</a>"
    )


def test_accents_and_hyphens_are_kept(real_entries: Any) -> None:
    ref = format_reference("gotze2019fear", real_entries["gotze2019fear"])
    assert ref.authors == (
        "Götze H",
        "Taubenheim S",
        "Dietz A",
        "Lordick F",
        "Mehnert-Theuerkauf A",
    )


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        ("Emery, Jon", "Emery J. A study."),
        ("Emery, Jon and Butow, Phyllis", "Emery J, & Butow P. A study."),
        (
            "Emery, Jon and Butow, Phyllis and Lai-Kwon, Julia and Nekhlyudov, Larissa and "
            "Rynderman, Meg and Jefford, Michael",
            "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. A study.",
        ),
        (SEVEN, "Emery J, Butow P, Lai-Kwon J, et al. A study."),
    ],
)
def test_one_two_six_and_seven_authors(authors: str, expected: str) -> None:
    assert reference_text(reference(article(authors))).startswith(expected + " J Test. 2020.")


def test_format_authors_of_none_is_empty() -> None:
    assert format_authors([]) == ""


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ('G{\\"o}tze, Heide', "Götze H"),
        ("Mehnert-Theuerkauf, Anja", "Mehnert-Theuerkauf A"),
        ("Smith, Jean-Pierre", "Smith JP"),
        ("Nekhlyudov, Larissa Anne", "Nekhlyudov LA"),
        ("Müller, Ölaf", "Müller Ö"),
        ("{\\'A}lvarez-Garc{\\'i}a, Jos{\\'e} Mar{\\'i}a", "Álvarez-García JM"),
        ("van der Berg, Anna", "van der Berg A"),
        ("Smith, Jr., John", "Smith J Jr"),
        ("{World Health Organization}", "World Health Organization"),
    ],
)
def test_authors_as_surname_and_initials(author: str, expected: str) -> None:
    assert reference(article(author)).authors == (expected,)


@pytest.mark.parametrize(
    ("extra", "source"),
    [
        ({"volume": "399", "number": "10334", "pages": "1537--1550"}, "2020;399(10334):1537-1550."),
        ({"volume": "399", "pages": "1537--1550"}, "2020;399:1537-1550."),  # no issue
        ({"volume": "399", "number": "10334"}, "2020;399(10334)."),  # no pages
        ({"volume": "399"}, "2020;399."),
        ({"pages": "e100"}, "2020:e100."),
        ({"volume": "12", "issue": "3", "pages": "5 \u2013 9"}, "2020;12(3):5-9."),
        ({}, "2020."),
    ],
)
def test_missing_volume_issue_or_pages(extra: dict[str, str], source: str) -> None:
    text = reference_text(reference(article("Emery, Jon", **extra)))
    assert text == f"Emery J. A study. J Test. {source}"


@pytest.mark.parametrize(
    "doi", ["10.1002/pon.5188", "https://doi.org/10.1002/pon.5188", "doi:10.1002/pon.5188"]
)
def test_doi_is_normalized(doi: str) -> None:
    ref = reference(article("Emery, Jon", doi=doi))
    assert ref.doi == "10.1002/pon.5188"
    assert ref.doi_url == "https://doi.org/10.1002/pon.5188"
    assert reference_text(ref).endswith("J Test. 2020. doi.org/10.1002/pon.5188")


def test_a_title_with_its_own_question_mark_gets_no_full_stop() -> None:
    ref = reference(article("Emery, Jon", title="Is it back?"))
    assert reference_text(ref) == "Emery J. Is it back? J Test. 2020."


def test_every_field_is_html_escaped() -> None:
    ref = reference(
        "author = {O'Brien, Anne and {<b>Evil</b> Team}},\n"
        'title = {A <b>bold</b> & "new" *claim* [1] _x_},\n'
        "journal = {<i>J</i>},\nyear = {2020},\nvolume = {<1>},\n"
        'doi = {10.1000/a<b>"x"}'
    )
    assert reference_html(ref) == (
        "O&#x27;Brien A, &amp; &lt;b&gt;Evil&lt;/b&gt; Team. A &lt;b&gt;bold&lt;/b&gt; &amp; "
        "&quot;new&quot; &#42;claim&#42; &#91;1&#93; &#95;x&#95;. &lt;i&gt;J&lt;/i&gt;. "
        '2020;&lt;1&gt;. <a href="https://doi.org/10.1000/a%3Cb%3E%22x%22">'
        "doi.org/10.1000/a&lt;b&gt;&quot;x&quot;</a>"
    )


def test_find_citations_as_mkdocs_bibtex_reads_them() -> None:
    markdown = (
        "It helps [@emery2022management; @gotze2019fear]. Again [@emery2022management].\n"
        "Write to [help@example.org](mailto:help@example.org) or see [the page](page.md).\n"
        "With a locator [see @smith2020, p. 3].\n"
    )
    assert find_citations(markdown) == [
        Cited("[@emery2022management; @gotze2019fear]", "emery2022management"),
        Cited("[@emery2022management; @gotze2019fear]", "gotze2019fear"),
        Cited("[@emery2022management]", "emery2022management"),
        Cited("[see @smith2020, p. 3]", "smith2020", "see", "p. 3"),
    ]
    assert cited_keys(markdown) == ["emery2022management", "gotze2019fear", "smith2020"]


@pytest.mark.parametrize(
    ("markdown", "problems"),
    [
        ("Text [@].", ["citation [@] has no reference key right after '@'; cite as [@key]"]),
        (
            "Texto [@ emery2022management] y [@] y [@].",
            [
                "citation [@ emery2022management] has no reference key right after '@'; "
                "cite as [@key]",
                "citation [@] has no reference key right after '@'; cite as [@key]",
            ],
        ),
        (
            "Both [@emery2022management; @].",
            [
                "citation [@emery2022management; @] has no reference key right after '@'; "
                "cite as [@key]"
            ],
        ),
        ("Good [@emery2022management] and [see @gotze2019fear, p. 3].", []),
        ("Write to [help@example.org](mailto:help@example.org) or [a link](x.md).", []),
    ],
)
def test_malformed_citations(markdown: str, problems: list[str]) -> None:
    assert malformed_citations(markdown) == problems


def test_no_citations() -> None:
    assert cited_keys("Plain text with a [link](x.md) and an email a@b.org.") == []


@pytest.mark.parametrize(("locale", "heading"), [("en", "References"), ("es", "Referencias")])
def test_reference_section_at_the_end(locale: str, heading: str) -> None:
    markdown = "# Title\n\nText [@k].\n\n"
    result = add_reference_section(markdown, label("references", locale), "\\bibliography", "@@")
    assert result == f"# Title\n\nText [@k].\n\n## {heading}\n\n@@\n\n\\bibliography\n"


@pytest.mark.parametrize(("locale", "heading"), [("en", "References"), ("es", "Referencias")])
def test_reference_section_where_the_page_asks_for_it(locale: str, heading: str) -> None:
    markdown = "Text [@k].\n\n\\bibliography\n\n## After\n"
    result = add_reference_section(markdown, label("references", locale), "\\bibliography", "@@")
    assert result == f"Text [@k].\n\n## {heading}\n\n@@\n\n\\bibliography\n\n## After\n"


def test_reference_book_formats_each_key_once(real_entries: Any) -> None:
    book = ReferenceBook(real_entries)
    assert "gotze2019fear" in book
    assert "smith2020" not in book
    first = book.reference("gotze2019fear")
    assert book.reference("gotze2019fear") is first
    assert book.html("gotze2019fear") == reference_html(first)


@pytest.mark.parametrize(
    ("value", "text"),
    [('G{\\"o}tze', "Götze"), ("{DNA} repair", "DNA repair"), ("1537--1550", "1537\u20131550")],
)
def test_decode_latex(value: str, text: str) -> None:
    assert decode_latex(value) == text == latex_to_text(value)


@pytest.mark.parametrize(
    ("value", "reason", "shown"),
    [
        ("The Lancet\\", "a lone '\\' that starts no command", "The Lancet\\"),
        ("{DNA repair", "unbalanced braces", "DNA repair"),
        ("DNA} repair", "unbalanced braces", "DNA repair"),
    ],
)
def test_text_latex_cannot_read(value: str, reason: str, shown: str) -> None:
    with pytest.raises(LatexError) as raised:
        decode_latex(value)
    assert str(raised.value) == reason
    assert latex_to_text(value) == shown  # formatting never fails
