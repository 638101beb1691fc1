"""From the built pages of every language to the list of PDFs to make.

Each page gets its handout; each language gets one booklet of its pages in
navigation order (pages outside the navigation follow, by URL).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from oncopress.pages.link_metadata import language_homes
from oncopress.pdf.booklet import booklet_date, booklet_title, build_booklet
from oncopress.pdf.handout import Chrome, PageSource, build_handout
from oncopress.pdf.listing import ListedPdf
from oncopress.pdf.names import booklet_path
from oncopress.pdf.render import PdfJob, PdfResult


class PdfPlanError(ValueError):
    """The PDFs of the site cannot be laid out (two would share one address)."""


def plan_jobs(
    pages: Mapping[str, Sequence[PageSource]],
    chrome: Mapping[str, Chrome],
    nav_order: Mapping[str, Sequence[str]],
    default_locale: str,
) -> list[PdfJob]:
    """Every PDF of the site: per language, its pages' handouts, then its booklet."""
    jobs: list[PdfJob] = []
    for locale, sources in pages.items():
        if not sources:
            continue
        print_chrome = chrome[locale]
        booklet = booklet_path(locale, default_locale)
        ordered = in_nav_order(sources, nav_order.get(locale, ()))
        for page in ordered:
            if page.pdf == booklet:
                raise PdfPlanError(
                    f"Doc file '{page.source}' ({locale}): its PDF would replace the booklet "
                    f"'{booklet}'; rename the page or set 'pdf: false' in its front matter"
                )
            document = build_handout(page, print_chrome)
            jobs.append(
                PdfJob(
                    output=page.pdf,
                    source=page.source,
                    locale=locale,
                    title=page.title,
                    revised=page.revised,
                    html=document.html,
                    resources=document.resources,
                )
            )
        home = language_homes([locale], default_locale)[locale]
        document = build_booklet(ordered, print_chrome, home)
        jobs.append(
            PdfJob(
                output=booklet,
                source=booklet,
                locale=locale,
                title=booklet_title(print_chrome),
                revised=booklet_date(ordered),
                html=document.html,
                resources=document.resources,
                booklet=True,
            )
        )
    return jobs


def in_nav_order(pages: Sequence[PageSource], order: Sequence[str]) -> list[PageSource]:
    """``pages`` sorted by their URL's place in ``order``; the others after, by URL."""
    rank = {url: index for index, url in enumerate(order)}
    return sorted(pages, key=lambda page: (rank.get(page.url, len(rank)), page.url))


def listed_pdfs(results: Sequence[PdfResult]) -> list[ListedPdf]:
    """The rows of the PDFs list: per language, the booklet first, then the pages."""
    rows = [
        ListedPdf(r.job.output, r.job.locale, r.job.title, r.size, r.job.revised)
        for r in sorted(results, key=lambda r: not r.job.booklet)
    ]
    return rows
