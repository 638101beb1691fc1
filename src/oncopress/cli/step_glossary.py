"""The glossary's step: each language's pass renders its pages with the glossary
extension of that language (``oncopress.glossary.glossary_markdown``), given the glossary the
build's first step read and checked (``glossary/<locale>.yml``). A site without a
glossary renders as before.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from oncopress.cli.build_context import BuildContext
from oncopress.glossary.glossary_markdown import GlossaryExtension


def add_extension(ctx: BuildContext, config: MkDocsConfig, locale: str) -> None:
    """This pass's Markdown extensions with ``locale``'s glossary (in place of another
    language's, as the passes share one configuration)."""
    extensions = [e for e in config.markdown_extensions if not isinstance(e, GlossaryExtension)]
    glossary = ctx.book.glossaries.get(locale)
    if glossary is not None and glossary.entries:
        extensions.append(GlossaryExtension(glossary=glossary))
    config["markdown_extensions"] = extensions
