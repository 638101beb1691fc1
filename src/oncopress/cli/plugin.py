"""The build sequence: which step runs at which MkDocs event, and in what order.

``plugins: - oncopress`` in mkdocs.yml (listed after mkdocs-static-i18n and
mkdocs-bibtex). Each event below runs its steps from top to bottom; an event that must
act both before and after other plugins has one handler per moment (MkDocs'
``CombinedEvent``), at one of the moments named below: the only priorities in the
project. Each step is a function of a ``step_*`` module, given the build's context
(``oncopress.cli.build_context``), which this plugin holds: no step keeps state of its own.
"""

from __future__ import annotations

import gc
from typing import Any, cast

from mkdocs.config import base
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from oncopress.checks.editorial_build import Recheck
from oncopress.cli import seams
from oncopress.cli import step_chrome as chrome
from oncopress.cli import step_citations as citations
from oncopress.cli import step_editorial as editorial
from oncopress.cli import step_gates as gates
from oncopress.cli import step_glossary as glossary
from oncopress.cli import step_languages as folders
from oncopress.cli import step_pdfs as pdfs
from oncopress.cli import step_readability as readability
from oncopress.cli import step_redirects as redirects
from oncopress.cli import step_search as search
from oncopress.cli import step_sources as sources
from oncopress.cli.build_context import BuildContext, Session, first_pass, language, nested, start

FIRST = event_priority(100)  # before every other plugin's handler
AFTER_I18N = event_priority(-150)  # after mkdocs-static-i18n's (-100): other languages built
# Unmarked handlers run at MkDocs' default (0): after Material's and mkdocs-bibtex's,
# which are listed before this plugin, and before mkdocs-static-i18n's.


class OncopressConfig(base.Config):  # type: ignore[no-untyped-call]
    """No options of its own: the site's settings are under ``extra:`` (templates read
    them too), declared once in ``oncopress.settings`` and checked at the build's start."""


class OncopressPlugin(BasePlugin[OncopressConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.session = Session()
        self.context: BuildContext | None = None

    @property
    def ctx(self) -> BuildContext:
        if self.context is None:
            raise PluginError("oncopress plugin: the build did not start")
        return self.context

    def on_startup(self, *, command: str, dirty: bool) -> None:  # kept across serve's rebuilds
        self.session.command, self.session.dirty = command, dirty

    @FIRST
    def _start(self, config: MkDocsConfig) -> MkDocsConfig:
        new = not nested(config)  # a new build; the other languages' passes reuse its context
        if new:  # the gates ./tasks check runs first: settings, sources, bibliography...
            self.context = start(self.session, config)
            ctx, docs = self.context, str(config.docs_dir)
            seams.name_sources(self.session.source_names, lambda uri: ctx.source_name(uri, docs))
            sources.load_policy_cache(self.ctx)
            chrome.check_site_url(config)
            self.ctx.pdfs = pdfs.start(self.session, config)
        folders.watch_folders(self.ctx, config)
        folders.join_labels(self.ctx, config)
        if self.session.one_shot:  # what exists now lives until the process ends
            gc.freeze()
        return config

    @AFTER_I18N
    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        ctx, locale, again = self.ctx, language(config), nested(config)
        search.configure(ctx, config, locale, again)
        glossary.add_extension(ctx, config, locale)
        search.skip_page_indexing(config)
        editorial.copyright_year_of(ctx, config)
        if not again:
            readability.start(ctx, config)
        return config

    on_config = CombinedEvent(_start, _configure)

    @FIRST
    def _freeze(self, config: MkDocsConfig) -> None:
        if self.session.one_shot:  # the other plugins loaded their data
            gc.freeze()

    def _citations(self, config: MkDocsConfig) -> None:
        citations.install_registry(self.ctx, config, language(config))

    on_pre_build = CombinedEvent(_freeze, _citations)

    @FIRST
    def _check_sources(self, files: Files, config: MkDocsConfig) -> Files:
        self.ctx.refused = []
        files = folders.add_pages(self.ctx, files, config)  # docs_es/ at es/
        if first_pass(config):  # every language's pages, before any is read
            sources.check_sizes(self.ctx, files)
        return files

    def _check_site(self, files: Files, config: MkDocsConfig) -> Files:
        if language(config) == self.ctx.languages.default:
            gates.check_style_sheets(self.ctx, files, config, language(config))
        if first_pass(config):  # every page of every language, before any is rendered
            editorial.check_site(self.ctx, files, config)
            redirects.check_redirects(self.ctx, files)
        return files

    @AFTER_I18N
    def _put_back_sources(self, files: Files, config: MkDocsConfig) -> Files:
        folders.put_back_sources(self.ctx, files)
        return files

    on_files = CombinedEvent(_check_sources, _check_site, _put_back_sources)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> None:
        pdfs.note_nav(self.ctx.pdfs, nav, language(config))

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        sources.check_pass(self.ctx, files, language(config))
        editorial.note_pages(self.ctx, files, language(config))
        return chrome.prepare_templates(env, config, language(config))

    @FIRST
    def _prepare(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        sources.escape_meta(page)
        return citations.add_references_heading(markdown, config, language(config))

    def _plan(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return citations.plan_citations(self.ctx, markdown, page, config, language(config))

    on_page_markdown = CombinedEvent(_prepare, _plan)

    @FIRST
    def _fill(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        return citations.fill_citations(self.ctx, html, page, config, files, language(config))

    def _check(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        ctx, locale = self.ctx, language(config)
        sources.check_content(ctx, html, page, locale)
        readability.score(ctx, html, page, locale)
        gates.check_placeholder_links(ctx, html, page, locale)
        html = chrome.reprint_contact(html, config, locale)
        gates.check_third_party(ctx, html, page, config, locale)  # the text as published
        return html

    on_page_content = CombinedEvent(_fill, _check)

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        ctx, locale, values = self.ctx, language(config), cast(dict[str, Any], context)
        editorial.page_context(ctx, values, page, config, locale)
        pdfs.page_context(ctx, values, page, locale)
        chrome.page_link_meta(ctx, values, page, config, locale)
        chrome.language_suggestion(ctx, values, page, locale)
        return context

    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        values = cast(dict[str, Any], context)
        chrome.template_link_meta(self.ctx, values, template_name, config, language(config))
        return context

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        locale = language(config)
        return search.keep_not_found_pages(self.ctx, output_content, template_name, config, locale)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        search.keep_article(self.ctx, page, config, language(config))
        output = editorial.add_jsonld(self.ctx, output, page, config, language(config))
        return pdfs.collect(self.ctx, output, page, config, language(config))

    def _count_once(self, config: MkDocsConfig) -> None:
        if not nested(config):  # before mkdocs-static-i18n builds the other languages
            self.ctx.strict_held = seams.count_warnings_once(config)

    @AFTER_I18N
    def _finish(self, config: MkDocsConfig) -> None:
        if nested(config):
            return  # the last language's pass is not the end of the build
        ctx = self.ctx
        seams.restore_strict(config, ctx.strict_held)  # MkDocs counts every language's warnings
        search.write_index(ctx, config)
        redirects.write_redirects(ctx, config)  # after the sitemap and search index
        redirects.check_published(ctx, config)
        pdfs.make_pdfs(ctx, config)
        readability.report(ctx, config)
        sources.save_policy_cache(ctx)
        editorial.write_report(ctx, config)  # last: it lists the PDFs made

    on_post_build = CombinedEvent(_count_once, _finish)

    def recheck(self, config: MkDocsConfig, file: File) -> Recheck | None:
        """For the preview: the editorial check again with one saved page."""
        return editorial.recheck(self.ctx, config, file)
