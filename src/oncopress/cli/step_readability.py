"""Steps: the plain-language gate (over ``oncopress.quality.readability``).

- ``start`` (a build's first pass): the readability targets (``extra: quality:
  readability:``) and the scores cache;
- ``score``: scores the prose of the page's article in the language being built
  (Flesch-Kincaid grade in English, Fernández-Huerta in Spanish) and adds the score to
  the editorial report; scores are kept in ``.cache/readability.json`` by a hash of the
  page's HTML, language, targets and the scoring code
  (``oncopress.quality.readability_cache``), so an unchanged page is not scored again
  and a build that scores no English page never loads the CMU dictionary;
- ``report`` (once every language is built): a WARNING naming the file for each page
  that misses its target, so ``--strict`` fails. Logged after the nested builds rather
  than inside one: a strict failure inside mkdocs-static-i18n's nested build would leave
  it stuck for the next ``mkdocs serve`` rebuild. Then the scores cache is saved.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from oncopress.cli.build_context import BuildContext
from oncopress.files.cachefile import read_cache, write_cache
from oncopress.problems import Problem
from oncopress.quality.quality_settings import read_quality_settings
from oncopress.quality.readability import (
    Readability,
    extract_prose,
    hard_to_read_message,
    measure_readability,
    report_fields,
)
from oncopress.quality.readability_cache import load_readability_cache, scoring_version

log = logging.getLogger("mkdocs.oncopress.readability")
CACHE_FILE = Path(".cache") / "readability.json"


def start(ctx: BuildContext, config: MkDocsConfig) -> None:
    try:
        ctx.readability_targets = read_quality_settings(config.extra).readability
    except ValueError as error:
        raise PluginError(str(error)) from None
    ctx.hard_to_read.clear()
    ctx.readability = load_readability_cache(read_cache(_cache_file(config)), scoring_version())


def score(ctx: BuildContext, html: str, page: Page, locale: str) -> None:
    # The article's HTML as Markdown rendered it: no need to parse the whole themed page.
    result = _score(ctx, html, locale)
    if result is not None and not result.meets_target:
        ctx.hard_to_read.append(Problem(ctx.path(page.file), locale, hard_to_read_message(result)))
    ctx.book.report.add_fields(ctx.path(page.file), report_fields(result))


def report(ctx: BuildContext, config: MkDocsConfig) -> None:
    for problem in sorted(set(ctx.hard_to_read)):
        log.warning(str(problem))
    path = _cache_file(config)
    failure = write_cache(path, ctx.readability.dumps())
    if failure:  # a read-only checkout: the next build scores again
        log.info(f"Readability scores not cached in {path}: {failure}")


def _score(ctx: BuildContext, html: str, locale: str) -> Readability | None:
    cache, targets = ctx.readability, ctx.readability_targets
    key = cache.key(html, locale, targets)
    found, result = cache.lookup(key)
    if not found:
        result = measure_readability(extract_prose(html), locale, targets)
        cache.store(key, result)
    return result


def _cache_file(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent / CACHE_FILE
