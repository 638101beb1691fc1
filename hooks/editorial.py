"""MkDocs hook: editorial rules (adapter over the oncopress core).

- ``on_config``: settings, reviewer registry and the build date; fresh state for
  each full build (the Spanish build runs nested inside the English one); refuses
  the i18n plugin's ``fallback_to_default`` (no silent English page in Spanish);
  a WARNING for each sample reviewer unless the sample site's opt-in is on; the
  footer's copyright year (``extra.copyright_year``) from the newest sign-off;
- ``on_files`` (default-language pass only): the preflight, checking every page of
  every language before anything is rendered (front matter, dates, reviewers,
  citations, each page's counterpart, each translation against its original), all
  problems in one ``PluginError``; then each page against the sign-off ledger
  (``sign-offs.yml``): a WARNING for a medical page changed since its sign-off or
  never signed off, for front matter that disagrees with the ledger, and for each
  stale translation (INFO with ``extra: quality: stale_translations: info``);
- ``on_env``: each language's page URLs and PDF paths (report), About page;
- ``on_page_context``: the stamp under the page (``partials/page-meta.html``), from
  the ledger, and the notices above it (``partials/page-notices.html``): "Draft" on
  a medical page whose text is not the signed-off text, pending or stale translation;
- ``on_post_page``: schema.org ``MedicalWebPage`` JSON-LD in medical pages' head;
- ``on_post_build`` (once all languages are built and the PDFs made): the
  editorial report (``editorial-report.json`` and ``.html``) in ``reports/`` beside
  the site, never in it (and, under ``mkdocs serve``, at ``/_editor/`` in the preview),
  and the pages overdue for review or pending translation, at INFO level.

Other hooks add their columns to the report with ``add_report_fields`` (see
``hooks/quality.py``). The preview (``tools/incremental.py``) calls ``recheck`` when
one page is saved.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from oncopress.checks.editorial_build import EditorialBuild, Recheck, SetupError, start_build
from oncopress.checks.placeholder_hosts import site_url_allowed
from oncopress.checks.preflight import (
    PageRecord,
    Rules,
    SourcePage,
    check_pages,
    language_of,
    source_path,
)
from oncopress.checks.review import sample_reviewer_problems
from oncopress.checks.sitecheck import Finding, Level, check_site_with_ledger
from oncopress.citations.references import ReferenceBook
from oncopress.pages.jsonld import insert_in_head, medical_webpage, render_jsonld
from oncopress.pages.site_chrome import YEAR_KEY, copyright_year
from oncopress.pdf.names import pdf_path
from oncopress.problems import summarize_problems
from oncopress.report.editorial_report import summary_message

log = logging.getLogger("mkdocs.hooks.editorial")

_build: EditorialBuild | None = None
_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


@event_priority(-150)  # after mkdocs-static-i18n set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if not _i18n(config).building:  # a new full build (the nested ones reuse it)
        _build = _start_build(config)
        for problem in sample_reviewer_problems(_build.registry, site_url_allowed(config.extra)):
            log.warning(problem)
    signed = (entry.revised for entry in _state().ledger.entries.values())
    config.extra[YEAR_KEY] = copyright_year(config.extra, signed, _state().report.today)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n = _i18n(config)
    if i18n.building or i18n.current_language != i18n.default_language:
        return files  # checked once, in the default-language pass, for every language
    state = _state()
    sources = [_source(file, state.root, config) for file in files.documentation_pages()]
    folders, rules = _folders(config, state.root), _rules(config, state)
    check = check_site_with_ledger(
        sources, rules, folders, state.ledger, stale_level=state.stale_level
    )
    if check.preflight.problems:
        raise PluginError(summarize_problems(check.preflight.problems, "Editorial check"))
    _log(state.accept(check))
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files) -> None:
    state, locale = _state(), _language(config)
    i18n = _i18n(config)
    for file in files.documentation_pages():
        file_locale, uri = language_of(
            file.src_uri, list(i18n.all_languages), i18n.default_language
        )
        if file_locale == locale:
            path = _path(state.root, file)
            state.report.add_fields(path, {"url": file.url})
            state.pdfs[path] = pdf_path(file.src_uri, locale, i18n.default_language)
            if uri == state.settings.about_page:
                state.about_urls[locale] = file.url
    if locale not in state.about_urls:
        log.info(f"No About page '{state.settings.about_page}' in '{locale}': reviewers not linked")


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    state, original = _state(), _i18n(config).default_language
    record = _record(state, page, config)
    context.update(state.page_context(record, _language(config), original, _url_in(page, original)))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    state = _state()
    record = state.records.get(_path(state.root, page.file))
    if record is None or not record.medical:
        return output
    book = state.book = state.book or _reference_book(config)
    data = medical_webpage(
        record,
        name=record.title or page.title or "",  # page.title is HTML-escaped
        url=page.canonical_url or page.url,
        locale=_language(config),
        registry=state.registry,
        references=[book.reference(key) for key in record.citations],
    )
    return insert_in_head(output, render_jsonld(data))


@event_priority(-200)  # after mkdocs-static-i18n built the other languages and PDFs were made
def on_post_build(config: MkDocsConfig) -> None:
    if _i18n(config).building or _build is None:
        return
    site = Path(config.site_dir)
    _build.note_pdfs(lambda pdf: (site / pdf).is_file())
    written = _write_report(_build, site)
    for line in _build.news():
        log.info(line)
    log.info(summary_message(_build.report.summary(), written))


def add_report_fields(file: File, fields: Mapping[str, Any]) -> None:
    """For other hooks: merge ``fields`` into the report row of the page built from
    ``file`` (its source path from the project root)."""
    state = _state()
    state.report.add_fields(_path(state.root, file), fields)


def recheck(config: MkDocsConfig, file: File) -> Recheck | None:
    """For the preview: the last build's check again with the page ``file`` as it is
    saved now; when what the build logs of it changed, logs it and writes the report
    again, as a build does. None when the page now has a problem or other front matter
    or citations (a full build reports them)."""
    state = _state()
    checked = state.recheck(_source(file, state.root, config), _rules(config, state))
    if checked is not None and checked.after != checked.before:
        _log(checked.after)
        written = _write_report(state, Path(config.site_dir))
        log.info(summary_message(state.report.summary(), written))
    return checked


# Helpers: pull plain values out of MkDocs objects.


def _write_report(state: EditorialBuild, site: Path) -> list[str]:
    files = state.report_files(site)
    for target, text in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return [str(target) for target in files]


def _log(findings: Iterable[Finding]) -> None:
    for finding in findings:
        (log.warning if finding.level is Level.WARNING else log.info)(str(finding))


def _start_build(config: MkDocsConfig) -> EditorialBuild:
    root = Path(config.config_file_path).parent.resolve()
    i18n = _i18n(config)
    if i18n.config.fallback_to_default:
        raise PluginError(
            "mkdocs.yml: set 'fallback_to_default: false' for the i18n plugin: a page "
            "missing in one language must fail the build or show a 'translation_status: "
            "pending' notice, never the other language's text"
        )
    try:
        state = start_build(
            root,
            config.extra,
            i18n.build_languages,
            config.site_name,
            serving=_serving,
            environ=os.environ,
            clock=date.today,
            read=_read,
        )
    except SetupError as error:
        raise PluginError(str(error)) from None
    if not (root / state.settings.ledger).is_file():
        name = state.settings.ledger
        log.info(f"No sign-off ledger '{name}' yet: no page is signed off (./tasks sign-off)")
    return state


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.is_file() else None


def _state() -> EditorialBuild:
    if _build is None:
        raise PluginError("editorial hook: on_config did not run (is hooks/editorial.py listed?)")
    return _build


def _rules(config: MkDocsConfig, state: EditorialBuild) -> Rules:
    plugin = _bibtex(config)
    keys = frozenset(plugin.registry.bib_data.entries)
    source = plugin.config.bib_file or plugin.config.bib_dir
    original = _i18n(config).default_language
    return Rules(state.registry, keys, str(source), state.report.today, original)


def _folders(config: MkDocsConfig, root: Path) -> dict[str, str]:
    """Each language's source folder from the project root (``docs``, ``docs_es``)."""
    i18n = _i18n(config)
    docs = Path(config.docs_dir)
    return {
        locale: source_path(
            str(docs if locale == i18n.default_language else docs / locale), "", str(root)
        )
        for locale in i18n.all_languages
    }


def _url_in(page: Page, locale: str) -> str | None:
    """The site URL of ``page`` in language ``locale`` (None if it has none)."""
    other = getattr(page.file, "alternates", {}).get(locale)
    return (
        str(other.url) if other is not None and getattr(other, "locale", None) == locale else None
    )


def _record(state: EditorialBuild, page: Page, config: MkDocsConfig) -> PageRecord:
    """The page's preflight record; a page another plugin added later is checked now."""
    path = _path(state.root, page.file)
    if path not in state.records:
        source = _source(page.file, state.root, config)
        records, problems = check_pages([source], _rules(config, state))
        if problems:
            raise PluginError(summarize_problems(problems, "Editorial check"))
        state.add_records(records)
    return state.records[path]


def _reference_book(config: MkDocsConfig) -> ReferenceBook:
    registry = _bibtex(config).registry  # hooks/bibliography.py's registry has one
    book = getattr(registry, "book", None)
    return book if isinstance(book, ReferenceBook) else ReferenceBook(registry.bib_data.entries)


def _source(file: File, root: Path, config: MkDocsConfig) -> SourcePage:
    i18n = _i18n(config)
    locale, _ = language_of(file.src_uri, list(i18n.all_languages), i18n.default_language)
    return SourcePage(_path(root, file), locale, file.content_bytes)


def _path(root: Path, file: File) -> str:
    """The source's path from the project root: ``docs_es/...`` for Spanish pages."""
    return source_path(file.abs_src_path, file.src_uri, str(root))


def _language(config: MkDocsConfig) -> str:
    return str(_i18n(config).current_language)


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(
            "editorial hook: the 'i18n' plugin (mkdocs-static-i18n) is not configured"
        )
    return plugin


def _bibtex(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("bibtex")
    if plugin is None or plugin.registry is None:
        raise PluginError("editorial hook: the 'bibtex' plugin (mkdocs-bibtex) is not configured")
    return plugin
