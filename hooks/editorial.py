"""MkDocs hook: editorial rules (adapter over the oncopress core).

- ``on_config``: settings, reviewer registry and the build date; fresh state for
  each full build (the Spanish build runs nested inside the English one);
- ``on_files`` (default-language pass only): the preflight, checking every page of
  every language before anything is rendered, all problems in one ``PluginError``;
- ``on_env``: each language's page URLs (report) and About page (reviewer links);
- ``on_page_context``: the stamp under the page (``partials/page-meta.html``);
- ``on_post_page``: schema.org ``MedicalWebPage`` JSON-LD in medical pages' head;
- ``on_post_build`` (once all languages are built): ``editorial-report.json`` and
  the pages overdue for review, at INFO level (editors' news, not a site defect).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from oncopress.citations import ReferenceBook
from oncopress.dates import BuildDateError, build_date
from oncopress.jsonld import insert_in_head, medical_webpage, render_jsonld
from oncopress.pagemeta import page_meta
from oncopress.preflight import PageRecord, Rules, SourcePage, check_pages, language_of
from oncopress.problems import summarize_problems
from oncopress.report import REPORT_FILE, EditorialReport, overdue_message
from oncopress.review import RegistryError, ReviewerRegistry, load_reviewers, registry_not_found
from oncopress.settings import EditorialSettings, SettingsError, read_settings

log = logging.getLogger("mkdocs.hooks.editorial")


@dataclass
class _Build:
    """Everything one full build (all languages) knows; replaced by the next."""

    root: Path
    settings: EditorialSettings
    registry: ReviewerRegistry
    report: EditorialReport
    records: dict[str, PageRecord] = field(default_factory=dict)
    about_urls: dict[str, str] = field(default_factory=dict)
    book: ReferenceBook | None = None


_build: _Build | None = None


@event_priority(-150)  # after mkdocs-static-i18n set the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if not _i18n(config).building:  # a new full build (the nested ones reuse it)
        _build = _start_build(config)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    i18n = _i18n(config)
    if i18n.building or i18n.current_language != i18n.default_language:
        return files  # checked once, in the default-language pass, for every language
    state = _state()
    sources = [_source(file, state.root, config) for file in files.documentation_pages()]
    records, problems = check_pages(sources, _rules(config, state))
    if problems:
        raise PluginError(summarize_problems(problems, "Editorial check"))
    state.records = records
    state.report.add_records(records.values())
    return files


def on_env(env: Any, config: MkDocsConfig, files: Files) -> None:
    state, locale = _state(), _language(config)
    i18n = _i18n(config)
    for file in files.documentation_pages():
        file_locale, uri = language_of(
            file.src_uri, list(i18n.all_languages), i18n.default_language
        )
        if file_locale == locale:
            state.report.add_fields(_path(state.root, file), {"url": file.url})
            if uri == state.settings.about_page:
                state.about_urls[locale] = file.url
    if locale not in state.about_urls:
        log.info(f"No About page '{state.settings.about_page}' in '{locale}': reviewers not linked")


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    state, locale = _state(), _language(config)
    record = _record(state, page, config)
    context["editorial"] = page_meta(record, state.registry, locale, state.about_urls.get(locale))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    state = _state()
    record = state.records.get(_path(state.root, page.file))
    if record is None or not record.medical:
        return output
    book = state.book = state.book or _reference_book(config)
    data = medical_webpage(
        record,
        name=page.title or "",
        url=page.canonical_url or page.url,
        locale=_language(config),
        registry=state.registry,
        references=[book.reference(key) for key in record.citations],
    )
    return insert_in_head(output, render_jsonld(data))


@event_priority(-150)  # after mkdocs-static-i18n built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _i18n(config).building or _build is None:
        return
    report = _build.report
    target = Path(config.site_dir) / REPORT_FILE
    target.write_text(report.to_json(), encoding="utf-8")
    for row in report.overdue():
        log.info(overdue_message(row))
    overdue = len(report.overdue())
    log.info(f"Editorial report: {len(report.rows)} pages, {overdue} overdue for review: {target}")


# Helpers: pull plain values out of MkDocs objects.


def _start_build(config: MkDocsConfig) -> _Build:
    root = Path(config.config_file_path).parent.resolve()
    locales = list(_i18n(config).build_languages)
    try:
        settings = read_settings(config.extra)
        registry_file = root / settings.reviewers
        if not registry_file.is_file():
            raise RegistryError(registry_not_found(settings.reviewers, locales))
        text = registry_file.read_text(encoding="utf-8")
        registry = load_reviewers(text, settings.reviewers, locales)
        today = build_date(os.environ, date.today)
    except (SettingsError, RegistryError, BuildDateError) as error:
        raise PluginError(str(error)) from None
    except UnicodeDecodeError as error:
        raise PluginError(f"Reviewer registry is not UTF-8 text ({error.reason})") from None
    report = EditorialReport(today, settings.review_interval_years)
    return _Build(root, settings, registry, report)


def _state() -> _Build:
    if _build is None:
        raise PluginError("editorial hook: on_config did not run (is hooks/editorial.py listed?)")
    return _build


def _rules(config: MkDocsConfig, state: _Build) -> Rules:
    plugin = _bibtex(config)
    keys = frozenset(plugin.registry.bib_data.entries)
    source = plugin.config.bib_file or plugin.config.bib_dir
    return Rules(state.registry, keys, str(source), state.report.today)


def _record(state: _Build, page: Page, config: MkDocsConfig) -> PageRecord:
    """The page's preflight record; a page another plugin added later is checked now."""
    path = _path(state.root, page.file)
    if path not in state.records:
        source = _source(page.file, state.root, config)
        records, problems = check_pages([source], _rules(config, state))
        if problems:
            raise PluginError(summarize_problems(problems, "Editorial check"))
        state.records.update(records)
        state.report.add_records(records.values())
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
    if file.abs_src_path is None:
        return file.src_uri
    return Path(os.path.relpath(os.path.realpath(file.abs_src_path), root)).as_posix()


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
