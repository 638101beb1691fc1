"""MkDocs hook: a PDF of every page in its language, a booklet per language, and the
list on the "PDFs by language" page (adapter over ``oncopress.pdf_*``).

Every language is built first (mkdocs-static-i18n builds the others nested inside
the default language's ``on_post_build``); each page's article is collected on the
way. Once the last language is written, every PDF is made in one parallel batch
(cached ones are copied) and the list marker of the PDFs page is replaced.
Switch: on for ``mkdocs build``, off for ``mkdocs serve``; ``SITE_PDFS=1``/``0``
forces it (see ``oncopress.pdf.pdf_settings``).
"""

from __future__ import annotations

import html
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

import oncopress.pdf
from oncopress.pages.dates import parse_revised
from oncopress.pdf.listing import MARKER, fill_marker, render_pdf_list, render_unavailable
from oncopress.pdf.names import page_links, pdf_path
from oncopress.pdf.pdf_settings import PdfSettings, read_settings

if TYPE_CHECKING:  # imported where PDFs are made: a build without PDFs never loads them
    from oncopress.pdf.handout import PageSource
    from oncopress.pdf.render import RenderReport

log = logging.getLogger("mkdocs.hooks.pdfs")
STYLESHEET = Path(oncopress.pdf.__file__).parent / "print.css"


@dataclass
class _Build:
    """What one build (all languages) collects; reset when a build starts."""

    settings: PdfSettings = field(default_factory=lambda: PdfSettings(enabled=False, workers=1))
    pages: dict[str, list[PageSource]] = field(default_factory=dict)
    chrome: dict[str, Any] = field(default_factory=dict)
    nav: dict[str, list[str]] = field(default_factory=dict)
    list_pages: list[tuple[Path, str, str]] = field(default_factory=list)


_command: tuple[str | None, bool] = (None, False)  # MkDocs' command, and --dirty
_build = _Build()


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = (command, dirty)


def on_config(config: MkDocsConfig) -> None:
    global _build
    if _i18n(config).building:
        return  # a nested language build of the same run
    try:
        command, dirty = _command
        options = config.extra.get("pdf")
        settings = read_settings(command, os.environ, options, os.cpu_count(), dirty)
    except ValueError as error:
        raise PluginError(f"PDFs: {error}") from None
    _build = _Build(settings=settings)


def on_nav(nav: Navigation, config: MkDocsConfig, files: Any) -> None:
    _build.nav[_language(config)] = [page.url for page in nav.pages]


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    locale, default = _language(config), _i18n(config).default_language
    context["pdf"] = None
    if _build.settings.enabled and _wants_pdf(page.meta):
        context["pdf"] = page_links(
            locale,
            pdf_path(page.file.src_uri, locale, default),
            html.unescape(page.title or ""),  # hooks/safeguards.py escaped it
            _other(page, locale, default),
        )
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    locale = _language(config)
    if not _build.settings.enabled:
        return fill_marker(output, render_unavailable(locale))
    if MARKER in output:
        _build.list_pages.append((Path(page.file.abs_dest_path), page.url, locale))
    if _wants_pdf(page.meta):
        _collect(output, page, config, locale)
    return output


@event_priority(-150)  # after mkdocs-static-i18n built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _i18n(config).building or not _build.settings.enabled:
        return
    from oncopress.pdf.plan import listed_pdfs
    from oncopress.pdf.render import refusal_problems

    try:
        report = _render(config)
    except ValueError as error:
        raise PluginError(str(error)) from None
    for problem in refusal_problems(report.results):
        log.warning(str(problem))
    for note in report.notes:
        log.debug("WeasyPrint: %s", note)
    for result in report.results:
        log.debug("PDF %s: %s", "reused" if result.reused else "rendered", result.job.output)
    rows = listed_pdfs(report.results)
    for path, url, locale in _build.list_pages:
        html = fill_marker(path.read_text("utf-8"), render_pdf_list(rows, url, locale))
        path.write_text(html, "utf-8")
    log.info(report.summary())


def _render(config: MkDocsConfig) -> RenderReport:
    """Every PDF of every language, from the pages collected during the build."""
    from oncopress.pdf.cache import PdfCache
    from oncopress.pdf.engine import WeasyPrintEngine
    from oncopress.pdf.plan import plan_jobs
    from oncopress.pdf.render import render_all

    stylesheet = STYLESHEET.read_text(encoding="utf-8")
    default = _i18n(config).default_language
    jobs = plan_jobs(_build.pages, _build.chrome, _build.nav, default)
    return render_all(
        jobs,
        stylesheet=stylesheet,
        engine=WeasyPrintEngine(),
        site_dir=Path(config.site_dir),
        cache=PdfCache(Path(config.config_file_path).parent / ".cache" / "pdf"),
        workers=_build.settings.workers,
    )


def _collect(output: str, page: Page, config: MkDocsConfig, locale: str) -> None:
    """Keep what the page's PDF needs (its article, title, date) until all languages are built."""
    from oncopress.pdf.handout import PageSource, article_title, extract_article, read_chrome

    source = os.path.relpath(
        os.path.realpath(page.file.abs_src_path or ""), Path(config.config_file_path).parent
    )
    try:
        article = extract_article(output)
        if locale not in _build.chrome:
            _build.chrome[locale] = read_chrome(
                locale,
                config.site_name,
                config.site_description or "",
                config.site_url or "",
                config.extra,
            )
    except ValueError as error:
        raise PluginError(f"Doc file '{source}' ({locale}): no PDF can be made: {error}") from None
    _build.pages.setdefault(locale, []).append(
        PageSource(
            locale=locale,
            source=source,
            url=page.url,
            title=article_title(article) or html.unescape(page.title or "") or source,
            pdf=pdf_path(page.file.src_uri, locale, _i18n(config).default_language),
            description=html.unescape(str(page.meta.get("description") or "")),
            revised=_revised(page.meta),
            article=article,
        )
    )


def _other(page: Page, locale: str, default: str) -> tuple[str, str, str] | None:
    """The other language's version of ``page`` and its PDF, if it has one."""
    for other_locale, other in getattr(page.file, "alternates", {}).items():
        if other_locale == locale or getattr(other, "locale", None) != other_locale:
            continue
        meta = get_data(Path(other.abs_src_path).read_text(encoding="utf-8-sig"))[1]
        if _wants_pdf(meta):
            return (
                other_locale,
                pdf_path(other.src_uri, other_locale, default),
                str(meta.get("title") or ""),
            )
    return None


def _wants_pdf(meta: Mapping[str, Any]) -> bool:
    return meta.get("pdf") is not False


def _revised(meta: Mapping[str, Any]) -> date | None:
    try:
        return parse_revised(meta.get("last_revised"), date.max)
    except ValueError:
        return None  # reported by the editorial hook


def _language(config: MkDocsConfig) -> str:
    return str(_i18n(config).current_language or _i18n(config).default_language)


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("pdfs hook: the 'i18n' plugin (mkdocs-static-i18n) is not configured")
    return plugin
