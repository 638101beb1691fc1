"""A page's HTML without MkDocs: its Markdown (front matter removed) rendered by
Python-Markdown with the extensions and options of ``mkdocs.yml``
(``markdown_extensions``, plus MkDocs' built-ins), as MkDocs renders it before the
hooks read it (``on_page_content``).

Two differences from a build, by design: citations (``[@key]``) and the reference list
command are removed instead of becoming footnotes and a "References" section
(mkdocs-bibtex's work), and links to other pages keep their ``.md`` addresses (MkDocs'
own link rewriting). Neither changes what the page gates look for; readability scores
may differ a little (the footnote numbers a build glues to the cited word).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import markdown

from oncopress.citations.references import strip_citations
from oncopress.glossary.entries import Glossary
from oncopress.glossary.glossary_markdown import GlossaryExtension


class MarkdownSetupError(ValueError):
    """An extension of ``markdown_extensions`` cannot be loaded with its options."""


class PageRenderError(ValueError):
    """Python-Markdown failed on a page (the message completes "Doc file '...' (en): ")."""


class PageRenderer:
    """One Python-Markdown, set up once, for every page."""

    def __init__(
        self,
        extensions: Sequence[str],
        configs: Mapping[str, Mapping[str, Any]],
        citation_commands: Sequence[str] = (),
    ) -> None:
        """Raises ``MarkdownSetupError`` naming the extension that cannot be loaded."""
        self._commands = tuple(citation_commands)
        # Each language's glossary, whose terms pages mark as a build does (set once read).
        self.glossaries: Mapping[str, Glossary] = {}
        self._markdown = markdown.Markdown()
        self._glossary = GlossaryExtension()  # given each page's language's glossary
        built = []
        for name in extensions:
            try:
                built.append(self._markdown.build_extension(name, dict(configs.get(name, {}))))
            except Exception as error:  # an import, a wrong option: whatever the extension raises
                raise MarkdownSetupError(
                    f"mkdocs.yml: markdown_extensions: '{name}' cannot be loaded "
                    f"({type(error).__name__}: {error})"
                ) from None
        try:
            self._markdown.registerExtensions([*built, self._glossary], {})
        except Exception as error:
            raise MarkdownSetupError(
                "mkdocs.yml: markdown_extensions cannot be loaded "
                f"({type(error).__name__}: {error})"
            ) from None

    def html(self, body: str, locale: str = "") -> str:
        """The HTML of a page's Markdown ``body`` (after its front matter), in ``locale``."""
        self._markdown.reset()
        self._glossary.use(self.glossaries.get(locale) or Glossary("", locale))
        try:
            return str(self._markdown.convert(strip_citations(body, self._commands)))
        except RecursionError:
            raise PageRenderError(
                "is nested too deep for Python-Markdown; write it flatter"
            ) from None
        except Exception as error:  # an extension's bug on this text: name the page
            raise PageRenderError(
                f"cannot be rendered by Python-Markdown ({type(error).__name__}: {error})"
            ) from None
