"""MkDocs hook: editors' mistakes never break the build or the published HTML, and
nothing private or hostile is published (adapter over ``oncopress.pages.sourcetree``,
``oncopress.pages.pagelimits``, ``oncopress.checks.htmlpolicy``, ``oncopress.pages.pagesafety``,
``oncopress.pages.titles``).

- ``on_config``: refuses broken symbolic links under ``docs/`` (a loop would hang
  MkDocs' walk of the folder, a dangling link end it in a traceback), links to
  anything outside the project, names outside the safe set, and top-level folders
  named like a language code (mkdocs-static-i18n would drop their pages); reads
  ``extra: limits:`` and ``extra: html_policy:``;
- ``on_files`` (first, every language in the first pass): refuses pages above the
  size limit or nested too deep, before any page is read or rendered;
- ``on_page_markdown``: front matter text (title, description) HTML-escaped, as
  MkDocs and Material write it into the page unescaped;
- ``on_page_content``: a WARNING for links and images to local files (``file:``,
  ``C:\\``), which MkDocs does not check; what the HTML policy refuses, collected;
- ``on_env``: an error listing every page the HTML policy refused (before any page
  of the language is written); a WARNING for two pages of one language with the same
  title.
"""

from __future__ import annotations

import functools
import html
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from oncopress.checks.editorial_settings import SettingsError
from oncopress.checks.htmlpolicy import HtmlPolicy, locate, policy_findings
from oncopress.checks.preflight import language_of, source_path
from oncopress.pages.pagelimits import Limits, nesting_problem, size_problem
from oncopress.pages.pagesafety import html_safe_meta, local_file_message, local_file_urls
from oncopress.pages.sourcetree import find_language_like_folders, link_problems, summarize_links
from oncopress.pages.titles import duplicate_title_message, duplicate_titles
from oncopress.problems import Problem, summarize_problems
from oncopress.settings.site import read_site_settings

log = logging.getLogger("mkdocs.hooks.safeguards")

_limits, _policy = Limits(), HtmlPolicy()
# Pages the HTML policy refused in this language pass; None outside a full build (the
# preview re-rendering one page): then a refused page stops at once.
_refused: list[Problem] | None = None


@event_priority(100)  # before any plugin reads the files MkDocs is about to walk
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _limits, _policy
    try:
        settings = read_site_settings(config.extra)  # every section: a wrong one stops here
        _limits, _policy = settings.limits, settings.html_policy
    except SettingsError as error:
        raise PluginError(str(error)) from None
    docs, root, i18n = Path(config.docs_dir), _root(config), config.plugins.get("i18n")
    problems = link_problems(docs, root)
    if config.theme.custom_dir:  # its files are published beside the pages
        problems += link_problems(Path(config.theme.custom_dir), root)
    if i18n:  # only its folder structure reads folder names as languages
        others = [code for code in i18n.all_languages if code != i18n.default_language]
        problems += find_language_like_folders(docs, root, others)
    if problems:
        raise PluginError(summarize_links(problems))
    return config


@event_priority(100)  # before the editorial check reads every page
def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _refused
    _refused = []
    i18n, locale = config.plugins.get("i18n"), _language(config)
    if i18n and (i18n.building or locale != i18n.default_language):
        return files  # every language's pages are in the first pass
    problems = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # made by a plugin, not an editor
        path = _path(file, config)
        found = size_problem(os.path.getsize(file.abs_src_path), _limits.page_bytes)
        if found is None:  # text that is not UTF-8: the editorial check names its line
            found = nesting_problem(file.content_bytes.decode("utf-8", "replace"))
        if found:
            problems.append(Problem(path, _page_language(file, config), found))
    if problems:
        raise PluginError(summarize_problems(problems, "Source check"))
    return files


@event_priority(100)  # before other plugins and hooks see the page's meta
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    page.meta = html_safe_meta(page.meta)
    return markdown


def on_page_content(html_text: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path, locale = _path(page.file, config), _language(config)
    for url in local_file_urls(html_text):
        log.warning(str(Problem(path, locale, local_file_message(url))))
    findings = policy_findings(html_text, _policy)
    if findings:
        refused = [
            Problem(path, locale, message) for message in locate(findings, page.file.content_string)
        ]
        if _refused is None:
            raise PluginError(summarize_problems(refused, "HTML policy check"))
        _refused.extend(refused)
    return html_text


def on_env(env: Any, config: MkDocsConfig, files: Files) -> None:
    global _refused
    refused, _refused = _refused, None
    if refused:
        raise PluginError(summarize_problems(refused, "HTML policy check"))
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


def _page_language(file: File, config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return _language(config)
    return language_of(file.src_uri, list(i18n.all_languages), i18n.default_language)[0]


def _language(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.current_language if i18n else config.theme["language"])
