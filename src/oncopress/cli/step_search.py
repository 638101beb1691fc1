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
- ``write_index`` (once every language is built): each language's search settings
  (``search/search_index.json``, ``es/search/search_index.json``), then Pagefind indexes
  the built pages into ``pagefind/``.
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
from oncopress.search.pagefind import SearchIndexError, language_settings, run_pagefind


def configure(ctx: BuildContext, config: MkDocsConfig, locale: str) -> None:
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


def write_index(ctx: BuildContext, config: MkDocsConfig) -> None:
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():  # no search plugin: no search box to answer
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    locales, default = list(ctx.languages.build), ctx.languages.default
    synonyms = read_synonyms(config.extra.get("search_synonyms"), locales)
    for locale in locales:
        folder = Path(config.site_dir)
        if locale != default:
            folder = folder / locale
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        settings = language_settings(locale, synonyms[locale], merged.get("config", {}))
        target.write_text(json.dumps(settings, ensure_ascii=False, separators=(",", ":")), "utf-8")
    try:
        run_pagefind(pagefind_program(), Path(config.site_dir))
    except SearchIndexError as error:
        raise PluginError(str(error)) from error


def pagefind_program() -> Path:
    """The ``pagefind`` program of the ``pagefind-bin`` wheel."""
    try:
        import pagefind_bin

        return Path(pagefind_bin.get_executable())
    except (ImportError, FileNotFoundError) as error:
        raise PluginError(
            "The search indexer (the pagefind-bin package) is not installed: run ./tasks setup"
        ) from error
