"""Steps: pages that moved, and the addresses the site has published
(``oncopress.pages.redirects``).

- ``check_redirects`` (``on_files``, first pass): every move in redirects.yml leads to a
  page of the site (chains followed), or the build stops naming the file and line.
- ``write_redirects`` (``on_post_build``, once every language is written): a redirect
  page at each old address, in each language. They are written after MkDocs made the
  sitemap and the search index, so neither lists them.
- ``check_published`` (after it): a warning for each address of published-urls.txt the
  site no longer serves (``./tasks build`` rewrites the file when the build succeeds).
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from oncopress.checks.preflight import language_of
from oncopress.cli.build_context import BuildContext
from oncopress.files.atomic import write_atomically
from oncopress.pages.redirects import (
    PUBLISHED_FILE,
    RedirectError,
    published_urls,
    read_published,
    read_redirects,
    redirect_pages,
    vanished_urls,
)

log = logging.getLogger("mkdocs.plugins.oncopress")


def check_redirects(ctx: BuildContext, files: Files) -> None:
    languages = ctx.languages
    pages: dict[str, set[str]] = {locale: set() for locale in languages.all}
    for file in files.documentation_pages():
        locale, uri = language_of(file.src_uri, list(languages.all), languages.default)
        pages.setdefault(locale, set()).add(uri)
    try:
        redirects = read_redirects(ctx.root).resolved(pages[languages.default])
    except RedirectError as error:
        raise PluginError(str(error)) from None
    ctx.redirects = redirects
    ctx.language_pages = pages


def write_redirects(ctx: BuildContext, config: MkDocsConfig) -> None:
    languages = ctx.languages
    prefixes = {
        locale: "" if locale == languages.default else f"{locale}/" for locale in languages.build
    }
    pages = redirect_pages(
        ctx.redirects,
        prefixes,
        ctx.language_pages,
        languages.default,
        str(config.site_url or ""),
        bool(config.use_directory_urls),
    )
    site = Path(config.site_dir)
    for name, html in pages.items():
        write_atomically(site / name, html.encode("utf-8"))


def check_published(ctx: BuildContext, config: MkDocsConfig) -> None:
    listed = ctx.root / PUBLISHED_FILE
    try:
        published = read_published(listed.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        return
    except (OSError, UnicodeDecodeError) as error:
        raise PluginError(f"'{PUBLISHED_FILE}' cannot be read ({error})") from None
    served = published_urls(Path(config.site_dir), bool(config.use_directory_urls))
    for message in vanished_urls(published, served, PUBLISHED_FILE):
        log.warning(message)
