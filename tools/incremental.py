"""Re-render only the page an editor saved, when nothing else can have changed.

A full build of a site with hundreds of pages per language takes tens of seconds;
most saves change one page's text and nothing that other pages show. After each
successful full build the preview (``tools/serve.py``) keeps what MkDocs built in
memory: each language's files, navigation and template environment (captured by a
small plugin it adds to the build), and a fingerprint of every page. When the only
file that changed since is a page of that build, and

- its front matter is the same text (title, dates, reviewers, translation state: what
  the navigation, the counterpart's notices and the editorial checks read),
- the edit changes nothing the sign-off ledger says: the page stays signed off (or
  stays a draft), and each translation of it stays current (or stays stale),
- it cites the same reference keys, in the same order (footnotes, JSON-LD),
- its title and its headings' anchors stay the same (other pages link to them),
- no problem of the last build names it, and rendering it logs no warning or error,
- its prose still meets its language's readability target,

then it puts the configuration back in that page's language (every plugin's
``on_config`` and ``on_pre_build`` in a language pass, as mkdocs-static-i18n's own
nested builds do), runs MkDocs' own ``_populate_page`` and ``_build_page`` for that
page, and writes it. Anything else, or any doubt, gives a full build.

The page written is byte for byte what a full build writes
(``tests/e2e/test_preview_incremental.py``); what is left until the next full build:
the search index and the editorial report (``editorial-report.*``) still hold the
page's previous text and readability score.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import YAML_RE
from oncopress.citations import cited_keys
from oncopress.editorial_build import load_ledger
from oncopress.fingerprint import fingerprint_page
from oncopress.frontmatter import FrontMatterError, read_front_matter
from oncopress.preflight import source_path
from oncopress.quality_settings import read_quality_settings
from oncopress.readability import ReadabilityTargets, extract_prose, measure_readability
from oncopress.settings import read_settings
from oncopress.signoff import LEDGER_OPENINGS, changes_sign_off

log = logging.getLogger("mkdocs.preview")
CAPTURE = "preview-capture"


@dataclass(frozen=True)
class Fingerprint:
    """What other pages, the navigation and the editorial checks read from a page."""

    front_matter: str
    citations: tuple[str, ...]
    title: str | None
    anchors: tuple[str, ...]
    signed_text: str  # what the sign-off ledger fingerprints (oncopress.fingerprint)


@dataclass
class Language:
    """One language pass of the last full build."""

    files: Files
    nav: Navigation
    env: Any
    pages: dict[str, File] = field(default_factory=dict)  # real source path -> file


class Capture(BasePlugin):  # type: ignore[type-arg]
    """Keeps each language pass's files, navigation and environment of one build."""

    def __init__(self) -> None:
        super().__init__()
        self.languages: dict[str, Language] = {}
        self._nav: Navigation | None = None

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
    return Fingerprint(
        front, tuple(cited_keys(body)), page.title, _anchors(page), signed_text(text)
    )


def signed_text(text: str) -> str:
    """The page's fingerprint as the sign-off ledger records it ("" if unreadable)."""
    try:
        return fingerprint_page(*read_front_matter(text)).digest
    except FrontMatterError:
        return ""


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


class Incremental:
    """The last full build, kept in memory to re-render one saved page."""

    def __init__(self) -> None:
        self.config: MkDocsConfig | None = None
        self.capture = Capture()
        self.fingerprints: dict[str, Fingerprint] = {}

    def prepare(self, config: MkDocsConfig) -> None:
        """Before a full build: capture its language passes."""
        self.config, self.fingerprints = None, {}
        self.capture = Capture()
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

    def rebuild_page(self, path: str, problems: Iterable[str], root: Path) -> bool:
        """Re-render the page whose source is ``path``; False when a full build is needed.

        ``problems`` are the last build's problem lines: a page one of them names (by
        its path from ``root``, the project folder, or MkDocs' ``src_uri``) gets a full
        build, which reports it afresh."""
        config, real = self.config, os.path.realpath(path)
        old = self.fingerprints.get(real)
        if config is None or old is None:
            return _full(f"no page of the last build at {real}")
        found = [
            (locale, language)
            for locale, language in self.capture.languages.items()
            if real in language.pages
        ]
        if len(found) != 1:
            return _full(f"{len(found)} language passes built {real}")
        locale, language = found[0]
        file = language.pages[real]
        page = file.page
        names = (f"'{file.src_uri}'", f"'{os.path.relpath(real, root)}'")
        # The ledger's lines (drafts, stale translations) are not problems of the page's
        # text: whether an edit changes them is what _changes_sign_off asks.
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
        if self._changes_sign_off(config, real, root, old.signed_text, signed_text(text)):
            return _full("the edit changes what the sign-off ledger says of it")
        return self._render(config, locale, language, page, old)

    def _changes_sign_off(
        self, config: MkDocsConfig, real: str, root: Path, before: str, after: str
    ) -> bool:
        try:
            name = read_settings(config.extra).ledger
            ledger_file = root / name
            data = ledger_file.read_bytes() if ledger_file.is_file() else None
            ledger = load_ledger(data, name)
        except ValueError:
            return True  # the full build says what is wrong
        path = source_path(real, real, str(root))
        return changes_sign_off(path, before, after, ledger)

    def _render(
        self, config: MkDocsConfig, locale: str, language: Language, page: Page, old: Fingerprint
    ) -> bool:
        i18n = config.plugins.get("i18n")
        if i18n is not None:  # a language pass of the same run, as i18n's nested builds
            i18n.current_language, i18n.building = locale, True
        trouble = _Trouble()
        logging.getLogger("mkdocs").addHandler(trouble)
        try:
            config = config.plugins.on_config(config)
            config.plugins.on_pre_build(config=config)
            _populate_page(page, config, language.files)
            if page.title != old.title or _anchors(page) != old.anchors:
                return _full("its title or headings changed")
            targets = read_quality_settings(config.extra).readability
            score = measure_readability(extract_prose(page.content or ""), locale, targets)
            if score is not None and not score.meets_target:
                return _full("it misses its readability target")
            page.validate_anchor_links(
                files=language.files, log_level=config.validation.links.anchors
            )
            if trouble.seen:
                return _full("rendering it logged a problem")
            _build_page(
                page, config, language.files.documentation_pages(), language.nav, language.env
            )
            return not trouble.seen or _full("rendering it logged a problem")
        except Exception as error:  # anything unexpected: the full build reports it properly
            return _full(f"{type(error).__name__}: {error}")
        finally:
            logging.getLogger("mkdocs").removeHandler(trouble)
            if i18n is not None:
                i18n.building = False


def warm_up() -> None:
    """Score one English sentence, so textstat loads its pronouncing dictionary (1 to
    2 s) now rather than on the first English save: with warm readability caches a
    full build may never have needed it. Run before the preview starts serving: in a
    background thread under load it was still loading at the first save (5.5 s)."""
    measure_readability("Warm up the scores now.", "en", ReadabilityTargets(min_words=1))


def _full(reason: str) -> bool:
    log.debug(f"Full build: {reason}")
    return False


class _Trouble(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True
