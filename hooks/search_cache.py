"""MkDocs hook: Material's search reads a page's HTML only when it changed (adapter
over ``oncopress.search.section_cache``).

- ``on_config`` (each language pass, after the search plugin made its index): the
  index reads each page through the cache. The first pass of a build loads
  ``.cache/search.json``;
- ``on_post_build`` (once every language is built): saves the cache when it changed.

A page's sections come from the cache when its HTML is the same as when they were
parsed, with the same Material and Python (``html.parser``); otherwise Material's own
parser reads it. Either way the index makes its entries from them as it always does.
``SITE_SEARCH_CACHE=0`` turns it off; ``tests/e2e/test_search_cache.py`` builds sites
both ways and compares every file.
"""

from __future__ import annotations

import logging
import os
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from oncopress.cli.seams import (
    index_search_sections,
    material_search_index,
    parse_search_sections,
    replace_page_indexing,
)
from oncopress.files.cachefile import read_cache, write_cache
from oncopress.search.section_cache import SearchSectionCache, load_search_cache

log = logging.getLogger("mkdocs.hooks.search_cache")
CACHE_FILE = Path(".cache") / "search.json"
_cache = SearchSectionCache("")


@event_priority(-150)  # after the search plugin made this pass's index
def on_config(config: MkDocsConfig) -> None:
    global _cache
    index = material_search_index(config)
    if index is None or os.environ.get("SITE_SEARCH_CACHE") == "0":
        return
    if not _building_other_language(config):
        _cache = load_search_cache(read_cache(_cache_file(config)), _parsing_version())
    replace_page_indexing(index, _add_entry)


@event_priority(-150)  # after mkdocs-static-i18n built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _building_other_language(config) or not _cache.changed:
        return
    path = _cache_file(config)
    problem = write_cache(path, _cache.dumps())
    if problem:  # a read-only checkout: the next build parses again
        log.info(f"Search sections not cached in {path}: {problem}")


def _add_entry(index: Any, page: Page) -> None:
    """``SearchIndex.add_entry_from_context``, with the parsing cached."""
    search = page.meta.get("search") or {}
    if search.get("exclude"):
        return
    content = page.content or ""
    key = _cache.key(content)
    sections = _cache.lookup(key)
    if sections is None:
        sections = parse_search_sections(content)
        _cache.store(key, sections)
    index_search_sections(index, page, sections)


def _parsing_version() -> str:
    """What a page's sections depend on besides its HTML: Material's parser and
    Python's ``html.parser``."""
    return f"mkdocs-material-{version('mkdocs-material')}-python-{platform.python_version()}"


def _building_other_language(config: MkDocsConfig) -> bool:
    """Whether this pass is mkdocs-static-i18n's nested build of another language."""
    return bool(getattr(config.plugins.get("i18n"), "building", False))


def _cache_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / CACHE_FILE
