"""The glossary's core (oncopress.glossary): the markup of a term in each language, where
terms are not marked, the fingerprint, the HTML policy, the PDF's print form."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from oncopress.checks.htmlpolicy import policy_findings
from oncopress.checks.page_html import PageRenderer
from oncopress.glossary.entries import parse_glossary
from oncopress.glossary.glossary_markdown import GlossaryExtension
from oncopress.ledger.fingerprint import fingerprint_page
from oncopress.pdf.handout import _print_glossary
from oncopress.quality.readability import extract_prose

GLOSSARIES = {
    "en": """\
recurrence:
  term: recurrence
  variants: [recurrences]
  definition: When cancer returns after treatment.
lymph-nodes:
  term: lymph nodes
  variants: [lymph node]
  definition: Small clumps of tissue.
""",
    "es": """\
recurrence:
  term: recurrencia
  variants: [recurrencias]
  definition: Cuando el cáncer vuelve a aparecer después del tratamiento.
lymph-nodes:
  term: ganglios linfáticos
  variants: [ganglio linfático]
  definition: Pequeños grupos de tejido.
""",
}


def render(text: str, locale: str) -> str:
    glossary = parse_glossary(GLOSSARIES[locale], f"glossary/{locale}.yml", locale)
    extensions = ["footnotes", "attr_list", "toc", GlossaryExtension(glossary=glossary)]
    return str(markdown.markdown(text, extensions=extensions))


def term(word: str, definition: str, number: int = 1) -> str:
    return (
        f'<span class="glossary"><button aria-describedby="glossary-{number}" '
        f'aria-expanded="false" class="glossary__term" type="button">{word}</button>'
        f'<span class="glossary__definition" data-search-exclude="" hidden="hidden" '
        f'id="glossary-{number}" role="tooltip">{definition}</span></span>'
    )


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        (
            "en",
            "Doctors call it Recurrence. A recurrence is not rare.",
            "<p>Doctors call it "
            + term("Recurrence", "When cancer returns after treatment.")
            + ". A recurrence is not rare.</p>",
        ),
        (
            "es",
            "Los médicos hablan de recurrencia en los ganglios\nlinfáticos.",
            "<p>Los médicos hablan de "
            + term("recurrencia", "Cuando el cáncer vuelve a aparecer después del tratamiento.")
            + " en los "
            + term("ganglios\nlinfáticos", "Pequeños grupos de tejido.", 2)
            + ".</p>",
        ),
    ],
)
def test_the_first_use_of_a_term_is_marked(locale: str, text: str, expected: str) -> None:
    assert render(text, locale) == expected


def test_headings_links_code_and_references_are_never_marked() -> None:
    text = (
        "# Recurrence\n\n[recurrence](a.md), `recurrence`, non-recurrence, recurrences.[^1]"
        "\n\n[^1]: A note on recurrence."
    )
    html = render(text, "en")
    assert html.count('class="glossary"') == 1
    assert '<h1 id="recurrence">Recurrence</h1>' in html
    assert "non-recurrence, " + term("recurrences", "When cancer returns after treatment.") in html
    assert "<p>A note on recurrence.&#160;" in html


def test_a_definition_is_text_not_html() -> None:
    glossary = parse_glossary(
        "x:\n  term: scan\n  definition: <script>alert(1)</script>\n", "glossary/en.yml", "en"
    )
    html = markdown.markdown("A scan.", extensions=[GlossaryExtension(glossary=glossary)])
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert policy_findings(html) == []


def test_the_html_policy_accepts_the_markup_and_still_refuses_hostile_html() -> None:
    html = render('A recurrence <img src="x" onerror="alert(1)">.', "en")
    assert [finding.message for finding in policy_findings(html)] == [
        "has an event attribute 'onerror' on <img>, which would run a script in readers' "
        "browsers; remove it"
    ]
    assert policy_findings(render("A recurrence.", "en")) == []


def test_readability_skips_the_definitions() -> None:
    assert extract_prose(render("A recurrence can happen.", "en")) == "A recurrence can happen."


@pytest.mark.parametrize(
    ("locale", "text", "printed"),
    [
        ("en", "A recurrence.", "A recurrence (When cancer returns after treatment.)."),
        (
            "es",
            "Una recurrencia.",
            "Una recurrencia (Cuando el cáncer vuelve a aparecer después del tratamiento.).",
        ),
    ],
)
def test_a_pdf_prints_the_definition_after_the_word(locale: str, text: str, printed: str) -> None:
    import lxml.html

    fragment = lxml.html.fragment_fromstring(render(text, locale), create_parent="div")
    _print_glossary(fragment)
    assert fragment.text_content() == printed
    assert fragment.find(".//button") is None


def test_the_definitions_a_page_shows_are_part_of_its_fingerprint() -> None:
    meta, body = {"title": "Care"}, "Cancer can come back.\n\nA recurrence."
    glossary = parse_glossary(GLOSSARIES["en"], "glossary/en.yml", "en")
    shown = glossary.shown_in(body)
    assert shown == {"recurrence": "When cancer returns after treatment."}
    before = fingerprint_page(meta, body, shown)
    changed = fingerprint_page(meta, body, {"recurrence": "Cancer that returns."})
    assert before.digest != changed.digest
    assert [p.text for p in changed.changed_since([p.digest for p in before.paragraphs])] == [
        "glossary: recurrence: Cancer that returns."
    ]
    # A page that shows no term keeps the fingerprint it had before the glossary.
    assert fingerprint_page(meta, "No term.", {}) == fingerprint_page(meta, "No term.")


def test_the_extension_runs_from_its_name_with_a_glossary_file(tmp_path: Path) -> None:
    """As Zensical or a plain Python-Markdown configuration would name it."""
    (tmp_path / "es.yml").write_text(GLOSSARIES["es"], encoding="utf-8")
    options = {"glossary": str(tmp_path / "es.yml"), "locale": "es"}
    html = markdown.markdown(
        "Una recurrencia.",
        extensions=["oncopress.glossary.glossary_markdown"],
        extension_configs={"oncopress.glossary.glossary_markdown": options},
    )
    assert (
        html
        == "<p>Una "
        + term("recurrencia", "Cuando el cáncer vuelve a aparecer después del tratamiento.")
        + ".</p>"
    )


def test_the_check_renders_each_page_with_its_language_glossary() -> None:
    renderer = PageRenderer(["footnotes"], {})
    renderer.glossaries = {
        locale: parse_glossary(text, f"glossary/{locale}.yml", locale)
        for locale, text in GLOSSARIES.items()
    }
    assert renderer.html("A recurrence.", "en") == render("A recurrence.", "en")
    assert renderer.html("Una recurrencia.", "es") == render("Una recurrencia.", "es")
    assert renderer.html("A recurrence.", "es") == "<p>A recurrence.</p>"
