"""MkDocs hook: the bilingual site's plumbing around mkdocs-static-i18n.

- checks that ``docs/es`` is the link to ``docs_es/`` (the Spanish sources);
- gives each language its own search index, with its synonyms (``extra:
  search_synonyms:``), and points pages at the search worker override by a URL that
  changes with its content (see ``oncopress.search.indexes``);
- keeps the English ``404.html`` at the root and writes the Spanish one to ``es/404.html``;
- has mkdocs-static-i18n drop duplicate search entries in one pass
  (``oncopress.search.indexes.drop_translated_duplicates``) instead of comparing every entry
  with every other (0.4 s of a 500 + 500-page build).
"""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from oncopress.cli.seams import replace_search_deduplication
from oncopress.search.indexes import (
    SEARCH_WORKER,
    SearchSettingsError,
    drop_translated_duplicates,
    read_synonyms,
    split_search_index,
    versioned_worker,
)

log = logging.getLogger("mkdocs.hooks.site_i18n")

SPANISH_SOURCES = "docs_es"
_not_found_pages: dict[str, str] = {}


def _i18n(config: MkDocsConfig):  # type: ignore[no-untyped-def]
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(
            "site_i18n hook: the 'i18n' plugin (mkdocs-static-i18n) is not configured"
        )
    return plugin


@event_priority(-150)  # after mkdocs-static-i18n switched the language
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    i18n = _i18n(config)
    link = Path(config.docs_dir) / "es"
    target = Path(config.config_file_path).parent / SPANISH_SOURCES
    if not (link.is_symlink() and link.resolve() == target.resolve()):
        raise PluginError(
            f"'{os.path.relpath(link)}' must be a symbolic link to '../{SPANISH_SOURCES}' "
            f"(the Spanish sources). Recreate it with: ln -sfn ../{SPANISH_SOURCES} {link}"
        )
    if not i18n.building:  # its one pass over the search entries, instead of its n x n
        prefixes = tuple(f"{locale}/" for locale in i18n.build_languages)
        replace_search_deduplication(i18n, lambda entries: _drop_duplicates(entries, prefixes))
    language = i18n.current_language
    config.extra["search_base"] = "" if language == i18n.default_language else f"{language}/"
    try:
        read_synonyms(config.extra.get("search_synonyms"), list(i18n.build_languages))
    except SearchSettingsError as error:
        raise PluginError(str(error)) from error
    for folder in config.theme.dirs:
        worker = Path(folder) / "assets" / "javascripts" / "workers" / SEARCH_WORKER
        if worker.is_file():
            config.extra["search_worker"] = versioned_worker(worker.read_bytes())
            break
    return config


def _drop_duplicates(entries: list[dict[str, object]], prefixes: tuple[str, ...]) -> None:
    for entry in drop_translated_duplicates(entries, prefixes):
        log.debug(f"removed duplicated search entry: {entry['title']} {entry['location']}")


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if template_name != "404.html":
        return output_content
    i18n = _i18n(config)
    language = i18n.current_language
    _not_found_pages[language] = output_content
    if language == i18n.default_language:
        return output_content
    target = Path(config.site_dir) / language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    # MkDocs writes every language's 404.html to the site root: keep the default one there.
    return _not_found_pages.get(i18n.default_language, output_content)


@event_priority(-150)  # after mkdocs-static-i18n merged all languages' search entries
def on_post_build(config: MkDocsConfig) -> None:
    i18n = _i18n(config)
    if i18n.building:  # a nested per-language build: the merged index is not final yet
        return
    merged_path = Path(config.site_dir) / "search" / "search_index.json"
    if not merged_path.exists():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    locales = list(i18n.build_languages)
    synonyms = read_synonyms(config.extra.get("search_synonyms"), locales)
    split = split_search_index(merged, locales, i18n.default_language, synonyms)
    for locale, index in split.items():
        folder = Path(config.site_dir)
        if locale != i18n.default_language:
            folder = folder / locale
        target = folder / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), "utf-8")
