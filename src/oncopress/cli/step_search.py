"""Steps: each language its own search index, read from a page's HTML only when it
changed (over ``oncopress.search``).

- ``configure`` (each pass): mkdocs-static-i18n drops duplicate search entries in one
  pass (``oncopress.search.indexes.drop_translated_duplicates``) instead of comparing
  every entry with every other (0.4 s of a 500 + 500-page build); the pass's search base,
  the synonyms (``extra: search_synonyms:``) checked, and pages pointed at the search
  worker override by a URL that changes with its content;
- ``cache_sections`` (each pass, after the search plugin made its index): the index
  reads each page through the section cache (loaded from ``.cache/search.json`` in a
  build's first pass). A page's sections come from the cache when its HTML is the same
  as when they were parsed, with the same Material and Python (``html.parser``);
  otherwise Material's own parser reads it. ``SITE_SEARCH_CACHE=0`` turns it off;
  ``tests/e2e/test_search_cache.py`` builds sites both ways and compares every file;
- ``keep_not_found_pages``: the English ``404.html`` stays at the root and the Spanish
  one goes to ``es/404.html``;
- ``split_index`` (once every language is built): the merged index split by language,
  with each language's synonyms; ``save_sections``: the cache saved when it changed.
"""

from __future__ import annotations

import json
import logging
import os
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from oncopress.cli import seams
from oncopress.cli.build_context import BuildContext, i18n
from oncopress.files.cachefile import read_cache, write_cache
from oncopress.search.indexes import (
    SEARCH_WORKER,
    SearchSettingsError,
    drop_translated_duplicates,
    read_synonyms,
    split_search_index,
    versioned_worker,
)
from oncopress.search.section_cache import load_search_cache

log = logging.getLogger("mkdocs.oncopress.search")
SPANISH_SOURCES = "docs_es"
CACHE_FILE = Path(".cache") / "search.json"


def configure(ctx: BuildContext, config: MkDocsConfig, locale: str, nested: bool) -> None:
    if not nested:  # its one pass over the search entries, instead of its n x n
        prefixes = tuple(f"{code}/" for code in ctx.languages.build)
        seams.replace_search_deduplication(
            i18n(config), lambda entries: _drop_duplicates(entries, prefixes)
        )
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


def cache_sections(ctx: BuildContext, config: MkDocsConfig, nested: bool) -> None:
    index = seams.material_search_index(config)
    if index is None or os.environ.get("SITE_SEARCH_CACHE") == "0":
        return
    if not nested:
        ctx.search = load_search_cache(read_cache(_cache_file(config)), _parsing_version())
    cache = ctx.search

    def add_entry(index: Any, page: Page) -> None:
        """``SearchIndex.add_entry_from_context``, with the parsing cached."""
        search = page.meta.get("search") or {}
        if search.get("exclude"):
            return
        content = page.content or ""
        key = cache.key(content)
        sections = cache.lookup(key)
        if sections is None:
            sections = seams.parse_search_sections(content)
            cache.store(key, sections)
        seams.index_search_sections(index, page, sections)

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


def split_index(ctx: BuildContext, config: MkDocsConfig) -> None:
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    locales, default = list(ctx.languages.build), ctx.languages.default
    synonyms = read_synonyms(config.extra.get("search_synonyms"), locales)
    for locale, index in split_search_index(merged, locales, default, synonyms).items():
        folder = Path(config.site_dir)
        if locale != default:
            folder = folder / locale
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")


def save_sections(ctx: BuildContext, config: MkDocsConfig) -> None:
    if not ctx.search.changed:
        return
    path = _cache_file(config)
    problem = write_cache(path, ctx.search.dumps())
    if problem:  # a read-only checkout: the next build parses again
        log.info(f"Search sections not cached in {path}: {problem}")


def _drop_duplicates(entries: list[dict[str, object]], prefixes: tuple[str, ...]) -> None:
    for entry in drop_translated_duplicates(entries, prefixes):
        log.debug(f"removed duplicated search entry: {entry['title']} {entry['location']}")


def _parsing_version() -> str:
    """What a page's sections depend on besides its HTML: Material's parser and
    Python's ``html.parser``."""
    return f"mkdocs-material-{version('mkdocs-material')}-python-{platform.python_version()}"


def _cache_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / CACHE_FILE
