"""Steps: house-style citations through mkdocs-bibtex, each sequence of citations
rendered once (over ``oncopress.citations``).

mkdocs-bibtex stays the citation engine (``[@key]`` becomes a footnote); these steps
- ``install_registry`` (each pass): the plugin formats references in house style
  (``oncopress.citations.references``, its words in the page's language), once per
  key, refuses unknown keys, marks a
  reference written in another language than the page's ("(en inglés)" after the
  title on Spanish pages, ``oncopress.citations.reflang``), and the footnotes' backlink
  title speaks the page's language; then the Markdown settings, a key of the rendered
  sequences, unless the footnotes are numbered in the order Markdown reaches them
  (``USE_DEFINITION_ORDER: false``), which the rendered sequences cannot follow;
- ``add_references_heading`` (before mkdocs-bibtex): "References"/"Referencias" before
  the reference list;
- ``plan_citations`` (after mkdocs-bibtex): the page's footnote Markdown gives way to
  tokens, and its skeleton (the citations and their definitions) is rendered by the
  page's own Markdown extensions, once per sequence and language;
- ``fill_citations`` (before any other step reads the HTML): the rendered pieces go
  where the tokens are. When they cannot (a citation in a heading or in code...), the
  page is rendered again from its footnote Markdown, exactly as without them.

``SITE_CITATION_CACHE=0`` turns the rendered sequences off (every page's footnotes
rendered by Markdown); ``tests/e2e/test_citation_cache.py`` builds sites both ways and
compares every file.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import markdown as python_markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_bibtex.citation import Citation, CitationBlock, InlineReference

from oncopress.citations import sequence_cache
from oncopress.citations.references import (
    FOOTNOTES_MARKER,
    ReferenceBook,
    add_reference_section,
    cited_keys,
    read_block,
    reference_html,
)
from oncopress.citations.reflang import language_note, reference_language, with_language_note
from oncopress.cli import seams
from oncopress.cli.build_context import BuildContext, bibtex
from oncopress.i18n.labels import label

log = logging.getLogger("mkdocs.oncopress.citations")
WITH_THE_PAGE = "rendered with the page (own footnotes, a key twice...)"


class HouseRegistry(seams.ParsedRegistry):
    """mkdocs-bibtex's formatting seam, in house style (see oncopress.citations.references)."""

    def __init__(self, bib_data: Any, footnote_format: str) -> None:  # already parsed
        super().__init__(bib_data, footnote_format)
        self.book = ReferenceBook(bib_data.entries)
        self.locale = ""  # the language being built (set before each language's pages)
        self._noted: dict[tuple[str, str], str] = {}
        # What mkdocs-bibtex asked of the page being built, in order (for
        # plan_citations): each block's inline text, each key's reference.
        self.page_runs: list[str] = []
        self.page_references: list[tuple[str, str]] = []

    def begin_page(self) -> None:
        self.page_runs, self.page_references = [], []

    def page_definitions(self) -> str:
        """The footnote definitions mkdocs-bibtex wrote for the page, as it writes them."""
        return "\n".join(
            f"[^{self.footnote_format.format(key=key)}]: {text}"
            for key, text in self.page_references
        )

    def validate_citation_blocks(self, citation_blocks: list[CitationBlock]) -> None:
        for block in citation_blocks:  # the plugin's own pattern stops keys at ':', '.', '/'
            block.citations = [
                Citation(c.key, c.prefix, c.suffix) for c in read_block(block.raw)
            ] or block.citations
        for citation in (c for block in citation_blocks for c in block.citations):
            if citation.key not in self.book:  # the editorial preflight names the page
                raise PluginError(f"Citing unknown reference key '{citation.key}'")

    def validate_inline_references(self, refs: list[InlineReference]) -> set[InlineReference]:
        return {ref for ref in refs if ref.key in self.book}

    def inline_text(self, citation_block: CitationBlock) -> str:
        notes = [self.footnote_format.format(key=c.key) for c in citation_block.citations]
        text = "<sup>,</sup>".join(f"[^{note}]" for note in notes)
        self.page_runs.append(text)
        return text

    def reference_text(self, citation: Citation | InlineReference) -> str:
        text = self._reference_text(citation.key)
        self.page_references.append((citation.key, text))
        return text

    def _reference_text(self, key: str) -> str:
        fields = self.bib_data.entries[key].fields
        note = language_note(reference_language(fields), self.locale) if self.locale else ""
        if not note:
            return self.book.html(key, self.locale or "en")
        if (key, note) not in self._noted:
            marked = with_language_note(self.book.reference(key), note)
            self._noted[key, note] = reference_html(marked, self.locale)
        return self._noted[key, note]


def install_registry(ctx: BuildContext, config: MkDocsConfig, locale: str) -> None:
    plugin = bibtex(config)  # mkdocs-bibtex keeps its registry while the file is unchanged
    seams.install_registry(plugin, HouseRegistry).locale = locale
    footnotes = config.mdx_configs.setdefault(_footnotes_extension(config), {})
    footnotes["PLACE_MARKER"] = FOOTNOTES_MARKER
    footnotes["BACKLINK_TITLE"] = label("footnote_backlink", locale)
    ctx.citations.settings = _pass_settings(config)


def add_references_heading(markdown: str, config: MkDocsConfig, locale: str) -> str:
    plugin = bibtex(config)
    plugin.registry.begin_page()
    if not cited_keys(markdown):
        return markdown
    heading = label("references", locale)
    return add_reference_section(markdown, heading, plugin.config.bib_command, FOOTNOTES_MARKER)


def plan_citations(
    ctx: BuildContext, markdown: str, page: Page, config: MkDocsConfig, locale: str
) -> str:
    waiting, key = ctx.citations.waiting, _key(page, locale)
    waiting.pop(key, None)  # left by a build that stopped half-way
    registry = getattr(config.plugins.get("bibtex"), "registry", None)
    settings = ctx.citations.settings
    if not settings or not isinstance(registry, HouseRegistry) or not registry.page_runs:
        return markdown
    plan = sequence_cache.plan_citations(
        markdown, registry.page_runs, registry.page_definitions(), FOOTNOTES_MARKER
    )
    if plan is None:
        log.debug(f"Citations of '{page.file.src_uri}': {WITH_THE_PAGE}")
        return markdown
    rendered = ctx.session.citations
    if (plan.skeleton, settings) not in rendered:
        md = python_markdown.Markdown(
            extensions=config.markdown_extensions, extension_configs=config.mdx_configs
        )
        rendered[plan.skeleton, settings] = sequence_cache.skeleton_pieces(
            md.convert(plan.skeleton), plan.runs
        )
    pieces = rendered[plan.skeleton, settings]
    if pieces is None:
        return markdown
    waiting[key] = (markdown, pieces)
    return plan.markdown


def fill_citations(
    ctx: BuildContext, html: str, page: Page, config: MkDocsConfig, files: Files, locale: str
) -> str:
    waiting = ctx.citations.waiting.pop(_key(page, locale), None)
    if waiting is None:
        return html
    footnote_markdown, pieces = waiting
    filled = None if _toc_holds_token(page.toc) else sequence_cache.fill_citations(html, pieces)
    page.markdown = footnote_markdown
    if filled is None:  # render the footnotes with Markdown, as without the sequences
        log.debug(
            f"Citations of '{page.file.src_uri}': rendered again with the page (a heading, code...)"
        )
        page.render(config, files)
        return page.content or ""
    log.debug(f"Citations of '{page.file.src_uri}': rendered once per sequence")
    page.present_anchor_ids = (page.present_anchor_ids or set()) | pieces.ids
    return filled


def _pass_settings(config: MkDocsConfig) -> str:
    """The Markdown extensions and their settings, as text; "" when the rendered
    sequences cannot be used in this pass."""
    footnotes = [
        settings
        for name, settings in config.mdx_configs.items()
        if name == "footnotes" or name.endswith(".footnotes")
    ]
    if any(settings.get("USE_DEFINITION_ORDER", True) is not True for settings in footnotes):
        return ""  # numbered in the order Markdown reaches them, not the page's
    if os.environ.get("SITE_CITATION_CACHE") == "0":
        return ""
    return repr((config.markdown_extensions, config.mdx_configs))


def _toc_holds_token(items: Any) -> bool:
    return any(
        sequence_cache.holds_token(item.title) or _toc_holds_token(item.children) for item in items
    )


def _key(page: Page, locale: str) -> tuple[str, str]:
    return (page.file.abs_src_path or page.file.src_uri, locale)


def _footnotes_extension(config: MkDocsConfig) -> str:
    for name in config.markdown_extensions:
        if name == "footnotes" or name.endswith(".footnotes"):
            return str(name)
    raise PluginError(
        "Citations are footnotes: add 'footnotes' to markdown_extensions in mkdocs.yml"
    )
