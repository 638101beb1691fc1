"""Steps: no placeholder address ships, and no page loads anything from another host
(over ``oncopress.checks.placeholder_hosts`` and ``oncopress.checks.privacy``).

- ``check_style_sheets`` (the default language's pass): a WARNING for each resource the
  site's CSS files (``url()``, ``@import``) load from another host;
- ``check_placeholder_links``: a WARNING naming the page for each link or image to a
  placeholder host;
- ``check_third_party`` (after every other step changed the page's text): a WARNING
  naming the page's source for each image, script, style sheet, frame or media file its
  text loads from another host than ``site_url``'s, so ``./tasks build`` (strict)
  refuses it and ``./tasks serve`` shows it while the page is being written. The
  theme's templates are checked by the tests (tests/e2e/test_site.py, and every request
  in Chromium), not on every build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from oncopress.checks.placeholder_hosts import (
    page_message,
    placeholder_urls,
)
from oncopress.checks.privacy import (
    css_urls,
    is_third_party,
    third_party_loads,
    third_party_message,
)
from oncopress.cli.build_context import BuildContext
from oncopress.problems import Problem

log = logging.getLogger("mkdocs.oncopress.gates")


def check_style_sheets(ctx: BuildContext, files: Files, config: MkDocsConfig, locale: str) -> None:
    host = _host(config)
    for file in files.media_files():
        if file.abs_src_path and file.src_uri.endswith(".css"):
            text = Path(file.abs_src_path).read_text(encoding="utf-8", errors="replace")
            for url in css_urls(text):
                if is_third_party(url, host):
                    message = third_party_message("a style sheet resource", url)
                    log.warning(str(Problem(ctx.path(file), locale, message)))


def check_placeholder_links(ctx: BuildContext, html: str, page: Page, locale: str) -> None:
    for url in placeholder_urls(html):
        log.warning(str(Problem(ctx.path(page.file), locale, page_message(url))))


def check_third_party(
    ctx: BuildContext, html: str, page: Page, config: MkDocsConfig, locale: str
) -> None:
    for kind, url in third_party_loads(html, _host(config)):
        log.warning(str(Problem(ctx.path(page.file), locale, third_party_message(kind, url))))


def _host(config: MkDocsConfig) -> str | None:
    return urlsplit(config.site_url or "").hostname
