"""Steps: the search, each language on its own, answered from Pagefind's index
(``oncopress.search.pagefind``).

- ``configure`` (each pass): the pass's search base, the synonyms (``extra:
  search_synonyms:``) checked, and pages pointed at the search worker
  (``overrides/assets/javascripts/workers/oncopress-search.js``) by a URL that changes
  with its content;
- ``skip_page_indexing`` (each pass, after Material's search plugin made its index):
  Material's plugin indexes no page (its index only carries the settings);
- ``keep_not_found_pages``: the English ``404.html`` stays at the root and the Spanish
  one goes to ``es/404.html``;
- ``keep_article`` (each page written): the page's article, for Pagefind to read;
- ``write_index`` (once every language is built): each language's search settings
  (``search/search_index.json``, ``es/search/search_index.json``), then Pagefind indexes
  the language's articles into its ``pagefind/``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from oncopress.cli import seams
from oncopress.cli.build_context import BuildContext
from oncopress.search.indexes import (
    SEARCH_WORKER,
    SearchSettingsError,
    read_synonyms,
    versioned_worker,
)
from oncopress.search.pagefind import (
    SCRATCH,
    SearchIndexError,
    article_page,
    index_language,
    language_settings,
)


def configure(ctx: BuildContext, config: MkDocsConfig, locale: str, nested: bool) -> None:
    if not nested:
        ctx.keep_articles = True
    config.extra["search_base"] = "" if locale == ctx.languages.default else f"{locale}/"
    try:
        read_synonyms(config.extra.get("search_synonyms"), list(ctx.languages.build))
    except SearchSettingsError as error:
        raise PluginError(str(error)) from error
    for folder in config.theme.dirs:
        worker = Path(folder) / "assets" / "javascripts" / "workers" / SEARCH_WORKER
        if worker.is_file():
            config.extra["search_worker"] = versioned_worker(worker.read_bytes())
            break


def skip_page_indexing(config: MkDocsConfig) -> None:
    index = seams.material_search_index(config)
    if index is None:
        return

    def add_entry(index: Any, page: Page) -> None:
        """Pagefind indexes the built pages: Material's index keeps its settings only."""

    seams.replace_page_indexing(index, add_entry)


def keep_not_found_pages(
    ctx: BuildContext, output: str, template: str, config: MkDocsConfig, locale: str
) -> str:
    if template != "404.html":
        return output
    ctx.not_found_pages[locale] = output
    if locale == ctx.languages.default:
        return output
    target = Path(config.site_dir) / locale / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    # MkDocs writes every language's 404.html to the site root: keep the default one there.
    return ctx.not_found_pages.get(ctx.languages.default, output)


def keep_article(ctx: BuildContext, page: Page, config: MkDocsConfig, locale: str) -> None:
    search = page.meta.get("search")
    if not ctx.keep_articles or (isinstance(search, dict) and search.get("exclude")):
        return
    destination = page.file.dest_uri
    if locale != ctx.languages.default and destination.startswith(f"{locale}/"):
        destination = destination[len(locale) + 1 :]
    target = _language_site(ctx, config, locale) / SCRATCH / destination
    target.parent.mkdir(parents=True, exist_ok=True)
    title = str(page.title or config.site_name)
    target.write_text(article_page(locale, title, page.content or ""), encoding="utf-8")


def write_index(ctx: BuildContext, config: MkDocsConfig) -> None:
    ctx.keep_articles = False
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():  # no search plugin: no search box to answer
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    locales = list(ctx.languages.build)
    synonyms = read_synonyms(config.extra.get("search_synonyms"), locales)
    program = pagefind_program()
    for locale in locales:
        folder = _language_site(ctx, config, locale)
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        settings = language_settings(locale, synonyms[locale], merged.get("config", {}))
        target.write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), "utf-8")
        try:
            index_language(program, folder)
        except SearchIndexError as error:
            raise PluginError(str(error)) from error


def _language_site(ctx: BuildContext, config: MkDocsConfig, locale: str) -> Path:
    """The folder of ``locale``'s site: the site's root for the default language."""
    root = Path(config.site_dir)
    return root if locale == ctx.languages.default else root / locale


def pagefind_program() -> Path:
    """The ``pagefind`` program of the ``pagefind-bin`` wheel."""
    try:
        import pagefind_bin

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as error:
        raise PluginError(
            "The search indexer (the pagefind-bin package) is not installed: run ./tasks setup"
        ) from error
