"""Test-only MkDocs hook (``tests/e2e/test_citation_extension.py`` adds it to a copy's
``hooks:``): for each page of each language pass it appends one JSON line to the file
``$CITATION_CAPTURE`` names, with

- ``markdown``: the page's Markdown as MkDocs read it (front matter removed), before
  any hook or plugin changed it;
- ``html``: the page's HTML as the build rendered it, citations included
  (the oncopress plugin has put its pieces in, at 100), before any other step
  read or added to it (the safety block, the reprint contact...);
- the Markdown extensions and their settings, as MkDocs' configuration held them before
  any hook or plugin changed them (the first language pass's ``on_config``, first: the
  others start from what the first pass's hooks set).
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

_extensions: list[tuple[list[str], dict[str, Any]]] = []  # the first pass's
_markdown: dict[tuple[str, str], str] = {}


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.current_language if i18n else config.theme["language"])


@event_priority(10_000)  # before any other on_config
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not _extensions:
        extensions = [str(name) for name in config.markdown_extensions]
        _extensions.append((extensions, copy.deepcopy(dict(config.mdx_configs))))
    return config


@event_priority(10_000)  # before any other hook or plugin
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _markdown[_language(config), page.file.src_uri] = markdown
    return markdown


@event_priority(99)  # after the oncopress plugin fills the citations (100), before its checks (0)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = _language(config)
    [(extensions, settings)] = _extensions
    record = {
        "language": language,
        "page": page.file.src_uri,
        "markdown": _markdown.pop((language, page.file.src_uri)),
        "html": html,
        "extensions": extensions,
        "settings": settings,
    }
    with open(os.environ["CITATION_CAPTURE"], "a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return html
