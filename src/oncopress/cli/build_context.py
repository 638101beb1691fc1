"""Everything one build knows, in one object, and the one place that asks MkDocs and
mkdocs-static-i18n which language a pass builds and where a page's source is.

``BuildContext`` is made when a build starts (the default language's first pass) and
handed to each step (``oncopress.cli.plugin`` runs them); mkdocs-static-i18n's nested
passes of the other languages, and the preview's single-page rebuilds, reuse it.
``Session`` is what outlives builds: MkDocs' command and what the preview's rebuilds
reuse. Nothing else holds state between MkDocs events.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from oncopress.checks.editorial_build import EditorialBuild
from oncopress.checks.gate_lines import GateRun, Severity
from oncopress.checks.policy_cache import PolicyCache
from oncopress.checks.preflight import language_of, source_path
from oncopress.checks.setup_gates import setup_gates
from oncopress.citations.sequence_cache import CitationPieces
from oncopress.cli.seams import SourceNames
from oncopress.pages.redirects import Redirect
from oncopress.pdf.pdf_settings import PdfSettings
from oncopress.problems import Problem
from oncopress.quality.readability import ReadabilityTargets
from oncopress.quality.readability_cache import ReadabilityCache
from oncopress.search.shards import IndexedPage
from oncopress.settings.language_folders import LanguageSettingsError
from oncopress.settings.platform import Bibliography, Language, PlatformConfig
from oncopress.settings.site import SiteSettings

if TYPE_CHECKING:  # imported where PDFs are made: a build without PDFs never loads them
    from oncopress.pdf.handout import PageSource

log = logging.getLogger("mkdocs.oncopress.setup")


@dataclass
class Session:
    """What outlives one build: MkDocs' command, and what the next build reuses."""

    command: str | None = None
    dirty: bool = False
    # Rendered citation skeletons: (skeleton, Markdown settings) -> pieces (None: unusable).
    citations: dict[tuple[str, str], CitationPieces | None] = field(default_factory=dict)
    # Gives MkDocs' page messages the pages' source paths (docs_es/care.md).
    source_names: SourceNames = field(default_factory=SourceNames)

    @property
    def one_shot(self) -> bool:
        """A build the process ends with (``mkdocs build``, ``gh-deploy``), not the preview."""
        return self.command in ("build", "gh-deploy")


@dataclass(frozen=True)
class Languages:
    """The site's languages, as mkdocs-static-i18n is configured."""

    default: str
    all: tuple[str, ...]
    build: tuple[str, ...]


@dataclass
class Citations:
    """One language pass's citation rendering (``oncopress.cli.step_citations``)."""

    # The Markdown extensions and their settings in this pass, as text ("": the pass
    # cannot use the rendered sequences).
    settings: str = ""
    # Pages waiting for their pieces: (source, language) -> (footnote Markdown, pieces).
    waiting: dict[tuple[str, str], tuple[str, CitationPieces]] = field(default_factory=dict)


@dataclass
class Pdfs:
    """What the PDFs need, collected while every language is built."""

    settings: PdfSettings = field(default_factory=lambda: PdfSettings(enabled=False, workers=1))
    pages: dict[str, list[PageSource]] = field(default_factory=dict)
    chrome: dict[str, Any] = field(default_factory=dict)
    nav: dict[str, list[str]] = field(default_factory=dict)
    list_pages: list[tuple[Path, str, str]] = field(default_factory=list)


@dataclass
class BuildContext:
    """Everything one build (all languages) knows."""

    session: Session
    root: Path  # the project folder, links resolved
    settings: SiteSettings
    languages: Languages
    # Each language's folder of pages (oncopress.settings.language_folders): docs_dir for
    # the default language, docs_es/ for Spanish.
    folders: dict[str, Path]
    # extra: with each language's chrome texts from its labels file (language_gate).
    extra: dict[str, Any] = field(default_factory=dict)
    editorial: EditorialBuild | None = None  # started once mkdocs-static-i18n set the language
    # Pages the HTML policy refused in this language pass; None outside a full pass (the
    # preview re-rendering one page): then a refused page stops at once.
    refused: list[Problem] | None = None
    policy: PolicyCache = field(default_factory=lambda: PolicyCache(""))  # clean pages
    readability_targets: ReadabilityTargets = field(default_factory=ReadabilityTargets)
    readability: ReadabilityCache = field(default_factory=lambda: ReadabilityCache(""))
    hard_to_read: list[Problem] = field(default_factory=list)  # every language's
    citations: Citations = field(default_factory=Citations)
    pdfs: Pdfs = field(default_factory=Pdfs)
    not_found_pages: dict[str, str] = field(default_factory=dict)  # language -> 404 page
    # Old page path -> its move, chains followed (redirects.yml), and each language's
    # pages by their path in that language (oncopress.cli.step_redirects).
    redirects: dict[str, Redirect] = field(default_factory=dict)
    language_pages: dict[str, set[str]] = field(default_factory=dict)
    strict_held: bool = False  # strict mode, held off during the nested language passes
    # Pages' articles kept for the search index: from a build's start until it is indexed
    # (not for the preview's re-render of one page, which leaves the index as it was);
    # each language's pages read for it (oncopress.search.sections).
    keep_articles: bool = False
    search_pages: dict[str, list[IndexedPage]] = field(default_factory=dict)

    @property
    def book(self) -> EditorialBuild:
        """The editorial state (started in the first pass, after mkdocs-static-i18n's)."""
        if self.editorial is None:
            raise PluginError("the editorial check did not start (mkdocs-static-i18n missing?)")
        return self.editorial

    def path(self, file: File) -> str:
        """The source's path from the project folder: ``docs_es/care.md`` (from its
        language's folder: mkdocs-static-i18n's copies of a file, such as a page's
        ``alternates``, do not say where it is)."""
        if file.abs_src_path is None:
            return file.src_uri
        locale, uri = language_of(file.src_uri, list(self.languages.all), self.languages.default)
        if locale != self.languages.default and locale in self.folders:
            return source_path(str(self.folders[locale] / uri), file.src_uri, str(self.root))
        return source_path(file.abs_src_path, file.src_uri, str(self.root))

    def source_name(self, src_uri: str, docs_dir: str) -> str:
        """A path in the docs folder as MkDocs names it (``es/care.md``, also of a file
        that does not exist) as a path from the project folder (``docs_es/care.md``)."""
        locale, uri = language_of(src_uri, list(self.languages.all), self.languages.default)
        folder = str(self.folders[locale]) if locale in self.folders else docs_dir
        if locale not in self.folders and locale != self.languages.default:
            folder = os.path.join(docs_dir, locale)
        return f"{source_path(folder, '', str(self.root))}/{uri}"

    def language_of(self, file: File) -> str:
        """The language a source is written in (from its folder)."""
        return language_of(file.src_uri, list(self.languages.all), self.languages.default)[0]


def start(session: Session, config: MkDocsConfig) -> BuildContext:
    """The context of a build starting now, after the gates ``./tasks check`` runs first
    (``oncopress.checks.setup_gates``: settings, source folder, bibliography, editorial
    setup, placeholder settings, chrome), over the configuration MkDocs read: their
    warnings and notes logged, the first error stops the build."""
    run, platform = GateRun(), platform_config(config)
    setup = setup_gates(
        platform,
        run,
        os.environ,
        date.today,
        in_build=True,
        serving=session.command == "serve",
    )
    for line in run.lines:
        if line.severity is Severity.ERROR:
            raise PluginError(line.text)
        (log.warning if line.severity is Severity.WARNING else log.info)(line.text)
    assert setup is not None  # no error: every gate passed
    return BuildContext(
        session,
        project_root(config),
        setup.settings,
        languages(config),
        platform.language_folders(),
        setup.platform.extra,
        editorial=setup.state,
    )


def platform_config(config: MkDocsConfig) -> PlatformConfig:
    """What the gates read of mkdocs.yml, from the configuration MkDocs validated."""
    plugin = i18n(config)
    theme_dir = config.theme.custom_dir
    options = bibtex(config, loaded=False).config
    return PlatformConfig(
        root=project_root(config),
        docs_dir=Path(config.docs_dir),
        theme_dir=Path(theme_dir) if theme_dir else None,
        theme_language=str(config.theme["language"]),
        site_name=config.site_name,
        site_url=config.site_url or "",
        languages=tuple(
            Language(
                str(language.locale),
                bool(language.default),
                bool(language.build),
                language.site_name,
                language.site_url,
            )
            for language in plugin.config.languages
        ),
        fallback_to_default=bool(plugin.config.fallback_to_default),
        bibliography=Bibliography(
            options.bib_file, options.bib_dir, options.bib_command, options.full_bib_command
        ),
        extensions=tuple(config.markdown_extensions),
        extension_configs=dict(config.mdx_configs),
        extra=dict(config.extra),
        nav=config.nav,
        extra_css=tuple(config.extra_css),
        extra_javascript=tuple(str(script) for script in config.extra_javascript),
    )


def source_folders(config: MkDocsConfig) -> list[str]:
    """Every language's folder of pages, docs_dir first, as the preview watches them
    before the first build (only docs_dir while a setting is wrong: the build says what)."""
    try:
        return [str(folder) for folder in platform_config(config).language_folders().values()]
    except (PluginError, LanguageSettingsError):
        return [str(config.docs_dir)]


def i18n(config: MkDocsConfig) -> Any:
    """mkdocs-static-i18n's plugin, which the site cannot be built without."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError(
            "oncopress plugin: the 'i18n' plugin (mkdocs-static-i18n) is not configured"
        )
    return plugin


def bibtex(config: MkDocsConfig, loaded: bool = True) -> Any:
    """mkdocs-bibtex's plugin (``loaded``: with its registry, once its on_config ran)."""
    plugin = config.plugins.get("bibtex")
    if plugin is None or (loaded and plugin.registry is None):
        raise PluginError("oncopress plugin: the 'bibtex' plugin (mkdocs-bibtex) is not configured")
    return plugin


def language(config: MkDocsConfig) -> str:
    """The language this pass builds."""
    plugin = i18n(config)
    return str(plugin.current_language or plugin.default_language)


def nested(config: MkDocsConfig) -> bool:
    """Whether this pass is mkdocs-static-i18n's nested build of another language (or
    the preview's rebuild of one page), not the start of a build."""
    return bool(i18n(config).building)


def first_pass(config: MkDocsConfig) -> bool:
    """The default language's pass of a full build, which checks every language."""
    plugin = i18n(config)
    return not plugin.building and plugin.current_language == plugin.default_language


def languages(config: MkDocsConfig) -> Languages:
    plugin = i18n(config)
    return Languages(
        str(plugin.default_language),
        tuple(plugin.all_languages),
        tuple(plugin.build_languages),
    )


def project_root(config: MkDocsConfig) -> Path:
    return _resolved_parent(str(config.config_file_path))


@functools.cache  # asked for every page: resolving the path each time cost 0.6 s at 200+200
def _resolved_parent(config_file: str) -> Path:
    return Path(config_file).parent.resolve()
