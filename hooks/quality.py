"""MkDocs hook: the plain-language gate (adapter over ``oncopress.quality.readability``).

- ``on_config``: the readability targets (``extra: quality: readability:``); fresh
  state for each full build (the Spanish build runs nested inside the English one);
- ``on_page_content``: scores the prose of the page's article in the language being
  built (Flesch-Kincaid grade in English, Fernández-Huerta in Spanish) and adds the
  score to the editorial report (``hooks/editorial.py``); scores are kept in
  ``.cache/readability.json`` by a hash of the page's HTML, language, targets and the
  scoring code (``oncopress.quality.readability_cache``), so an unchanged page is not scored
  again and a build that scores no English page never loads the CMU dictionary;
- ``on_post_build`` (once every language is built): a WARNING naming the file for
  each page that misses its target, so ``--strict`` fails. Logged after the nested
  builds rather than inside one: a strict failure inside mkdocs-static-i18n's nested
  build would leave it stuck for the next ``mkdocs serve`` rebuild. Then the scores
  cache is saved.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from oncopress.checks.preflight import source_path
from oncopress.files.cachefile import read_cache, write_cache
from oncopress.problems import Problem
from oncopress.quality import readability
from oncopress.quality.quality_settings import read_quality_settings
from oncopress.quality.readability import (
    Readability,
    ReadabilityTargets,
    extract_prose,
    hard_to_read_message,
    measure_readability,
    report_fields,
)
from oncopress.quality.readability_cache import ReadabilityCache, load_readability_cache

log = logging.getLogger("mkdocs.hooks.quality")
_targets = ReadabilityTargets()
_hard_to_read: list[Problem] = []  # this build's pages (every language) that miss their target
_cache = ReadabilityCache("")
CACHE_FILE = Path(".cache") / "readability.json"


@event_priority(-150)  # after mkdocs-static-i18n set the language
def on_config(config: MkDocsConfig) -> None:
    global _targets, _cache
    if _i18n(config).building:
        return  # a nested language build of the same run
    try:
        _targets = read_quality_settings(config.extra).readability
    except ValueError as error:
        raise PluginError(str(error)) from None
    _hard_to_read.clear()
    _cache = load_readability_cache(read_cache(_cache_file(config)), _scoring_version())


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    # The article's HTML as Markdown rendered it: no need to parse the whole themed page.
    locale = str(_i18n(config).current_language)
    result = _score(html, locale)
    if result is not None and not result.meets_target:
        root = str(Path(config.config_file_path).parent.resolve())
        path = source_path(page.file.abs_src_path, page.file.src_uri, root)
        _hard_to_read.append(Problem(path, locale, hard_to_read_message(result)))
    _report(config)(page.file, report_fields(result))
    return html


@event_priority(-150)  # after mkdocs-static-i18n built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _i18n(config).building:
        return
    for problem in sorted(set(_hard_to_read)):
        log.warning(str(problem))
    _save(_cache_file(config), _cache.dumps())


def _score(html: str, locale: str) -> Readability | None:
    key = _cache.key(html, locale, _targets)
    found, result = _cache.lookup(key)
    if not found:
        result = measure_readability(extract_prose(html), locale, _targets)
        _cache.store(key, result)
    return result


def _scoring_version() -> str:
    """What the scores depend on besides the page: the scoring code and textstat."""
    code = Path(readability.__file__).read_bytes()
    return f"{hashlib.sha256(code).hexdigest()[:16]}-textstat-{version('textstat')}"


def _cache_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / CACHE_FILE


def _save(path: Path, text: str) -> None:
    problem = write_cache(path, text)
    if problem:  # a read-only checkout: the next build scores again
        log.info(f"Readability scores not cached in {path}: {problem}")


def _report(config: MkDocsConfig) -> Callable[..., None]:
    """``add_report_fields`` of hooks/editorial.py, which writes the editorial report."""
    for plugin in config.plugins.values():
        add = getattr(plugin, "add_report_fields", None)
        if callable(add):
            return add  # type: ignore[no-any-return]
    raise PluginError(
        "quality hook: add hooks/editorial.py to 'hooks:' in mkdocs.yml (it writes the "
        "editorial report this hook adds readability scores to)"
    )


def _i18n(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("quality hook: the 'i18n' plugin (mkdocs-static-i18n) is not configured")
    return plugin
