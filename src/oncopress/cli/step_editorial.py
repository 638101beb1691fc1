"""Steps: the editorial rules (over ``oncopress.checks.editorial_build``).

- ``copyright_year`` (each pass): the footer's year (``extra.copyright_year``) from the
  newest sign-off;
- ``check_site`` (the first pass): the preflight, checking every page of every language
  before anything is rendered (front matter, dates, reviewers, citations, each page's
  counterpart, each translation against its original), all problems in one error; then
  each page against the sign-off ledger: a WARNING for a medical page changed since its
  sign-off or never signed off, for front matter that disagrees with the ledger, and for
  each stale translation (INFO with ``extra: quality: stale_translations: info``);
- ``note_pages``: each language's page URLs and PDF paths (report), About page;
- ``page_context``: the stamp under the page (``partials/page-meta.html``), from the
  ledger, and the notices above it (``partials/page-notices.html``): "Draft" on a medical
  page whose text is not the signed-off text, pending or stale translation;
- ``add_jsonld``: schema.org ``MedicalWebPage`` JSON-LD in medical pages' head;
- ``write_report`` (once every language is built and the PDFs made): the editorial
  report (``editorial-report.json`` and ``.html``) in ``reports/`` beside the site, never
  in it (and, under ``mkdocs serve``, at ``/_editor/`` in the preview), and the pages
  overdue for review (INFO, or a WARNING with ``extra.editorial.overdue_reviews: warn``)
  or pending translation (INFO);
- ``recheck``: for the preview, one saved page checked again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from oncopress.checks.editorial_build import EditorialBuild, Recheck
from oncopress.checks.preflight import (
    PageRecord,
    Rules,
    SourcePage,
    check_pages,
    language_of,
)
from oncopress.checks.sitecheck import Finding, Level, check_site_with_ledger
from oncopress.citations.references import ReferenceBook
from oncopress.cli.build_context import BuildContext, bibtex
from oncopress.pages.jsonld import insert_in_head, medical_webpage, render_jsonld
from oncopress.pages.site_chrome import YEAR_KEY, copyright_year
from oncopress.pdf.names import pdf_path
from oncopress.problems import summarize_problems
from oncopress.report.editorial_report import summary_message
from oncopress.settings.language_folders import shown_folders

log = logging.getLogger("mkdocs.oncopress.editorial")


def copyright_year_of(ctx: BuildContext, config: MkDocsConfig) -> None:
    signed = (entry.revised for entry in ctx.book.ledger.entries.values())
    config.extra[YEAR_KEY] = copyright_year(config.extra, signed, ctx.book.report.today)


def check_site(ctx: BuildContext, files: Files, config: MkDocsConfig) -> None:
    state = ctx.book
    sources = [_source(ctx, file) for file in files.documentation_pages()]
    check = check_site_with_ledger(
        sources,
        _rules(ctx, config),
        _folders(ctx, config),
        state.ledger,
        stale_level=state.stale_level,
    )
    if check.preflight.problems:
        raise PluginError(summarize_problems(check.preflight.problems, "Editorial check"))
    _log(state.accept(check))


def note_pages(ctx: BuildContext, files: Files, locale: str) -> None:
    state = ctx.book
    for file in files.documentation_pages():
        file_locale, uri = _language_and_uri(ctx, file)
        if file_locale == locale:
            path = ctx.path(file)
            state.report.add_fields(path, {"url": file.url})
            state.pdfs[path] = pdf_path(file.src_uri, locale, ctx.languages.default)
            if uri == state.settings.about_page:
                state.about_urls[locale] = file.url
    if locale not in state.about_urls:
        log.info(f"No About page '{state.settings.about_page}' in '{locale}': reviewers not linked")


def page_context(
    ctx: BuildContext, context: dict[str, Any], page: Page, config: MkDocsConfig, locale: str
) -> None:
    original = ctx.languages.default
    record = _record(ctx, page, config)
    context.update(ctx.book.page_context(record, locale, original, _url_in(page, original)))


def add_jsonld(
    ctx: BuildContext, output: str, page: Page, config: MkDocsConfig, locale: str
) -> str:
    state = ctx.book
    record = state.records.get(ctx.path(page.file))
    if record is None or not record.medical:
        return output
    book = state.book = state.book or _reference_book(config)
    data = medical_webpage(
        record,
        name=record.title or page.title or "",  # page.title is HTML-escaped
        url=page.canonical_url or page.url,
        locale=locale,
        registry=state.registry,
        references=[book.reference(key) for key in record.citations],
    )
    return insert_in_head(output, render_jsonld(data))


def write_report(ctx: BuildContext, config: MkDocsConfig) -> None:
    state = ctx.book
    site = Path(config.site_dir)
    state.note_pdfs(lambda pdf: (site / pdf).is_file())
    written = _write_report(state, site)
    for level, line in state.news():
        (log.warning if level is Level.WARNING else log.info)(line)
    log.info(summary_message(state.report.summary(), written))


def recheck(ctx: BuildContext, config: MkDocsConfig, file: File) -> Recheck | None:
    """The last build's check again with the page ``file`` as it is saved now; when what
    the build logs of it changed, logs it and writes the report again, as a build does.
    None when the page now has a problem or other front matter or citations (a full
    build reports them)."""
    state = ctx.book
    checked = state.recheck(_source(ctx, file), _rules(ctx, config))
    if checked is not None and checked.after != checked.before:
        _log(checked.after)
        written = _write_report(state, Path(config.site_dir))
        log.info(summary_message(state.report.summary(), written))
    return checked


def _write_report(state: EditorialBuild, site: Path) -> list[str]:
    files = state.report_files(site)
    for target, text in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return [str(target) for target in files]


def _log(findings: Iterable[Finding]) -> None:
    for finding in findings:
        (log.warning if finding.level is Level.WARNING else log.info)(str(finding))


def _rules(ctx: BuildContext, config: MkDocsConfig) -> Rules:
    plugin = bibtex(config)
    keys = frozenset(plugin.registry.bib_data.entries)
    source = plugin.config.bib_file or plugin.config.bib_dir
    unprintable = ctx.book.reference_problems  # read with the bibliography (setup gates)
    today, original = ctx.book.report.today, ctx.languages.default
    glossaries = ctx.book.glossaries
    return Rules(
        ctx.book.registry, keys, str(source), today, original, unprintable, glossaries=glossaries
    )


def _folders(ctx: BuildContext, config: MkDocsConfig) -> dict[str, str]:
    """Each language's source folder from the project root (``docs``, ``docs_es``)."""
    return shown_folders(ctx.folders, ctx.root)


def _url_in(page: Page, locale: str) -> str | None:
    """The site URL of ``page`` in language ``locale`` (None if it has none)."""
    other = getattr(page.file, "alternates", {}).get(locale)
    return (
        str(other.url) if other is not None and getattr(other, "locale", None) == locale else None
    )


def _record(ctx: BuildContext, page: Page, config: MkDocsConfig) -> PageRecord:
    """The page's preflight record; a page another plugin added later is checked now."""
    path = ctx.path(page.file)
    if path not in ctx.book.records:
        records, problems = check_pages([_source(ctx, page.file)], _rules(ctx, config))
        if problems:
            raise PluginError(summarize_problems(problems, "Editorial check"))
        ctx.book.add_records(records)
    return ctx.book.records[path]


def _reference_book(config: MkDocsConfig) -> ReferenceBook:
    registry = bibtex(config).registry  # oncopress.cli.step_citations' registry has one
    book = getattr(registry, "book", None)
    return book if isinstance(book, ReferenceBook) else ReferenceBook(registry.bib_data.entries)


def _language_and_uri(ctx: BuildContext, file: File) -> tuple[str, str]:
    return language_of(file.src_uri, list(ctx.languages.all), ctx.languages.default)


def _source(ctx: BuildContext, file: File) -> SourcePage:
    return SourcePage(ctx.path(file), ctx.language_of(file), file.content_bytes)
