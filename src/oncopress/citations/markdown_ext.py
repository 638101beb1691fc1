"""Citations as a Python-Markdown extension: ``[@key]`` becomes a footnote with the
reference in house style, without MkDocs or mkdocs-bibtex (Zensical runs Python-Markdown
extensions, not MkDocs plugins).

Named in a configuration as ``oncopress.citations.markdown_ext``, next to
``footnotes``, with one configuration per language::

    markdown_extensions:
      - footnotes
      - oncopress.citations.markdown_ext:
          bibliography: bibliography.bib      # or a list of files, merged in order
          locale: es                          # the language of the pages rendered

or in Python ``CitationExtension(bibliography=["bibliography.bib"], locale="es")``.
Options: ``bibliography`` (one path or a list, relative to the working folder),
``locale`` (``en``, ``es``), ``footnote_format`` (``{key}``: a key's footnote label),
``bib_command`` (``\\bibliography``: where the reference list goes, else at the end),
``full_bib_command`` (``\\full_bibliography``: every reference of the bibliography).

Before Markdown reads a page it writes the page's citations as footnote Markdown
(``oncopress.citations.footnote_markdown``: a "References"/"Referencias" heading, the
footnotes' place marker, the runs of references, the definitions) and sets the
``footnotes`` extension's place marker and backlink title (in the page's language),
whichever order the two extensions are named in. The HTML is the current build's, byte
for byte (``tests/e2e/test_citation_extension.py``).

Problems are exceptions, never log lines: ``CitationError`` (a ``ContentError``) for a
page citing a key the bibliography does not hold, with each key's line in the Markdown
given to ``convert`` (a caller adds its front matter's lines and names the file);
``BibliographyError`` for a bibliography missing or with problems (each with its
line); ``CitationSetupError`` for settings that cannot work.
"""

from __future__ import annotations

from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.preprocessors import Preprocessor

from oncopress.citations.footnote_markdown import (
    BIB_COMMAND,
    FOOTNOTE_FORMAT,
    FULL_BIB_COMMAND,
    CitationError,
    Footnoted,
    FootnoteSettings,
    unknown_keys,
    write_footnotes,
)
from oncopress.citations.library import HouseReferences, load_references
from oncopress.i18n.labels import LABELS, label

NAME = "oncopress_citations"
# Before every other preprocessor (normalize_whitespace is 30, pymdownx.snippets 32): the
# page's text as it is, which is what mkdocs-bibtex reads.
PRIORITY = 35


class CitationSetupError(ValueError):
    """The extension's settings cannot work (no bibliography, an unknown locale, no
    ``footnotes`` extension...): what to change."""


class CitationExtension(Extension):  # type: ignore[misc]  # markdown ships no types
    """``[@key]`` citations as footnotes, in house style, in one language."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "bibliography": [[], "BibTeX file or files (a path or a list of paths)"],
            "locale": ["en", "Language of the pages: headings, notes, backlink titles"],
            "footnote_format": [FOOTNOTE_FORMAT, "A key's footnote label ({key})"],
            "bib_command": [BIB_COMMAND, "Where a page's reference list goes"],
            "full_bib_command": [FULL_BIB_COMMAND, "Where every reference goes"],
        }
        super().__init__(**kwargs)

    def settings(self) -> FootnoteSettings:
        locale = str(self.getConfig("locale"))
        if locale not in LABELS:
            known = ", ".join(sorted(LABELS))
            raise CitationSetupError(f"citations: locale '{locale}' is not one of {known}")
        footnote_format = str(self.getConfig("footnote_format"))
        if "{key}" not in footnote_format:
            raise CitationSetupError(
                f"citations: footnote_format '{footnote_format}' has no '{{key}}'"
            )
        return FootnoteSettings(
            heading=label("references", locale),
            footnote_format=footnote_format,
            bib_command=str(self.getConfig("bib_command")),
            full_bib_command=str(self.getConfig("full_bib_command")),
        )

    def bibliography(self) -> list[str]:
        files = self.getConfig("bibliography")
        paths = [files] if isinstance(files, str) else [str(path) for path in files]
        if not paths:
            raise CitationSetupError("citations: no bibliography (name a BibTeX file)")
        return paths

    def extendMarkdown(self, md: Markdown) -> None:
        settings = self.settings()  # a wrong setting fails before the first page
        self.bibliography()
        md.preprocessors.register(CitationPreprocessor(md, self, settings), NAME, PRIORITY)
        md.registerExtension(self)


class CitationPreprocessor(Preprocessor):  # type: ignore[misc]  # markdown ships no types
    """Writes a page's citations as footnote Markdown before Markdown reads the page."""

    def __init__(self, md: Markdown, extension: CitationExtension, settings: FootnoteSettings):
        super().__init__(md)
        self.extension = extension
        self.settings = settings

    def run(self, lines: list[str]) -> list[str]:
        locale = str(self.extension.getConfig("locale"))
        references = load_references(self.extension.bibliography(), locale)
        configure_footnotes(self.md, references.locale, self.settings.marker)
        markdown = "\n".join(lines)
        if not _may_cite(markdown, self.settings):
            return lines
        return cite(markdown, references, self.settings).markdown.split("\n")


def cite(markdown: str, references: HouseReferences, settings: FootnoteSettings) -> Footnoted:
    """``markdown`` with its citations as footnote Markdown; ``CitationError`` naming
    each key ``references`` does not hold."""
    problems = unknown_keys(markdown, references, references.source)
    if problems:
        raise CitationError(problems)
    return write_footnotes(markdown, references.html, references.keys, settings)


def configure_footnotes(md: Markdown, locale: str, marker: str) -> None:
    """The ``footnotes`` extension of ``md`` puts the list at ``marker`` and titles its
    backlinks in ``locale`` ("Volver a la cita 1 en el texto")."""
    footnotes = [ext for ext in md.registeredExtensions if isinstance(ext, FootnoteExtension)]
    if not footnotes:
        raise CitationSetupError(
            "citations are footnotes: add 'footnotes' to the Markdown extensions"
        )
    title = label("footnote_backlink", locale).replace("%d", "{}")  # as footnotes reads it
    for extension in footnotes:
        extension.setConfig("PLACE_MARKER", marker)
        extension.setConfig("BACKLINK_TITLE", title)


def _may_cite(markdown: str, settings: FootnoteSettings) -> bool:
    """False when ``markdown`` has no block and no command: nothing to write."""
    commands = (settings.bib_command, settings.full_bib_command)
    return "@" in markdown or any(command in markdown for command in commands)


def makeExtension(**kwargs: Any) -> CitationExtension:
    return CitationExtension(**kwargs)
