"""The gates a build runs before it reads a page, without MkDocs: the settings of
``extra:``, the source folder, the bibliography, the editorial setup (reviewer registry,
ledger, build date), placeholder addresses in the settings and the site chrome.

``./tasks check`` runs them first, and so does every build: the oncopress plugin's first
step (``oncopress.cli.build_context.start``) runs ``setup_gates`` with ``in_build=True``
over the configuration MkDocs read, logs their lines and stops at the first error.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import validators

from oncopress.checks.editorial_build import EditorialBuild, SetupError, start_build
from oncopress.checks.gate_lines import GateRun, Severity
from oncopress.checks.language_gates import language_gate
from oncopress.checks.page_html import MarkdownSetupError, PageRenderer
from oncopress.checks.placeholder_hosts import (
    is_placeholder_host,
    placeholder_settings,
    setting_message,
    site_url_allowed,
    site_url_message,
    url_host,
)
from oncopress.checks.preflight import Rules
from oncopress.checks.review import sample_reviewer_problems
from oncopress.citations.bibfile import (
    BibliographyError,
    load_bibliography,
    located_problems,
    warn_bibliography,
)
from oncopress.pages.site_chrome import chrome_problems
from oncopress.pages.sourcetree import (
    find_language_like_folders,
    link_problems,
    missing_language_folder,
    summarize_links,
)
from oncopress.search.indexes import SearchSettingsError, read_synonyms
from oncopress.settings.language_folders import LanguageSettingsError, shown_folders
from oncopress.settings.platform import PlatformConfig
from oncopress.settings.reader import SettingsError
from oncopress.settings.site import SiteSettings, read_site_settings
from oncopress.system import tasks_command

FALLBACK = (
    "mkdocs.yml: set 'fallback_to_default: false' for the i18n plugin: a page "
    "missing in one language must fail the build or show a 'translation_status: "
    "pending' notice, never the other language's text"
)


@dataclass(frozen=True)
class Setup:
    """What the page gates need from the setup gates."""

    settings: SiteSettings
    state: EditorialBuild
    rules: Rules
    renderer: PageRenderer | None  # None in a build: MkDocs renders the pages
    # The project with every language's chrome texts joined to extra (language_gate).
    platform: PlatformConfig


def setup_gates(
    platform: PlatformConfig,
    run: GateRun,
    environ: Mapping[str, str],
    clock: Callable[[], date],
    *,
    in_build: bool = False,
    serving: bool = False,
) -> Setup | None:
    """Every gate before the pages, in the build's order; None when one failed (the
    pages are not read). ``in_build``: the build's first step, for which MkDocs has
    checked the Markdown extensions and mkdocs-bibtex fetches a bibliography given as a
    web address; ``serving``: the build is the preview's."""
    with_labels = language_gate(platform, run)
    platform = with_labels or platform
    settings = _settings(platform, run)
    _source_folder(platform, run)
    keys, source, unprintable = _bibliography(platform, run, in_build)
    renderer = None if in_build else _renderer(platform, run)
    state = _editorial_setup(platform, run, environ, clock, serving) if settings else None
    _placeholder_settings(platform, run)
    # chrome_problems reads the sections read_site_settings checks, with every language's
    # texts (a language whose labels failed is named once, by language_gate).
    if settings is not None and with_labels is not None:
        for problem in chrome_problems(platform.site_names(), platform.extra):
            run.add(Severity.WARNING, problem)
    if settings is None or state is None or keys is None or (renderer is None and not in_build):
        return None
    if with_labels is None:
        return None
    if run.count(Severity.ERROR):
        return None
    state.reference_problems = unprintable
    if renderer is not None:
        renderer.glossaries = state.glossaries
    today, original = state.report.today, platform.default_locale
    rules = Rules(
        state.registry, keys, source, today, original, unprintable, glossaries=state.glossaries
    )
    return Setup(settings, state, rules, renderer, platform)


def _settings(platform: PlatformConfig, run: GateRun) -> SiteSettings | None:
    """Every section of ``extra:``, and the search synonyms."""
    try:
        settings = read_site_settings(platform.extra)
        read_synonyms(platform.extra.get("search_synonyms"), platform.build_locales)
    except (SettingsError, SearchSettingsError) as error:
        run.add(Severity.ERROR, error)
        return None
    return settings


def _source_folder(platform: PlatformConfig, run: GateRun) -> None:
    """Each language's folder of pages: it exists, and its links, names and the
    folders of ``docs/`` named like a language code are safe."""
    docs, root = platform.docs_dir, platform.root
    if not docs.is_dir():
        shown = os.path.relpath(docs, root)
        run.add(Severity.ERROR, f"mkdocs.yml: docs_dir '{shown}' is not a folder of the project")
        return
    try:
        folders = platform.language_folders()
    except LanguageSettingsError as error:
        run.add(Severity.ERROR, error)
        return
    problems = []
    for locale, folder in folders.items():
        if folder.is_dir():
            problems += link_problems(folder, root)
        elif platform.languages is not None:
            problems.append(missing_language_folder(folder, root, locale))
    if platform.theme_dir is not None:
        problems += link_problems(platform.theme_dir, root)
    if platform.languages is not None:
        others = shown_folders(folders, root)
        others.pop(platform.default_locale, None)
        problems += find_language_like_folders(docs, root, others)
    if problems:  # one message, as a build stops with it
        run.add(Severity.ERROR, summarize_links(problems))


def _bibliography(
    platform: PlatformConfig, run: GateRun, in_build: bool
) -> tuple[frozenset[str] | None, str, dict[str, tuple[str, ...]]]:
    """The checks of the files mkdocs-bibtex reads: every key, and the problems of each
    entry the house style cannot print as it is (a page citing one is refused)."""
    options = platform.bibliography
    if options is None:
        run.add(Severity.ERROR, "mkdocs.yml: the 'bibtex' plugin (mkdocs-bibtex) is not configured")
        return None, "", {}
    if options.bib_file and validators.url(options.bib_file):
        if in_build:  # mkdocs-bibtex fetches it; the editorial check reads its keys
            return frozenset(), options.bib_file, {}
        run.add(
            Severity.ERROR,
            f"Bibliography '{options.bib_file}' is a web address: {tasks_command('check')} "
            "reads only files; save it next to mkdocs.yml and name that file in 'bib_file'",
        )
        return None, options.bib_file, {}
    if options.bib_file:
        files = [(platform.root / options.bib_file, options.bib_file)]
    elif options.bib_dir:
        folder = Path(options.bib_dir)
        files = [(p, os.path.relpath(p, platform.root)) for p in sorted(folder.rglob("*.bib"))]
    else:
        run.add(Severity.ERROR, "mkdocs.yml: the bibtex plugin needs 'bib_file' or 'bib_dir'")
        return None, "", {}
    keys: set[str] = set()
    read: list[tuple[str, bytes]] = []
    failed = False
    for path, name in files:
        if not path.is_file():
            run.add(
                Severity.ERROR,
                f"Bibliography '{name}' not found: create it next to mkdocs.yml or fix "
                "'bib_file' of the bibtex plugin in mkdocs.yml",
            )
            failed = True
            continue
        data = path.read_bytes()
        try:
            keys.update(load_bibliography(data, name).entries)
            read.append((name, data))
        except BibliographyError as error:
            run.add(Severity.ERROR, error)
            failed = True
            continue
        for warning in warn_bibliography(data, name):
            run.add(Severity.WARNING, warning)
    source = str(options.bib_file or options.bib_dir)
    return (None if failed else frozenset(keys)), source, located_problems(read)


def _renderer(platform: PlatformConfig, run: GateRun) -> PageRenderer | None:
    options = platform.bibliography
    commands = (options.bib_command, options.full_bib_command) if options else ()
    try:
        return PageRenderer(platform.extensions, platform.extension_configs, commands)
    except MarkdownSetupError as error:
        run.add(Severity.ERROR, error)
        return None


def _editorial_setup(
    platform: PlatformConfig,
    run: GateRun,
    environ: Mapping[str, str],
    clock: Callable[[], date],
    serving: bool,
) -> EditorialBuild | None:
    """The editorial setup: reviewer registry, ledger and build date."""
    if platform.languages is None:
        run.add(
            Severity.ERROR, "mkdocs.yml: the 'i18n' plugin (mkdocs-static-i18n) is not configured"
        )
        return None
    if platform.fallback_to_default:
        run.add(Severity.ERROR, FALLBACK)
        return None
    try:
        state = start_build(
            platform.root,
            platform.extra,
            platform.build_locales,
            platform.site_name,
            serving=serving,
            environ=environ,
            clock=clock,
            read=lambda path: path.read_bytes() if path.is_file() else None,
        )
    except SetupError as error:
        run.add(Severity.ERROR, error)
        return None
    if not (platform.root / state.settings.ledger).is_file():
        name = state.settings.ledger
        run.add(
            Severity.INFO,
            f"No sign-off ledger '{name}' yet: no page is signed off ({tasks_command('sign-off')})",
        )
    for problem in sample_reviewer_problems(state.registry, site_url_allowed(platform.extra)):
        run.add(Severity.WARNING, problem)
    return state


def _placeholder_settings(platform: PlatformConfig, run: GateRun) -> None:
    """Placeholder addresses in the settings and ``site_url``."""
    settings = {
        "extra": platform.extra,
        "nav": platform.nav or [],
        "extra_css": list(platform.extra_css),
        "extra_javascript": list(platform.extra_javascript),
    }
    for name, setting in settings.items():
        for key, url in placeholder_settings(setting, name):
            run.add(Severity.WARNING, setting_message(key, url))
    site_url = platform.site_url
    if is_placeholder_host(url_host(site_url)) and not site_url_allowed(platform.extra):
        run.add(Severity.WARNING, site_url_message(site_url))
