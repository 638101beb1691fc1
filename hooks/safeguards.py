"""MkDocs hook: editors' mistakes never break the build or the published HTML
(adapter over ``oncopress.sourcetree``, ``oncopress.pagesafety``, ``oncopress.titles``).

- ``on_config``: refuses broken symbolic links under ``docs/`` (a loop would hang
  MkDocs' walk of the folder, a dangling link end it in a traceback) and top-level
  folders named like a language code (mkdocs-static-i18n would drop their pages);
- ``on_page_markdown``: front matter text (title, description) HTML-escaped, as
  MkDocs and Material write it into the page unescaped;
- ``on_page_content``: a WARNING for links and images to local files (``file:``,
  ``C:\\``), which MkDocs does not check;
- ``on_env``: a WARNING for two pages of one language with the same title.
"""

from __future__ import annotations

import functools
import html
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from oncopress.pagesafety import html_safe_meta, local_file_message, local_file_urls
from oncopress.preflight import language_of, source_path
from oncopress.problems import Problem
from oncopress.sourcetree import find_language_like_folders, link_problems, summarize_links
from oncopress.titles import duplicate_title_message, duplicate_titles

log = logging.getLogger("mkdocs.hooks.safeguards")


@event_priority(100)  # before any plugin reads the files MkDocs is about to walk
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs, root, i18n = Path(config.docs_dir), _root(config), config.plugins.get("i18n")
    problems = link_problems(docs, root)
    if i18n:  # only its folder structure reads folder names as languages
        others = [code for code in i18n.all_languages if code != i18n.default_language]
        problems += find_language_like_folders(docs, root, others)
    if problems:
        raise PluginError(summarize_links(problems))
    return config


@event_priority(100)  # before other plugins and hooks see the page's meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta = html_safe_meta(page.meta)
    return markdown


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path, locale = _path(page.file, config), _language(config)
    for url in local_file_urls(html_text):
        log.warning(str(Problem(path, locale, local_file_message(url))))
    return html_text


def on_env(env: Any, config: MkDocsConfig, files: Files) -> None:
    i18n, locale = config.plugins.get("i18n"), _language(config)
    locales, default = (list(i18n.all_languages), i18n.default_language) if i18n else ([], locale)
    titles = [
        (_path(file, config), html.unescape(file.page.title))
        for file in files.documentation_pages()
        if file.page is not None
        and file.page.title
        and language_of(file.src_uri, locales, default)[0] == locale
    ]
    for path, first, title in duplicate_titles(titles):
        log.warning(str(Problem(path, locale, duplicate_title_message(first, title))))


def _root(config: MkDocsConfig) -> Path:
    return _resolved_parent(str(config.config_file_path))


@functools.cache  # asked twice per page: resolving the path each time cost 0.6 s at 200+200
def _resolved_parent(config_file: str) -> Path:
    return Path(config_file).parent.resolve()


def _path(file: File, config: MkDocsConfig) -> str:
    """The source's path from the project folder (``docs_es/care.md``)."""
    return source_path(file.abs_src_path, file.src_uri, str(_root(config)))


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.current_language if i18n else config.theme["language"])
