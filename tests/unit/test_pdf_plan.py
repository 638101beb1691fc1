from __future__ import annotations

from dataclasses import replace

import pytest
from test_pdf_handout import chrome, page

from oncopress.pdf.plan import PdfPlanError, in_nav_order, listed_pdfs, plan_jobs
from oncopress.pdf.render import PdfResult


def sources(locale: str):  # type: ignore[no-untyped-def]
    prefix = "" if locale == "en" else f"{locale}/"
    folder = "docs" if locale == "en" else f"docs_{locale}"
    return [
        replace(
            page(locale),
            url=f"{prefix}about/",
            pdf=f"{prefix}pdf/about.pdf",
            source=f"{folder}/about.md",
            title="About",
        ),
        replace(
            page(locale),
            url=prefix,
            pdf=f"{prefix}pdf/index.pdf",
            source=f"{folder}/index.md",
            title="Home",
        ),
    ]


def test_every_page_then_the_booklet_per_language_in_nav_order() -> None:
    jobs = plan_jobs(
        {"en": sources("en"), "es": sources("es")},
        {"en": chrome("en"), "es": chrome("es")},
        {"en": ["", "about/"], "es": ["es/", "es/about/"]},
        "en",
    )
    assert [(j.output, j.source, j.locale, j.booklet) for j in jobs] == [
        ("pdf/index.pdf", "docs/index.md", "en", False),
        ("pdf/about.pdf", "docs/about.md", "en", False),
        ("pdf/booklet.pdf", "pdf/booklet.pdf", "en", True),
        ("es/pdf/index.pdf", "docs_es/index.md", "es", False),
        ("es/pdf/about.pdf", "docs_es/about.md", "es", False),
        ("es/pdf/booklet.pdf", "es/pdf/booklet.pdf", "es", True),
    ]
    assert jobs[2].title == "Cancer Survivorship Information: all pages in one booklet"
    assert (
        jobs[5].title
        == "Información sobre la supervivencia al cáncer: todas las páginas en un folleto"
    )
    assert jobs[0].html.startswith('<!DOCTYPE html><html lang="en">')
    assert jobs[3].html.startswith('<!DOCTYPE html><html lang="es">')


def test_pages_outside_the_nav_come_last_by_url() -> None:
    ordered = in_nav_order([*sources("en"), replace(page("en"), url="zz/")], ["about/"])
    assert [p.url for p in ordered] == ["about/", "", "zz/"]


def test_a_page_named_booklet_is_refused() -> None:
    clash = replace(page("es"), pdf="es/pdf/booklet.pdf", source="docs_es/booklet.md")
    with pytest.raises(PdfPlanError) as caught:
        plan_jobs({"es": [clash]}, {"es": chrome("es")}, {}, "en")
    assert str(caught.value) == (
        "Doc file 'docs_es/booklet.md' (es): its PDF would replace the booklet "
        "'es/pdf/booklet.pdf'; rename the page or set 'pdf: false' in its front matter"
    )


def test_listed_pdfs_put_booklets_first() -> None:
    jobs = plan_jobs({"en": sources("en")}, {"en": chrome("en")}, {"en": ["", "about/"]}, "en")
    rows = listed_pdfs([PdfResult(job, 1000 + i, (), False) for i, job in enumerate(jobs)])
    assert [(r.path, r.size) for r in rows] == [
        ("pdf/booklet.pdf", 1002),
        ("pdf/index.pdf", 1000),
        ("pdf/about.pdf", 1001),
    ]
