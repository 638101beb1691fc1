"""Re-render only the page an editor saved, and the few pages whose notices it changed.

A full build of a site with hundreds of pages per language takes tens of seconds;
most saves change one page's text and nothing that other pages show. After each
successful full build the preview (``tools/serve.py``) keeps what MkDocs built in
memory: each language's files, navigation and template environment (captured by a
small plugin it adds to the build), and a fingerprint of every page. When the only
file that changed since is a page of that build, and

- its front matter is the same text (title, dates, reviewers, translation state: what
  the navigation, the counterpart's notices and the editorial checks read),
- it cites the same reference keys, in the same order (footnotes, JSON-LD),
- its title and its headings' anchors stay the same (other pages link to them),
- no problem of the last build names it (the sign-off ledger's lines aside: drafts and
  stale translations), and rendering it logs no warning or error,
- its prose still meets its language's readability target,

then it puts the configuration back in that page's language (every plugin's
``on_config`` and ``on_pre_build`` in a language pass, as mkdocs-static-i18n's own
nested builds do) and renders that page with MkDocs' own code (``oncopress.cli.seams``).
Then the editorial step checks the site again with the page's saved text (``recheck`` of
the oncopress plugin: only that page is read and checked again, the others are
taken from the last check), which says whether the page is signed off or a draft now,
whether each translation is current or stale, and which pages' stamp, notices or
JSON-LD that changed: the first edit of a signed-off English page makes it a draft and
its Spanish translation stale, undoing the edit makes both as they were. When the
check's findings changed, it logs them all again and writes the editorial report
again, as a full build does, and the preview's warnings panel shows the new lines in
place of the old. MkDocs' own page writing then writes the saved page and each page
whose notices changed (in its own language pass, at most ``MAX_PAGES`` in all).
Anything else, or any doubt, gives a full build.

The pages written, and the warnings panel, are byte for byte what a full build gives
(``tests/e2e/test_preview_incremental.py``); what is left until the next full build:
the search index holds the page's previous text, and the editorial report
(``editorial-report.*``) its previous readability score.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE

from oncopress.checks.editorial_build import Recheck
from oncopress.checks.sitecheck import Level
from oncopress.citations.references import cited_keys
from oncopress.cli.plugin import OncopressPlugin
from oncopress.cli.seams import build_page, enter_language_pass, leave_language_pass, populate_page
from oncopress.ledger.signoff import LEDGER_OPENINGS
from oncopress.quality.quality_settings import read_quality_settings
from oncopress.quality.readability import ReadabilityTargets, extract_prose, measure_readability

log = logging.getLogger("mkdocs.preview")
CAPTURE = "preview-capture"
MAX_PAGES = 5  # the saved page and those whose notices it changed: more, a full build


@dataclass(frozen=True)
class Fingerprint:
    """What other pages, the navigation and the editorial checks read from a page."""

    front_matter: str
    citations: tuple[str, ...]
    title: str | None
    anchors: tuple[str, ...]


@dataclass
class Language:
    """One language pass of the last full build."""

    files: Files
    nav: Navigation
    env: Any
    pages: dict[str, File] = field(default_factory=dict)  # real source path -> file


class Capture(BasePlugin):  # type: ignore[type-arg]
    """Keeps each language pass's files, navigation and environment of one build, and
    how many ``problems`` lines were logged before the editorial check's."""

    def __init__(self, problems: Sequence[str] = ()) -> None:
        super().__init__()
        self.languages: dict[str, Language] = {}
        self.check_at: int | None = None
        self._nav: Navigation | None = None
        self._problems = problems

    @event_priority(1)  # just before the plugin's editorial check (0), in the first language pass
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.check_at is None:
            self.check_at = len(self._problems)
        return files

    @event_priority(-1000)  # after every other plugin changed them
    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    @event_priority(-1000)
    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        assert self._nav is not None
        pages = {
            os.path.realpath(file.abs_src_path): file
            for file in files.documentation_pages()
            if file.abs_src_path
        }
        self.languages[_locale(config)] = Language(files, self._nav, env, pages)
        return env


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter block, body) of a page's source, as MkDocs splits them."""
    match = YAML_RE.match(text.lstrip("\ufeff"))
    if match is None:
        return "", text
    return match.group(0), text.lstrip("\ufeff")[match.end() :]


def fingerprint(text: str, page: Page) -> Fingerprint:
    front, body = split_front_matter(text)
    return Fingerprint(front, tuple(cited_keys(body)), page.title, _anchors(page))


def _anchors(page: Page) -> tuple[str, ...]:
    found: list[str] = []
    stack = list(page.toc)
    while stack:
        item = stack.pop(0)
        found.append(item.id)
        stack[:0] = list(item.children)
    return tuple(found)


def _locale(config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    return str(i18n.current_language if i18n else config.theme["language"])


@dataclass(frozen=True)
class Rebuilt:
    """A save re-rendered without a full build."""

    pages: tuple[str, ...]  # their sources from the project root, the saved page first
    # The messages of the editorial check's WARNING lines the last build logged, when
    # the check logged new lines in their place (None: its lines are as they were).
    replaced: tuple[str, ...] | None = None


class Incremental:
    """The last full build, kept in memory to re-render one saved page."""

    def __init__(self) -> None:
        self.config: MkDocsConfig | None = None
        self.capture = Capture()
        self.fingerprints: dict[str, Fingerprint] = {}

    @property
    def check_at(self) -> int:
        """How many problem lines the last full build logged before the editorial
        check's: where that check's lines go when it had none."""
        return self.capture.check_at or 0

    def prepare(self, config: MkDocsConfig, problems: Sequence[str] = ()) -> None:
        """Before a full build: capture its language passes (``problems``: the lines the
        preview collects from it, to tell where the editorial check's lines begin)."""
        self.config, self.fingerprints = None, {}
        self.capture = Capture(problems)
        config.plugins[CAPTURE] = self.capture

    def remember(self, config: MkDocsConfig) -> None:
        """After a successful full build: fingerprint every page it rendered."""
        prints: dict[str, Fingerprint] = {}
        for language in self.capture.languages.values():
            for path, file in language.pages.items():
                if file.page is None or file.page.markdown is None:
                    continue
                try:
                    text = Path(path).read_text(encoding="utf-8-sig")
                except (OSError, UnicodeDecodeError):
                    continue
                prints[path] = fingerprint(text, file.page)
        self.config, self.fingerprints = config, prints

    def forget(self) -> None:
        self.config, self.fingerprints = None, {}

    def rebuild_page(self, path: str, problems: Iterable[str], root: Path) -> Rebuilt | None:
        """Re-render the page whose source is ``path``, and the pages whose editorial
        notices that changes; None when a full build is needed.

        ``problems`` are the last build's problem lines: a page one of them names (by
        its path from ``root``, the project folder, or MkDocs' ``src_uri``) gets a full
        build, which reports it afresh."""
        config, real = self.config, os.path.realpath(path)
        old = self.fingerprints.get(real)
        if config is None or old is None:
            return _full(f"no page of the last build at {real}")
        found = self._passes(real)
        if len(found) != 1:
            return _full(f"{len(found)} language passes built {real}")
        locale, language = found[0]
        file = language.pages[real]
        page = file.page
        names = (f"'{file.src_uri}'", f"'{os.path.relpath(real, root)}'")
        # The ledger's lines (drafts, stale translations) are not problems of the page's
        # text: the editorial check says them again (_render).
        problems = [
            line for line in problems if not any(f"): {o}" in line for o in LEDGER_OPENINGS)
        ]
        if page is None or any(name in line for line in problems for name in names):
            return _full("the last build reported a problem with this page")
        try:
            text = Path(real).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            return _full("cannot read the page")
        front, body = split_front_matter(text)
        if (front, tuple(cited_keys(body))) != (old.front_matter, old.citations):
            return _full("its front matter or citations changed")
        try:
            if not self._populate(config, locale, language, page, old):
                return None
            rebuilt = self._build(config, root, language, page)
        except Exception as error:  # anything unexpected: the full build reports it properly
            rebuilt = _full(f"{type(error).__name__}: {error}")
        finally:
            leave_language_pass(config)
        if rebuilt is None:  # the editorial check may have moved on: only a full build now
            self.forget()
        return rebuilt

    def _passes(self, real: str) -> list[tuple[str, Language]]:
        """The language passes that built the source ``real``."""
        return [
            (locale, language)
            for locale, language in self.capture.languages.items()
            if real in language.pages
        ]

    def _populate(
        self, config: MkDocsConfig, locale: str, language: Language, page: Page, old: Fingerprint
    ) -> bool:
        """Render the saved page's Markdown in its language pass; False (a full build is
        needed) when what other pages read of it changed, or it logged a problem."""
        with _Trouble() as trouble:
            config = _in_language(config, locale)
            populate_page(page, config, language.files)
            if page.title != old.title or _anchors(page) != old.anchors:
                return _refuse("its title or headings changed")
            targets = read_quality_settings(config.extra).readability
            score = measure_readability(extract_prose(page.content or ""), locale, targets)
            if score is not None and not score.meets_target:
                return _refuse("it misses its readability target")
            page.validate_anchor_links(
                files=language.files, log_level=config.validation.links.anchors
            )
        return not trouble.seen or _refuse("rendering it logged a problem")

    def _build(
        self, config: MkDocsConfig, root: Path, language: Language, page: Page
    ) -> Rebuilt | None:
        """Check the site again with the saved page, then write it and every page whose
        notices that changed (each in its language pass)."""
        # Outside _Trouble: the check logs its findings again (warnings, some of them)
        # when they changed, as a full build logs them.
        checked = _recheck(config, page.file)
        if checked is None:
            return _full("the editorial check finds a problem")
        others: list[tuple[str, Language, Page]] = []
        for source in checked.pages:
            real = os.path.realpath(root / source)
            found = self._passes(real)
            other = found[0][1].pages[real].page if len(found) == 1 else None
            if other is None:
                return _full(f"no page of the last build at {real}, whose notices changed")
            if other is not page:
                others.append((found[0][0], found[0][1], other))
        if 1 + len(others) > MAX_PAGES:
            return _full(f"the notices of {len(others)} other pages changed")
        with _Trouble() as trouble:
            build_page(
                page, config, language.files.documentation_pages(), language.nav, language.env
            )
            for other_locale, other_language, other in others:
                config = _in_language(config, other_locale)
                populate_page(other, config, other_language.files)
                files = other_language.files.documentation_pages()
                build_page(other, config, files, other_language.nav, other_language.env)
        if trouble.seen:
            return _full("rendering it logged a problem")
        replaced = None
        if checked.after != checked.before:
            replaced = tuple(str(f) for f in checked.before if f.level is Level.WARNING)
        pages = [page, *(other for _, _, other in others)]
        shown = tuple(_source(other, root) for other in pages)
        return Rebuilt(shown, replaced)


def _in_language(config: MkDocsConfig, locale: str) -> MkDocsConfig:
    """The configuration put back in ``locale``'s language pass, as mkdocs-static-i18n's
    nested builds do: every plugin's ``on_config`` and ``on_pre_build`` again."""
    enter_language_pass(config, locale)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    return config


def _recheck(config: MkDocsConfig, file: File) -> Recheck | None:
    """The editorial check of the saved page (the oncopress plugin's ``recheck``);
    without the plugin, nothing to check: no page's notices change."""
    plugin = config.plugins.get("oncopress")
    if isinstance(plugin, OncopressPlugin):
        return plugin.recheck(config, file)
    return Recheck((), (), ())


def _source(page: Page, root: Path) -> str:
    return os.path.relpath(os.path.realpath(page.file.abs_src_path or ""), root)


def warm_up() -> None:
    """Score one English sentence, so textstat loads its pronouncing dictionary (1 to
    2 s) now rather than on the first English save: with warm readability caches a
    full build may never have needed it. Run before the preview starts serving: in a
    background thread under load it was still loading at the first save (5.5 s)."""
    measure_readability("Warm up the scores now.", "en", ReadabilityTargets(min_words=1))


def _full(reason: str) -> None:
    log.debug(f"Full build: {reason}")
    return None


def _refuse(reason: str) -> bool:
    _full(reason)
    return False


class _Trouble(logging.Handler):
    """While in use: whether MkDocs' loggers logged a warning or an error."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True

    def __enter__(self) -> _Trouble:
        logging.getLogger("mkdocs").addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("mkdocs").removeHandler(self)
