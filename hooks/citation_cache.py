"""MkDocs hook: each sequence of citations rendered once, not on every page (adapter
over ``oncopress.citations.sequence_cache``).

- ``on_pre_build`` (each language pass): the Markdown settings, a key of the cache,
  unless the footnotes are numbered in the order Markdown reaches them
  (``USE_DEFINITION_ORDER: false``), which the cache cannot follow;
- ``on_page_markdown`` (after mkdocs-bibtex and every other plugin): the page's
  footnote Markdown gives way to tokens, and its skeleton (the citations and their
  definitions) is rendered by the page's own Markdown extensions, once per sequence
  and language;
- ``on_page_content`` (before any other hook reads the HTML): the rendered pieces go
  where the tokens are. When they cannot (a citation in a heading or in code...),
  the page is rendered again from its footnote Markdown, exactly as without this hook.

``SITE_CITATION_CACHE=0`` turns it off (every page's footnotes rendered by Markdown);
``tests/e2e/test_citation_cache.py`` builds sites both ways and compares every file.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import markdown as python_markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from oncopress.citations.references import FOOTNOTES_MARKER
from oncopress.citations.sequence_cache import (
    CitationPieces,
    fill_citations,
    holds_token,
    plan_citations,
    skeleton_pieces,
)

log = logging.getLogger("mkdocs.hooks.citation_cache")
WITH_THE_PAGE = "rendered with the page (own footnotes, a key twice...)"
AGAIN = "rendered again with the page (a heading, code...)"

# Rendered skeletons: (skeleton, extensions and their settings) -> pieces (None: unusable).
_rendered: dict[tuple[str, str], CitationPieces | None] = {}
# The Markdown extensions and their settings in this language pass, as text ("": the
# pass cannot use the cache).
_pass_settings = ""
# Pages waiting for their pieces: (source, language) -> (footnote Markdown, pieces).
_waiting: dict[tuple[str, str], tuple[str, CitationPieces]] = {}


@event_priority(-100)  # after hooks/bibliography.py set the footnotes' language
def on_pre_build(config: MkDocsConfig) -> None:
    global _pass_settings
    _pass_settings = repr((config.markdown_extensions, config.mdx_configs))
    footnotes = [
        settings
        for name, settings in config.mdx_configs.items()
        if name == "footnotes" or name.endswith(".footnotes")
    ]
    if any(settings.get("USE_DEFINITION_ORDER", True) is not True for settings in footnotes):
        _pass_settings = ""  # numbered in the order Markdown reaches them, not the page's
    if os.environ.get("SITE_CITATION_CACHE") == "0":
        _pass_settings = ""


@event_priority(-100)  # after mkdocs-bibtex wrote the footnotes
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _waiting.pop(_key(page, config), None)  # left by a build that stopped half-way
    registry = _registry(config)
    if not _pass_settings or registry is None or not registry.page_runs:
        return markdown
    plan = plan_citations(
        markdown, registry.page_runs, registry.page_definitions(), FOOTNOTES_MARKER
    )
    if plan is None:
        log.debug(f"Citations of '{page.file.src_uri}': {WITH_THE_PAGE}")
        return markdown
    settings = _pass_settings
    if (plan.skeleton, settings) not in _rendered:
        md = python_markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        _rendered[plan.skeleton, settings] = skeleton_pieces(md.convert(plan.skeleton), plan.runs)
    pieces = _rendered[plan.skeleton, settings]
    if pieces is None:
        return markdown
    _waiting[_key(page, config)] = (markdown, pieces)
    return plan.markdown


@event_priority(100)  # before any other hook reads the page's HTML
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    waiting = _waiting.pop(_key(page, config), None)
    if waiting is None:
        return html
    footnote_markdown, pieces = waiting
    filled = None if _toc_holds_token(page.toc) else fill_citations(html, pieces)
    page.markdown = footnote_markdown
    if filled is None:  # render the footnotes with Markdown, as without this hook
        log.debug(
            f"Citations of '{page.file.src_uri}': rendered again with the page (a heading, code...)"
        )
        page.render(config, files)
        return page.content or ""
    log.debug(f"Citations of '{page.file.src_uri}': rendered once per sequence")
    page.present_anchor_ids = (page.present_anchor_ids or set()) | pieces.ids
    return filled


def _toc_holds_token(items: Any) -> bool:
    return any(holds_token(item.title) or _toc_holds_token(item.children) for item in items)


def _registry(config: MkDocsConfig) -> Any:
    plugin = config.plugins.get("bibtex")
    registry = getattr(plugin, "registry", None)
    return registry if hasattr(registry, "page_runs") else None  # hooks/bibliography.py's


def _key(page: Page, config: MkDocsConfig) -> tuple[str, str]:
    i18n = config.plugins.get("i18n")
    language = str(i18n.current_language if i18n else config.theme["language"])
    return (page.file.abs_src_path or page.file.src_uri, language)
