"""Steps: editors' mistakes never break the build or the published HTML, and nothing
private or hostile is published (over ``oncopress.pages.sourcetree``,
``oncopress.pages.pagelimits``, ``oncopress.checks.htmlpolicy``,
``oncopress.pages.pagesafety``, ``oncopress.pages.titles``).

- ``check_sizes`` (every language's pages, in the first pass): refuses pages above the
  size limit or nested too deep, before any page is read or rendered;
- ``escape_meta``: front matter text (title, description) HTML-escaped, as MkDocs and
  Material write it into the page unescaped;
- ``check_content``: a WARNING for links and images to local files (``file:``,
  ``C:\\``), which MkDocs does not check; what the HTML policy refuses, collected
  (pages it found clean are kept in ``.cache/htmlpolicy.json`` by a hash of their HTML,
  the policy and its code, ``oncopress.checks.policy_cache``, and not read again);
- ``check_pass``: an error listing every page the HTML policy refused (before any page
  of the language is written); a WARNING for two pages of one language with the same
  title.
"""

from __future__ import annotations

import hashlib
import html
import logging
import os
import platform
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from oncopress.checks import htmlpolicy, policy_cache
from oncopress.checks.htmlpolicy import locate
from oncopress.cli.build_context import BuildContext
from oncopress.files.cachefile import read_cache, write_cache
from oncopress.pages.pagelimits import nesting_problem, size_problem
from oncopress.pages.pagesafety import html_safe_meta, local_file_message, local_file_urls
from oncopress.pages.titles import duplicate_title_message, duplicate_titles
from oncopress.problems import Problem, summarize_problems

log = logging.getLogger("mkdocs.oncopress.sources")
CACHE_FILE = Path(".cache") / "htmlpolicy.json"


def load_policy_cache(ctx: BuildContext) -> None:
    ctx.policy = policy_cache.load_policy_cache(
        read_cache(ctx.root / CACHE_FILE), _policy_version()
    )


def save_policy_cache(ctx: BuildContext) -> None:
    if not ctx.policy.changed and ctx.policy.used >= ctx.policy.clean:
        return  # the file holds exactly this build's clean pages already
    problem = write_cache(ctx.root / CACHE_FILE, ctx.policy.dumps())
    if problem:  # a read-only checkout: the next build reads every page again
        log.info(f"HTML policy verdicts not cached in {ctx.root / CACHE_FILE}: {problem}")


def _policy_version() -> str:
    """What a verdict depends on besides the page: the policy's code and ``html.parser``."""
    code = Path(htmlpolicy.__file__).read_bytes()
    return f"{hashlib.sha256(code).hexdigest()[:16]}-python-{platform.python_version()}"


def check_sizes(ctx: BuildContext, files: Files) -> None:
    problems = []
    for file in files.documentation_pages():
        if file.abs_src_path is None:
            continue  # made by a plugin, not an editor
        found = size_problem(os.path.getsize(file.abs_src_path), ctx.settings.limits.page_bytes)
        if found is None:  # text that is not UTF-8: the editorial check names its line
            found = nesting_problem(file.content_bytes.decode("utf-8", "replace"))
        if found:
            problems.append(Problem(ctx.path(file), ctx.language_of(file), found))
    if problems:
        raise PluginError(summarize_problems(problems, "Source check"))


def escape_meta(page: Page) -> None:
    page.meta = html_safe_meta(page.meta)


def check_content(ctx: BuildContext, html_text: str, page: Page, locale: str) -> None:
    path = ctx.path(page.file)
    for url in local_file_urls(html_text):
        log.warning(str(Problem(path, locale, local_file_message(url))))
    findings = ctx.policy.findings(html_text, ctx.settings.html_policy)
    if findings:
        refused = [
            Problem(path, locale, message) for message in locate(findings, page.file.content_string)
        ]
        if ctx.refused is None:
            raise PluginError(summarize_problems(refused, "HTML policy check"))
        ctx.refused.extend(refused)


def check_pass(ctx: BuildContext, files: Files, locale: str) -> None:
    refused, ctx.refused = ctx.refused, None
    if refused:
        raise PluginError(summarize_problems(refused, "HTML policy check"))
    titles = [
        (ctx.path(file), html.unescape(file.page.title))
        for file in files.documentation_pages()
        if file.page is not None and file.page.title and ctx.language_of(file) == locale
    ]
    for path, first, title in duplicate_titles(titles):
        log.warning(str(Problem(path, locale, duplicate_title_message(first, title))))
