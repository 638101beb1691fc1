"""Steps: a PDF of every page in its language, a booklet per language, and the list on
the "PDFs by language" page (over ``oncopress.pdf``).

Every language is built first (mkdocs-static-i18n builds the others nested inside the
default language's ``on_post_build``); each page's article is collected on the way
(``collect``). Once the last language is written, every PDF is made in one parallel
batch (cached ones are copied) and the list marker of the PDFs page is replaced
(``make_pdfs``). Switch: on for ``mkdocs build``, off for ``mkdocs serve``;
``SITE_PDFS=1``/``0`` forces it (see ``oncopress.pdf.pdf_settings``).
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

import oncopress.pdf
from oncopress.cli.build_context import BuildContext, Pdfs, Session
from oncopress.pdf.listing import MARKER, fill_marker, render_pdf_list, render_unavailable
from oncopress.pdf.names import page_links, pdf_path
from oncopress.pdf.native import missing_libraries
from oncopress.pdf.pdf_settings import read_settings

if TYPE_CHECKING:  # imported where PDFs are made: a build without PDFs never loads them
    from oncopress.pdf.render import RenderReport

log = logging.getLogger("mkdocs.oncopress.pdfs")
STYLESHEET = Path(oncopress.pdf.__file__).parent / "print.css"


def start(session: Session, config: MkDocsConfig) -> Pdfs:
    try:
        options = config.extra.get("pdf")
        settings = read_settings(
            session.command, os.environ, options, os.cpu_count(), session.dirty, missing_libraries()
        )
    except ValueError as error:
        raise PluginError(f"PDFs: {error}") from None
    return Pdfs(settings=settings)


def note_nav(pdfs: Pdfs, nav: Navigation, locale: str) -> None:
    pdfs.nav[locale] = [page.url for page in nav.pages]


def page_context(ctx: BuildContext, context: dict[str, Any], page: Page, locale: str) -> None:
    default = ctx.languages.default
    context["pdf"] = None
    if ctx.pdfs.settings.enabled and _wants_pdf(page.meta):
        context["pdf"] = page_links(
            locale,
            pdf_path(page.file.src_uri, locale, default),
            html.unescape(page.title or ""),  # step_sources.escape_meta escaped it
            _others(ctx, page, locale),
        )


def collect(ctx: BuildContext, output: str, page: Page, config: MkDocsConfig, locale: str) -> str:
    pdfs = ctx.pdfs
    if not pdfs.settings.enabled:
        return fill_marker(
            output, render_unavailable(locale, pdfs.settings.unavailable is not None)
        )
    if MARKER in output:
        pdfs.list_pages.append((Path(page.file.abs_dest_path), page.url, locale))
    if _wants_pdf(page.meta):
        _collect(ctx, output, page, config, locale)
    return output


def make_pdfs(ctx: BuildContext, config: MkDocsConfig) -> None:
    if not ctx.pdfs.settings.enabled:
        return
    from oncopress.pdf.plan import listed_pdfs
    from oncopress.pdf.render import refusal_problems

    try:
        report = _render(ctx, config)
    except ValueError as error:
        raise PluginError(str(error)) from None
    for problem in refusal_problems(report.results):
        log.warning(str(problem))
    for note in report.notes:
        log.debug("WeasyPrint: %s", note)
    for result in report.results:
        log.debug("PDF %s: %s", "reused" if result.reused else "rendered", result.job.output)
    rows = listed_pdfs(report.results)
    for path, url, locale in ctx.pdfs.list_pages:
        text = fill_marker(path.read_text("utf-8"), render_pdf_list(rows, url, locale))
        path.write_text(text, "utf-8")
    log.info(report.summary())


def _render(ctx: BuildContext, config: MkDocsConfig) -> RenderReport:
    """Every PDF of every language, from the pages collected during the build."""
    from oncopress.pdf.cache import PdfCache
    from oncopress.pdf.engine import WeasyPrintEngine
    from oncopress.pdf.plan import plan_jobs
    from oncopress.pdf.render import render_all

    pdfs = ctx.pdfs
    stylesheet = STYLESHEET.read_text(encoding="utf-8")
    jobs = plan_jobs(pdfs.pages, pdfs.chrome, pdfs.nav, ctx.languages.default)
    return render_all(
        jobs,
        stylesheet=stylesheet,
        engine=WeasyPrintEngine(),
        site_dir=Path(config.site_dir),
        cache=PdfCache(Path(config.config_file_path).parent / ".cache" / "pdf"),
        workers=pdfs.settings.workers,
    )


def _collect(ctx: BuildContext, output: str, page: Page, config: MkDocsConfig, locale: str) -> None:
    """Keep what the page's PDF needs (its article, title, date) until all languages are built."""
    from oncopress.pdf.handout import PageSource, article_title, extract_article, read_chrome

    pdfs = ctx.pdfs
    source = os.path.relpath(
        os.path.realpath(page.file.abs_src_path or ""), Path(config.config_file_path).parent
    )
    try:
        article = extract_article(output)
        if locale not in pdfs.chrome:
            pdfs.chrome[locale] = read_chrome(
                locale,
                config.site_name,
                config.site_description or "",
                config.site_url or "",
                config.extra,
            )
    except ValueError as error:
        raise PluginError(f"Doc file '{source}' ({locale}): no PDF can be made: {error}") from None
    pdfs.pages.setdefault(locale, []).append(
        PageSource(
            locale=locale,
            source=source,
            url=page.url,
            title=article_title(article) or html.unescape(page.title or "") or source,
            pdf=pdf_path(page.file.src_uri, locale, ctx.languages.default),
            description=html.unescape(str(page.meta.get("description") or "")),
            revised=_revised(ctx, page),
            article=article,
        )
    )


def _others(ctx: BuildContext, page: Page, locale: str) -> list[tuple[str, str, str]]:
    """The page's PDF in each other language that has one (from its record: the
    editorial check read every page once), in the site's order of languages."""
    others = []
    for other_locale, other in getattr(page.file, "alternates", {}).items():
        if other_locale == locale or getattr(other, "locale", None) != other_locale:
            continue
        record = ctx.book.records.get(ctx.path(other))
        if record is not None and record.pdf:
            path = pdf_path(other.src_uri, other_locale, ctx.languages.default)
            others.append((other_locale, path, record.title or ""))
    return others


def _wants_pdf(meta: Mapping[str, Any]) -> bool:
    return meta.get("pdf") is not False


def _revised(ctx: BuildContext, page: Page) -> date | None:
    record = ctx.book.records.get(ctx.path(page.file))
    return None if record is None else record.last_revised
