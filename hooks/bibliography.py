"""MkDocs hook: house-style citations through mkdocs-bibtex (adapter over oncopress).

mkdocs-bibtex stays the citation engine (``[@key]`` becomes a footnote); this hook
- checks the bibliography before mkdocs-bibtex reads it (file and line of every
  problem, instead of a pybtex traceback), and warns about what it can print but
  should not (a doubled backslash);
- gives the plugin a registry that formats references in house style
  (``oncopress.citations.references``), once per key, and refuses unknown keys;
- puts a "References"/"Referencias" heading before the reference list and makes
  the footnotes' backlink title speak the page's language;
- marks a reference written in another language than the page's ("(en inglés)"
  after the title on Spanish pages, ``oncopress.citations.reflang``).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import validators
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs_bibtex.citation import Citation, CitationBlock, InlineReference

from oncopress.citations.bibfile import BibliographyError, load_bibliography, warn_bibliography
from oncopress.citations.references import (
    FOOTNOTES_MARKER,
    ReferenceBook,
    add_reference_section,
    cited_keys,
    read_block,
    reference_html,
)
from oncopress.citations.reflang import language_note, reference_language, with_language_note
from oncopress.cli.seams import ParsedRegistry, install_registry
from oncopress.i18n.labels import label

log = logging.getLogger("mkdocs.hooks.bibliography")
# Each bibliography file as it was last found good, and its warnings.
_checked: dict[Path, tuple[bytes, list[str]]] = {}


class HouseRegistry(ParsedRegistry):
    """mkdocs-bibtex's formatting seam, in house style (see oncopress.citations.references)."""

    def __init__(self, bib_data: Any, footnote_format: str) -> None:  # already parsed
        super().__init__(bib_data, footnote_format)
        self.book = ReferenceBook(bib_data.entries)
        self.locale = ""  # the language being built (set before each language's pages)
        self._noted: dict[tuple[str, str], str] = {}
        # What mkdocs-bibtex asked of the page being built, in order (for
        # hooks/citation_cache.py): each block's inline text, each key's reference.
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
            return self.book.html(key)
        if (key, note) not in self._noted:
            marked = with_language_note(self.book.reference(key), note)
            self._noted[key, note] = reference_html(marked)
        return self._noted[key, note]


@event_priority(50)  # before mkdocs-bibtex parses the files
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    for path, name in _bib_files(config):
        if not path.is_file():
            raise PluginError(
                f"Bibliography '{name}' not found: create it next to mkdocs.yml or fix "
                "'bib_file' of the bibtex plugin in mkdocs.yml"
            )
        data = path.read_bytes()
        if path not in _checked or _checked[path][0] != data:  # else unchanged since found good
            try:
                load_bibliography(data, name)
            except BibliographyError as error:
                raise PluginError(str(error)) from None
            _checked[path] = (data, warn_bibliography(data, name))
        if not _nested_build(config):  # once per build, not once per language
            for warning in _checked[path][1]:
                log.warning(warning)
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    plugin = _bibtex(config)  # mkdocs-bibtex keeps its registry while the file is unchanged
    install_registry(plugin, HouseRegistry).locale = _language(config)
    footnotes = config.mdx_configs.setdefault(_footnotes_extension(config), {})
    footnotes["PLACE_MARKER"] = FOOTNOTES_MARKER
    footnotes["BACKLINK_TITLE"] = label("footnote_backlink", _language(config))


@event_priority(60)  # before mkdocs-bibtex turns [@key] into footnotes
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _bibtex(config).registry.begin_page()
    if not cited_keys(markdown):
        return markdown
    heading = label("references", _language(config))
    bib_command = _bibtex(config).config.bib_command
    return add_reference_section(markdown, heading, bib_command, FOOTNOTES_MARKER)


def _bib_files(config: MkDocsConfig) -> list[tuple[Path, str]]:
    options = _bibtex(config, loaded=False).config
    root = Path(config.config_file_path).parent
    if options.bib_file and not validators.url(options.bib_file):
        return [(root / options.bib_file, options.bib_file)]
    if options.bib_dir:
        folder = Path(options.bib_dir)
        return [(path, os.path.relpath(path, root)) for path in sorted(folder.rglob("*.bib"))]
    return []


def _footnotes_extension(config: MkDocsConfig) -> str:
    for name in config.markdown_extensions:
        if name == "footnotes" or name.endswith(".footnotes"):
            return str(name)
    raise PluginError(
        "Citations are footnotes: add 'footnotes' to markdown_extensions in mkdocs.yml"
    )


def _nested_build(config: MkDocsConfig) -> bool:
    """mkdocs-static-i18n builds the other languages inside the first build."""
    plugin = config.plugins.get("i18n")
    return bool(getattr(plugin, "building", False))


def _language(config: MkDocsConfig) -> str:
    plugin = config.plugins.get("i18n")
    return str(plugin.current_language if plugin else config.theme["language"])


def _bibtex(config: MkDocsConfig, loaded: bool = True) -> Any:
    plugin = config.plugins.get("bibtex")
    if plugin is None or (loaded and plugin.registry is None):
        raise PluginError(
            "bibliography hook: the 'bibtex' plugin (mkdocs-bibtex) is not configured"
        )
    return plugin
