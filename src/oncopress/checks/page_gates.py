"""The gates a build runs on the pages, without MkDocs: each page's size and nesting,
style sheets (``on_files``), the editorial check against the sign-off ledger, and each
page's HTML (``on_page_content``: local files, the HTML policy, readability,
placeholder links, third-party loads). Each gives the message its hook gives.
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

from oncopress.checks.gate_lines import GateRun, Severity
from oncopress.checks.htmlpolicy import locate, policy_findings
from oncopress.checks.page_html import PageRenderError
from oncopress.checks.placeholder_hosts import page_message, placeholder_urls
from oncopress.checks.preflight import SourcePage
from oncopress.checks.privacy import (
    css_urls,
    is_third_party,
    third_party_loads,
    third_party_message,
)
from oncopress.checks.setup_gates import Setup
from oncopress.checks.sitecheck import Level, check_site_with_ledger
from oncopress.checks.sourcefiles import SourceFile
from oncopress.pages.frontmatter import FRONT_MATTER, FrontMatterError, read_front_matter
from oncopress.pages.pagelimits import nesting_problem, size_problem
from oncopress.pages.pagesafety import local_file_message, local_file_urls
from oncopress.pages.site_chrome import CONTACT_MARKER, reprint_contact
from oncopress.problems import Problem
from oncopress.quality.readability import extract_prose, hard_to_read_message, measure_readability
from oncopress.quality.readability_cache import ReadabilityCache
from oncopress.settings.language_folders import shown_folders
from oncopress.settings.platform import PlatformConfig
from oncopress.settings.site import SiteSettings


def source_check(pages: list[SourcePage], settings: SiteSettings, run: GateRun) -> set[str]:
    """cli/step_sources.py's ``on_files``: the pages safe to render."""
    safe, problems = set(), []
    for page in pages:
        content = page.content if isinstance(page.content, bytes) else page.content.encode()
        found = size_problem(len(content), settings.limits.page_bytes)
        if found is None:
            found = nesting_problem(content.decode("utf-8", "replace"))
        if found:
            problems.append(Problem(page.path, page.locale, found))
        else:
            safe.add(page.path)
    for problem in sorted(set(problems)):
        run.add(Severity.ERROR, problem)
    return safe


def style_sheets(platform: PlatformConfig, files: list[SourceFile], run: GateRun) -> None:
    """cli/step_gates.py's ``on_files``: style sheets of the sources and the theme
    folder (Material's own are not checked here)."""
    host = urlsplit(platform.site_url).hostname
    sheets = [file.absolute for file in files if file.src_uri.endswith(".css")]
    if platform.theme_dir is not None and platform.theme_dir.is_dir():
        theme = platform.theme_dir
        sheets += sorted(
            path
            for path in theme.rglob("*.css")
            if not any(part.startswith(".") for part in path.relative_to(theme).parts)
        )
    locale = platform.default_locale
    for sheet in sheets:
        shown = os.path.relpath(os.path.realpath(sheet), platform.root).replace(os.sep, "/")
        for url in css_urls(sheet.read_text(encoding="utf-8", errors="replace")):
            if is_third_party(url, host):
                message = third_party_message("a style sheet resource", url)
                run.add(Severity.WARNING, Problem(shown, locale, message))


def editorial_check(
    platform: PlatformConfig, pages: list[SourcePage], setup: Setup, run: GateRun
) -> tuple[set[str], bool]:
    """cli/step_editorial.py's ``on_files``: the pages whose front matter reads (the others
    are not rendered), and False when a page has a problem."""
    # each language's folder from the project folder (docs, docs_es)
    folders = shown_folders(platform.language_folders(), platform.root)
    state = setup.state
    check = check_site_with_ledger(
        pages, setup.rules, folders, state.ledger, stale_level=state.stale_level
    )
    for problem in sorted(set(check.preflight.problems)):
        run.add(Severity.ERROR, problem)
    readable = set(check.preflight.records)
    if check.preflight.problems:
        return readable | _readable(pages, readable), False
    for finding in state.accept(check):
        run.add(Severity.WARNING if finding.level is Level.WARNING else Severity.INFO, finding)
    return readable, True


def _readable(pages: list[SourcePage], known: set[str]) -> set[str]:
    """Of the pages with a problem, those that can still be rendered: UTF-8 text whose
    front matter reads (an unknown reviewer, a bad date...)."""
    found = set()
    for page in pages:
        if page.path not in known:
            try:
                read_front_matter(page.text())
            except FrontMatterError:
                continue
            found.add(page.path)
    return found


# Each page's HTML --------------------------------------------------------------------------


def html_gates(
    platform: PlatformConfig,
    pages: list[SourcePage],
    setup: Setup,
    run: GateRun,
    scores: ReadabilityCache,
) -> None:
    """What the hooks' ``on_page_content`` check, in their order: safeguards (local
    files, the HTML policy), quality, placeholders, chrome, privacy_gate."""
    refused: list[Problem] = []
    hard_to_read: list[Problem] = []
    targets = setup.settings.quality.readability
    renderer = setup.renderer
    assert renderer is not None, "the check's setup renders pages; a build's does not"
    for page in pages:
        text = page.text()  # UTF-8, with front matter that reads (_editorial_check)
        front = FRONT_MATTER.match(text)
        try:
            html = renderer.html(text[front.end() :] if front else text, page.locale)
        except PageRenderError as error:
            run.add(Severity.ERROR, Problem(page.path, page.locale, str(error)))
            continue
        path, locale = page.path, page.locale
        for url in local_file_urls(html):
            run.add(Severity.WARNING, Problem(path, locale, local_file_message(url)))
        findings = policy_findings(html, setup.settings.html_policy)
        if findings:
            refused += [Problem(path, locale, message) for message in locate(findings, text)]
        key = scores.key(html, locale, targets)
        found, result = scores.lookup(key)
        if not found:
            result = measure_readability(extract_prose(html), locale, targets)
            scores.store(key, result)
        if result is not None and not result.meets_target:
            hard_to_read.append(Problem(path, locale, hard_to_read_message(result)))
        for url in placeholder_urls(html):
            run.add(Severity.WARNING, Problem(path, locale, page_message(url)))
        if CONTACT_MARKER in html:
            html = html.replace(CONTACT_MARKER, reprint_contact(platform.extra, locale))
        host = urlsplit(platform.language_site_url(locale)).hostname
        for kind, url in third_party_loads(html, host):
            run.add(Severity.WARNING, Problem(path, locale, third_party_message(kind, url)))
    for problem in sorted(set(refused)):
        run.add(Severity.ERROR, problem)
    for problem in sorted(set(hard_to_read)):
        run.add(Severity.WARNING, problem)


def about_pages(
    platform: PlatformConfig, files: list[SourceFile], settings: SiteSettings, run: GateRun
) -> None:
    """cli/step_editorial.py's ``on_env``: each language's About page, which the stamps
    link reviewers to."""
    about = settings.editorial.about_page
    for locale in platform.build_locales:
        if not any(file.locale == locale and file.uri == about for file in files):
            run.add(Severity.INFO, f"No About page '{about}' in '{locale}': reviewers not linked")
