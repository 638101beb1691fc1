"""The citation extension (``oncopress.citations.markdown_ext``) on its own: exact HTML
for each form of citation, in both languages, and each problem it reports.
``tests/e2e/test_citation_extension.py`` compares it with the build, page by page."""

from __future__ import annotations

import os
from pathlib import Path

import markdown
import pytest

from oncopress.citations.bibfile import BibliographyError
from oncopress.citations.footnote_markdown import CitationError, CitationProblem
from oncopress.citations.markdown_ext import (
    CitationExtension,
    CitationSetupError,
    makeExtension,
)

EXTENSION = "oncopress.citations.markdown_ext"
BIB = """@article{smith2020,
  author  = {Smith, Jane and Doe, John},
  title   = {A study},
  journal = {J Test},
  year    = {2020},
  doi     = {10.1000/xyz},
}

@article{lopez2021,
  author  = {L{\\'o}pez, Ana},
  title   = {Un estudio},
  journal = {Rev Prueba},
  year    = {2021},
  langid  = {spanish},
}
"""
SMITH = (
    "Smith J, &amp; Doe J. A study. J Test. 2020. "
    '<a href="https://doi.org/10.1000/xyz">doi.org/10.1000/xyz</a>'
)
SMITH_ES = SMITH.replace("A study.", "A study (en inglés).")
LOPEZ = "López A. Un estudio. Rev Prueba. 2021."
LOPEZ_EN = LOPEZ.replace("Un estudio.", "Un estudio (in Spanish).")
BACK = {"en": "Back to citation {} in the text", "es": "Volver a la cita {} en el texto"}
HEADING = {
    "en": '<h2 id="references">References</h2>',
    "es": '<h2 id="referencias">Referencias</h2>',
}


@pytest.fixture
def bib(tmp_path: Path) -> Path:
    path = tmp_path / "refs.bib"
    path.write_text(BIB, encoding="utf-8")
    return path


def render(text: str, bib: Path, locale: str = "en", **options: object) -> str:
    """``text`` through toc, footnotes and the extension, as a site configures them."""
    md = markdown.Markdown(
        extensions=["toc", "footnotes", EXTENSION],
        extension_configs={EXTENSION: {"bibliography": str(bib), "locale": locale, **options}},
    )
    return str(md.convert(text))


def ref(key: str, number: int, again: int = 0) -> str:
    """A citation's HTML: the ``again``-th time it cites ``key`` (0: the first)."""
    anchor = f"fnref{again + 1}:{key}" if again else f"fnref:{key}"
    return f'<sup id="{anchor}"><a class="footnote-ref" href="#fn:{key}">{number}</a></sup>'


def references(locale: str, *notes: tuple[str, int, str, int]) -> str:
    """The reference list: each (key, number, reference, times cited)."""
    items = []
    for key, number, text, times in notes:
        title = BACK[locale].format(number)
        backlinks = "".join(
            f'<a class="footnote-backref" href="#fnref{n + 1 if n else ""}:{key}" '
            f'title="{title}">&#8617;</a>'
            for n in range(times)
        )
        items.append(f'<li id="fn:{key}">\n<p>{text}&#160;{backlinks}</p>\n</li>')
    return (
        f'{HEADING[locale]}\n<div class="footnote">\n<hr />\n<ol>\n'
        + "\n".join(items)
        + "\n</ol>\n</div>"
    )


def test_one_key(bib: Path) -> None:
    assert render("Text [@smith2020].", bib) == (
        '<p>Text <sup id="fnref:smith2020"><a class="footnote-ref" href="#fn:smith2020">1</a>'
        "</sup>.</p>\n"
        '<h2 id="references">References</h2>\n'
        '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:smith2020">\n'
        "<p>Smith J, &amp; Doe J. A study. J Test. 2020. "
        '<a href="https://doi.org/10.1000/xyz">doi.org/10.1000/xyz</a>&#160;'
        '<a class="footnote-backref" href="#fnref:smith2020" '
        'title="Back to citation 1 in the text">&#8617;</a></p>\n</li>\n</ol>\n</div>'
    )
    # the helpers below write the same HTML
    assert render("Text [@smith2020].", bib) == (
        f"<p>Text {ref('smith2020', 1)}.</p>\n" + references("en", ("smith2020", 1, SMITH, 1))
    )


def test_one_key_on_a_spanish_page(bib: Path) -> None:
    assert render("Texto [@smith2020].", bib, "es") == (
        '<p>Texto <sup id="fnref:smith2020"><a class="footnote-ref" href="#fn:smith2020">1</a>'
        "</sup>.</p>\n"
        '<h2 id="referencias">Referencias</h2>\n'
        '<div class="footnote">\n<hr />\n<ol>\n<li id="fn:smith2020">\n'
        "<p>Smith J, &amp; Doe J. A study (en inglés). J Test. 2020. "
        '<a href="https://doi.org/10.1000/xyz">doi.org/10.1000/xyz</a>&#160;'
        '<a class="footnote-backref" href="#fnref:smith2020" '
        'title="Volver a la cita 1 en el texto">&#8617;</a></p>\n</li>\n</ol>\n</div>'
    )


def test_several_keys_in_one_block_and_a_spanish_page_citing_an_english_reference(
    bib: Path,
) -> None:
    assert render("Texto [@smith2020; @lopez2021].", bib, "es") == (
        f"<p>Texto {ref('smith2020', 1)}<sup>,</sup>{ref('lopez2021', 2)}.</p>\n"
        + references("es", ("smith2020", 1, SMITH_ES, 1), ("lopez2021", 2, LOPEZ, 1))
    )


def test_an_english_page_citing_a_spanish_reference(bib: Path) -> None:
    assert render("Text [@lopez2021].", bib) == (
        f"<p>Text {ref('lopez2021', 1)}.</p>\n" + references("en", ("lopez2021", 1, LOPEZ_EN, 1))
    )


def test_a_key_cited_twice(bib: Path) -> None:
    text = "One [@smith2020; @lopez2021].\n\nTwo [@smith2020]."
    assert render(text, bib) == (
        f"<p>One {ref('smith2020', 1)}<sup>,</sup>{ref('lopez2021', 2)}.</p>\n"
        f"<p>Two {ref('smith2020', 1, again=1)}.</p>\n"
        + references("en", ("smith2020", 1, SMITH, 2), ("lopez2021", 2, LOPEZ_EN, 1))
    )


@pytest.mark.parametrize(
    "block", ["[see @smith2020, p. 3]", "[@smith2020, ch. 2]", "[e.g. @smith2020]"]
)
def test_text_around_a_key_is_dropped_as_mkdocs_bibtex_drops_it(bib: Path, block: str) -> None:
    assert render(f"Text {block}.", bib) == (
        f"<p>Text {ref('smith2020', 1)}.</p>\n" + references("en", ("smith2020", 1, SMITH, 1))
    )


def test_an_unknown_key_is_an_error_naming_the_key_and_its_line(bib: Path) -> None:
    text = "# Care\n\nText [@smith2020].\n\nMore [@nobody1999; @smith2020] and [@nobody1999].\n"
    with pytest.raises(CitationError) as raised:
        render(text + "Last [@ghost2000].\n", bib)
    not_in = f"(not in {bib})"
    assert raised.value.problems == (
        CitationProblem(5, f"cites unknown reference key 'nobody1999' {not_in}"),
        CitationProblem(6, f"cites unknown reference key 'ghost2000' {not_in}"),
    )
    assert str(raised.value) == (
        f"line 5: cites unknown reference key 'nobody1999' {not_in}; "
        f"line 6: cites unknown reference key 'ghost2000' {not_in}"
    )
    # a page with 4 lines of front matter before its Markdown: the file's lines
    assert raised.value.messages(first_line=5) == [
        f"line 9: cites unknown reference key 'nobody1999' {not_in}",
        f"line 10: cites unknown reference key 'ghost2000' {not_in}",
    ]


def test_a_key_mkdocs_bibtex_reads_and_the_house_pattern_does_not(bib: Path) -> None:
    """``[@-draft]``: not a key for the editorial check (it starts with '-'), but one for
    mkdocs-bibtex's pattern, which the build then refuses as unknown; so does this."""
    with pytest.raises(CitationError) as raised:
        render("Text [@-draft].", bib)
    assert str(raised.value) == f"line 1: cites unknown reference key '-draft' (not in {bib})"


def test_a_key_as_better_bibtex_writes_it(bib: Path) -> None:
    bib.write_text(BIB.replace("smith2020", "smith:2020.study"), encoding="utf-8")
    assert render("Text [@smith:2020.study].", bib) == (
        f"<p>Text {ref('smith:2020.study', 1)}.</p>\n"
        + references("en", ("smith:2020.study", 1, SMITH, 1))
    )


@pytest.mark.parametrize("locale", ["en", "es"])
def test_no_citations_leave_the_page_as_markdown_renders_it(bib: Path, locale: str) -> None:
    text = "# Care\n\nAn address [help@example.org], [a link](x.md), an @ sign.\n"
    plain = markdown.Markdown(extensions=["toc", "footnotes"]).convert(text)
    assert (
        render(text, bib, locale)
        == plain
        == (
            '<h1 id="care">Care</h1>\n'
            '<p>An address [help@example.org], <a href="x.md">a link</a>, an @ sign.</p>'
        )
    )


def test_the_list_goes_where_the_page_puts_its_command(bib: Path) -> None:
    text = "Text [@smith2020].\n\n\\bibliography\n\nAfter the list."
    assert render(text, bib) == (
        f"<p>Text {ref('smith2020', 1)}.</p>\n"
        + references("en", ("smith2020", 1, SMITH, 1))
        + "\n<p>After the list.</p>"
    )


def test_the_command_alone_is_removed(bib: Path) -> None:
    assert render("No citation.\n\n\\bibliography\n", bib) == "<p>No citation.</p>"


def test_the_full_bibliography_lists_every_reference(bib: Path) -> None:
    """No heading (the page cites nothing), and backlinks to no citation, as today."""
    listed = references("en", ("smith2020", 1, SMITH, 1), ("lopez2021", 2, LOPEZ_EN, 1))
    assert render("All of them:\n\n\\full_bibliography\n", bib) == (
        "<p>All of them:</p>\n" + listed.removeprefix(HEADING["en"] + "\n")
    )


def test_a_footnote_of_the_page_s_own_comes_first(bib: Path) -> None:
    text = "Ours[^own] and [@smith2020].\n\n[^own]: Written by the editors."
    own = (
        '<li id="fn:own">\n<p>Written by the editors.&#160;<a class="footnote-backref" '
        'href="#fnref:own" title="Back to citation 1 in the text">&#8617;</a></p>\n</li>'
    )
    expected = f"<p>Ours{ref('own', 1)} and {ref('smith2020', 2)}.</p>\n" + references(
        "en", ("smith2020", 2, SMITH, 1)
    ).replace("<ol>\n", f"<ol>\n{own}\n")
    assert render(text, bib) == expected


def test_the_footnote_format(bib: Path) -> None:
    html = render("Text [@smith2020].", bib, footnote_format="ref-{key}")
    assert html == (
        f"<p>Text {ref('ref-smith2020', 1)}.</p>\n"
        + references("en", ("ref-smith2020", 1, SMITH, 1))
    )


def test_the_extension_named_before_footnotes_gives_the_same_html(bib: Path) -> None:
    first = markdown.Markdown(
        extensions=["toc", makeExtension(bibliography=str(bib), locale="es"), "footnotes"]
    )
    assert first.convert("Texto [@smith2020].") == render("Texto [@smith2020].", bib, "es")


def test_one_markdown_renders_page_after_page(bib: Path) -> None:
    md = markdown.Markdown(extensions=["footnotes", CitationExtension(bibliography=[str(bib)])])
    md.convert("One [@smith2020].")
    assert (
        md.reset()
        .convert("Two [@lopez2021].")
        .startswith(
            '<p>Two <sup id="fnref:lopez2021"><a class="footnote-ref" href="#fn:lopez2021">1</a>'
        )
    )


def test_bibliographies_merge_a_later_file_replacing_an_earlier_ones_key(
    bib: Path, tmp_path: Path
) -> None:
    later = tmp_path / "later.bib"
    later.write_text(BIB.split("\n\n")[0].replace("A study", "Another study"), encoding="utf-8")
    html = render("Text [@smith2020; @lopez2021].", bib, bibliography=[str(bib), str(later)])
    assert "Another study." in html and "López A." in html


def test_an_edited_bibliography_is_read_again(bib: Path) -> None:
    assert "A study." in render("Text [@smith2020].", bib)
    bib.write_text(BIB.replace("A study", "A longer study"), encoding="utf-8")
    os.utime(bib, ns=(1, 1))  # another modification time, whatever the clock
    assert "A longer study." in render("Text [@smith2020].", bib)


def test_a_bibliography_with_problems_names_its_file_and_line(bib: Path) -> None:
    """A file the build cannot use (issue 22: an entry missing a field is no longer the
    file's problem, only its citing pages')."""
    bib.write_text(BIB.replace("@article{lopez2021,", "@article{smith2020,"), encoding="utf-8")
    with pytest.raises(BibliographyError) as raised:
        render("Text [@smith2020].", bib)
    assert str(raised.value) == (
        f"Bibliography check failed: 1 problem in '{bib}'\n"
        f"  {bib}, line 9: key 'smith2020' is used twice (first at line 1)"
    )


def test_a_missing_bibliography(tmp_path: Path) -> None:
    with pytest.raises(BibliographyError) as raised:
        render("Text.", tmp_path / "missing.bib")
    assert str(raised.value) == f"Bibliography '{tmp_path / 'missing.bib'}' not found"


@pytest.mark.parametrize(
    ("extensions", "options", "message"),
    [
        (
            ["footnotes"],
            {"bibliography": []},
            "citations: no bibliography (name a BibTeX file)",
        ),
        (
            ["footnotes"],
            {"bibliography": "refs.bib", "locale": "fr"},
            "citations: locale 'fr' is not one of en, es",
        ),
        (
            ["footnotes"],
            {"bibliography": "refs.bib", "footnote_format": "ref"},
            "citations: footnote_format 'ref' has no '{key}'",
        ),
    ],
)
def test_settings_that_cannot_work(
    extensions: list[str], options: dict[str, object], message: str
) -> None:
    with pytest.raises(CitationSetupError) as raised:
        markdown.Markdown(
            extensions=[*extensions, EXTENSION], extension_configs={EXTENSION: options}
        )
    assert str(raised.value) == message


def test_citations_need_the_footnotes_extension(bib: Path) -> None:
    md = markdown.Markdown(extensions=[CitationExtension(bibliography=str(bib))])
    with pytest.raises(CitationSetupError) as raised:
        md.convert("Text [@smith2020].")
    assert str(raised.value) == (
        "citations are footnotes: add 'footnotes' to the Markdown extensions"
    )
