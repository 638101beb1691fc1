"""Steps: the search, each language on its own, answered from the site's own index, split
into shards (``oncopress.search.shards``).

- ``configure`` (each pass): the pass's search base, the synonyms (``extra:
  search_synonyms:``) checked, and pages pointed at the search worker
  (``overrides/assets/javascripts/workers/oncopress-search.js``) by a URL that changes
  with its content;
- ``skip_page_indexing`` (each pass, after Material's search plugin made its index):
  Material's plugin indexes no page (its index only carries the settings);
- ``keep_not_found_pages``: the English ``404.html`` stays at the root and the Spanish
  one goes to ``es/404.html``;
- ``keep_article`` (each page written): the page's article, read into sections
  (``oncopress.search.sections``) for the index;
- ``write_index`` (once every language is built): each language's index
  (``search/shards/``, ``search/pages/``) and its settings (``search/search_index.json``,
  ``es/search/search_index.json``), written in place of the last build's.
"""

from __future__ import annotations

import gc
import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
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
from oncopress.search.sections import page_sections
from oncopress.search.shards import FOLDER, IndexedPage, build_index, language_settings


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
        """The site's own index has the pages: Material's keeps its settings only."""

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
    location = page.url
    if locale != ctx.languages.default and location.startswith(f"{locale}/"):
        location = location[len(locale) + 1 :]
    boost = search.get("boost", 1) if isinstance(search, dict) else 1
    ctx.search_pages.setdefault(locale, []).append(
        IndexedPage(
            location=location,
            title=str(page.title or config.site_name),
            sections=page_sections(page.content or ""),
            boost=float(boost) if isinstance(boost, int | float) and boost > 0 else 1.0,
        )
    )


def write_index(ctx: BuildContext, config: MkDocsConfig) -> None:
    ctx.keep_articles = False
    pages, ctx.search_pages = ctx.search_pages, {}
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():  # no search plugin: no search box to answer
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    locales = list(ctx.languages.build)
    synonyms = read_synonyms(config.extra.get("search_synonyms"), locales)
    for locale in locales:
        folder = _language_site(ctx, config, locale) / FOLDER
        with _collector_off():
            index = build_index(pages.get(locale, []), locale)
        settings = language_settings(
            locale, synonyms[locale], merged.get("config", {}), index.shards
        )
        files = {
            **index.files,
            "search_index.json": json.dumps(settings, ensure_ascii=False, separators=(",", ":")),
        }
        _write_index(folder, files)


@contextmanager
def _collector_off() -> Iterator[None]:
    """The garbage collector off: an index's postings make no cycles, and each full
    collection while they were made walked them all (four, 0.3 s of a build of 2000 +
    2000 pages)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _write_index(folder: Path, files: dict[str, str]) -> None:
    """``files`` (path -> text) written under ``folder``, in place of the last build's."""
    target = folder
    try:
        for name in ("shards", "pages"):
            if (folder / name).is_dir():
                shutil.rmtree(folder / name)
        for path, text in files.items():
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    except OSError as error:
        raise PluginError(
            f"{target}: the search index could not be written ({error.strerror or error})"
        ) from error


def _language_site(ctx: BuildContext, config: MkDocsConfig, locale: str) -> Path:
    """The folder of ``locale``'s site: the site's root for the default language."""
    root = Path(config.site_dir)
    return root if locale == ctx.languages.default else root / locale
