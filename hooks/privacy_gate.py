"""MkDocs hook: no page loads anything from another host (adapter over
``oncopress.checks.privacy``).

- ``on_page_content``: a WARNING naming the page's source for each image, script,
  style sheet, frame or media file its text (the Markdown's HTML, after every other
  plugin) loads from another host than ``site_url``'s, so ``./tasks build`` (strict)
  refuses it and ``./tasks serve`` shows it while the page is being written. The
  theme's templates are checked by the tests (tests/e2e/test_site.py, and every
  request in Chromium), not on every build;
- ``on_files``: the same for the site's CSS files (``url()``, ``@import``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from oncopress.checks.preflight import source_path
from oncopress.checks.privacy import (
    css_urls,
    is_third_party,
    third_party_loads,
    third_party_message,
)
from oncopress.problems import Problem

log = logging.getLogger("mkdocs.hooks.privacy_gate")


@event_priority(-200)  # after every plugin and hook changed the page's text
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    loads = third_party_loads(html, _host(config))
    if loads:  # the page's source path only for a warning (resolving it cost 0.08 ms a page)
        path = source_path(page.file.abs_src_path, page.file.src_uri, _root(config))
        for kind, url in loads:
            log.warning(str(Problem(path, _language(config), third_party_message(kind, url))))
    return html


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if _language(config) != config.plugins["i18n"].default_language:
        return files  # the same CSS files in every language: check them once
    for file in files.media_files():
        if file.abs_src_path and file.src_uri.endswith(".css"):
            text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
            path = source_path(file.abs_src_path, file.src_uri, _root(config))
            for url in css_urls(text):
                if is_third_party(url, _host(config)):
                    message = third_party_message("a style sheet resource", url)
                    log.warning(str(Problem(path, _language(config), message)))
    return files


def _host(config: MkDocsConfig) -> str | None:
    return urlsplit(config.site_url or "").hostname


def _root(config: MkDocsConfig) -> str:
    return str(Path(config.config_file_path).parent.resolve())


def _language(config: MkDocsConfig) -> str:
    return str(config.plugins["i18n"].current_language)
