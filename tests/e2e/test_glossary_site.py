"""The glossary on the sample site (glossary/en.yml, glossary/es.yml): each page marks the
first use of each term with its definition, the search index does not hold the
definitions, and each PDF prints the definition in parentheses where the term first
appears.

Replicate: ./tasks build /tmp/site, then open /tmp/site/survivorship/recurrence/index.html
and /tmp/site/pdf/survivorship/recurrence.pdf (and their es/ versions).
"""

from __future__ import annotations

import pypdf
import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Build
from site_pages import indexed_pages
from test_pdfs import squeeze

TERMS = {  # the first marked word on the recurrence page, in order, per language
    "en": ["recurrence", "lymph nodes", "metastatic", "prognosis", "remission"],
    "es": ["recurrencia", "ganglios linfáticos", "metastásica", "pronóstico", "remisión"],
}
IDS = {"recurrence": 1, "lymph-nodes": 2, "metastatic": 3, "prognosis": 4, "remission": 5}


def definition(locale: str, ident: str) -> str:
    entries = yaml.safe_load((ROOT / "glossary" / f"{locale}.yml").read_text(encoding="utf-8"))
    return str(entries[ident]["definition"])


def prefix(locale: str) -> str:
    return "" if locale == "en" else f"{locale}/"


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_recurrence_page_marks_each_term_once(real_site: Build, locale: str) -> None:
    path = real_site.site / prefix(locale) / "survivorship/recurrence/index.html"
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    buttons = article.select("button.glossary__term")
    assert [button.get_text() for button in buttons] == TERMS[locale]
    for ident, number in IDS.items():
        button = buttons[number - 1]
        wrapper = button.parent
        assert str(wrapper) == (
            f'<span class="glossary"><button aria-describedby="glossary-{number}" '
            f'aria-expanded="false" class="glossary__term" type="button">'
            f'{button.get_text()}</button><span class="glossary__definition" '
            f'data-search-exclude="" hidden="hidden" id="glossary-{number}" role="tooltip">'
            f"{definition(locale, ident)}</span></span>"
        )
    assert not article.select("h1 .glossary, h2 .glossary, h3 .glossary, a .glossary")
    assert not soup.select(".page-meta .glossary, .footnote .glossary")


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_search_index_holds_no_definition(real_site: Build, locale: str) -> None:
    pages = indexed_pages(real_site.site / prefix(locale))
    assert "/survivorship/recurrence/" in " ".join(pages)  # the page with every term
    text = " ".join(pages.values())
    for ident in IDS:
        assert definition(locale, ident)[:40] not in text


@pytest.mark.parametrize("locale", ["en", "es"])
def test_the_pdf_gives_each_definition_where_the_term_first_appears(
    real_site: Build, locale: str
) -> None:
    pdf = real_site.site / prefix(locale) / "pdf/survivorship/recurrence.pdf"
    text = squeeze(" ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages))
    for word, ident in zip(TERMS[locale], IDS, strict=True):
        printed = squeeze(f"{word} ({definition(locale, ident)})")
        assert text.count(printed) == 1, (word, printed)
        assert text.index(printed) == text.index(squeeze(word + " ("))
