"""The editorial preflight: check every page of every language before anything
is rendered, and collect every problem, so one build shows an editor all of them.

Each source page gives either a ``PageRecord`` (the checked editorial data the
page events render) or problems in the ``Doc file '<path>' (<locale>): ...``
template of ``oncopress.problems``. ``check_site`` adds the checks across pages:
every page in every language, and each translation against its original
(``oncopress.i18n.translations``).
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from types import ModuleType

from oncopress.checks.review import ReviewerRegistry, is_medical, missing_review, reviewer_ids
from oncopress.citations.references import find_citations, malformed_citations
from oncopress.files.conflicts import SIGN_AGAIN, find_conflict
from oncopress.glossary.entries import Glossary
from oncopress.i18n.translations import (
    Translation,
    missing_counterparts,
    missing_translation_review,
    read_translation,
    translation_states,
)
from oncopress.ledger.fingerprint import Fingerprint, fingerprint_page
from oncopress.pages.dates import DateError, parse_review_interval, parse_revised
from oncopress.pages.frontmatter import FrontMatterError, read_front_matter
from oncopress.problems import Problem


@dataclass(frozen=True)
class SourcePage:
    """One Markdown source: its path from the project root, language and content
    (bytes as read from disk, or text)."""

    path: str
    locale: str
    content: bytes | str

    def text(self) -> str:
        """The content as MkDocs reads it (UTF-8, optional BOM, universal newlines)."""
        if isinstance(self.content, str):
            return self.content
        try:
            text = self.content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = self.content.count(b"\n", 0, error.start) + 1
            raise FrontMatterError(
                f"is not UTF-8 text (line {line}: {error.reason}); save it as UTF-8"
            ) from None
        return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Rules:
    """What pages are checked against: reviewers, citable keys, today's date, the
    language of the originals (the others are translations), and for each reference
    the house style cannot print as it is, its problems with the file and line
    (``oncopress.citations.bibfile.entry_problems``): a page citing it is refused."""

    reviewers: ReviewerRegistry
    reference_keys: Collection[str]
    bibliography: str
    today: date
    original_locale: str = "en"
    reference_problems: Mapping[str, Sequence[str]] = field(default_factory=dict)
    # Each language's glossary (oncopress.glossary): the definitions a page shows are
    # part of its fingerprint.
    glossaries: Mapping[str, Glossary] = field(default_factory=dict)


@dataclass(frozen=True)
class PageRecord:
    """A page's checked editorial data."""

    path: str
    locale: str
    title: str | None
    last_revised: date
    medical: bool
    reviewers: tuple[str, ...]
    translation_reviewers: tuple[str, ...]
    citations: tuple[str, ...]
    translation_of: date | None = None
    translation_pending: bool = False
    pdf: bool = True  # front matter 'pdf: false' turns its PDF off
    # The page's own review interval (front matter 'review_interval_months'), if any.
    review_interval_months: int | None = None
    # What readers see (oncopress.ledger.fingerprint); derived from the text, which the record
    # does not hold, so it takes no part in comparing records.
    fingerprint: Fingerprint | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Preflight:
    """The outcome of checking every page: the good pages' records and translation
    status by path, and every problem."""

    records: dict[str, PageRecord] = field(default_factory=dict)
    translations: dict[str, Translation] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@functools.lru_cache(maxsize=65536)  # asked for by several hooks for every page
def source_path(
    abs_src_path: str | None, src_uri: str, root: str, paths: ModuleType = os.path
) -> str:
    """A source's path from the project root, links and ``..`` resolved:
    ``docs_es/care.md`` (``src_uri`` when the file has no path on disk). Always with
    ``/``, on Windows too (``paths`` is ``ntpath`` there): the ledger's keys and the
    messages are the same on every system."""
    if abs_src_path is None:
        return src_uri
    relative: str = paths.relpath(paths.realpath(abs_src_path), root)
    return relative.replace(paths.sep, "/")


def language_of(src_uri: str, locales: Sequence[str], default: str) -> tuple[str, str]:
    """The language of a source under ``docs/`` and its path within that language:
    ``es/care.md`` -> ``("es", "care.md")``, ``care.md`` -> ``("en", "care.md")``."""
    first, _, rest = src_uri.partition("/")
    if rest and first in locales and first != default:
        return first, rest
    return default, src_uri


def check_page(page: SourcePage, rules: Rules) -> tuple[PageRecord | None, list[str]]:
    """The page's record, or the messages of every problem it has."""
    try:
        text = page.text()
        conflict = find_conflict(text)  # in the front matter or the body
        if conflict is not None:
            return None, [conflict.problem(SIGN_AGAIN)]
        meta, markdown = read_front_matter(text)
    except FrontMatterError as error:
        return None, [str(error)]
    translation, problems = read_translation(
        meta, markdown, page.locale, rules.original_locale, rules.today
    )
    review_meta = {**meta, "medical": False} if translation.pending else meta
    problems[:0] = missing_review(review_meta, rules.reviewers)
    if (
        page.locale != rules.original_locale
        and not translation.pending
        and not meta.get("translation_reviewed_by")
        and meta.get("medical", True) is True
    ):
        problems.append(missing_translation_review(rules.reviewers.source))
    try:
        revised = parse_revised(meta.get("last_revised"), rules.today)
    except DateError as error:
        problems.insert(0, str(error))
    try:
        interval = parse_review_interval(meta.get("review_interval_months"))
    except DateError as error:
        problems.append(str(error))
    citations = find_citations(markdown)
    problems.extend(malformed_citations(markdown))
    for cited in citations:
        if cited.prefix or cited.suffix:
            problems.append(
                f"citation {cited.block} has text besides the key; cite as [@{cited.key}]"
            )
    keys = tuple(dict.fromkeys(cited.key for cited in citations))
    problems.extend(
        f"cites unknown reference key '{key}' (not in {rules.bibliography})"
        for key in keys
        if key not in rules.reference_keys
    )
    problems.extend(
        f"cites reference key '{key}', whose entry must be fixed first: {problem}"
        for key in keys
        for problem in rules.reference_problems.get(key, ())
    )
    if problems:
        return None, list(dict.fromkeys(problems))
    title = meta.get("title")
    medical = is_medical(review_meta)
    glossary = rules.glossaries.get(page.locale)
    shown = glossary.shown_in(markdown) if glossary is not None else None
    return PageRecord(
        path=page.path,
        locale=page.locale,
        title=str(title) if title is not None else None,
        last_revised=revised,
        medical=medical,
        reviewers=tuple(reviewer_ids(meta.get("reviewed_by"), "reviewed_by")),
        translation_reviewers=tuple(
            reviewer_ids(meta.get("translation_reviewed_by"), "translation_reviewed_by")
        ),
        citations=keys,
        translation_of=translation.translation_of,
        translation_pending=translation.pending,
        pdf=meta.get("pdf") is not False,
        review_interval_months=interval,
        fingerprint=_recorded(meta, markdown, medical, shown),
    ), []


def _recorded(
    meta: Mapping[str, object], markdown: str, medical: bool, shown: Mapping[str, str] | None
) -> Fingerprint:
    # 'medical' as the checks read it: absent and 'medical: true' sign off the same.
    return fingerprint_page({**meta, "medical": medical}, markdown, shown)


def text_fingerprint(
    page: SourcePage,
    original_locale: str,
    today: date,
    glossaries: Mapping[str, Glossary] | None = None,
) -> Fingerprint | None:
    """The fingerprint ``check_page`` records for the page, whatever else is wrong with
    it (None when its front matter cannot be read); ``glossaries`` as in ``Rules``."""
    try:
        meta, markdown = read_front_matter(page.text())
    except FrontMatterError:
        return None
    translation, _ = read_translation(meta, markdown, page.locale, original_locale, today)
    glossary = (glossaries or {}).get(page.locale)
    return _recorded(
        meta,
        markdown,
        is_medical({**meta, "medical": False} if translation.pending else meta),
        glossary.shown_in(markdown) if glossary is not None else None,
    )


def check_pages(
    pages: Iterable[SourcePage], rules: Rules
) -> tuple[dict[str, PageRecord], list[Problem]]:
    """Records of the good pages by path, and every problem of the others."""
    records: dict[str, PageRecord] = {}
    problems: list[Problem] = []
    for page in pages:
        record, messages = check_page(page, rules)
        if record is not None:
            records[page.path] = record
        problems.extend(Problem(page.path, page.locale, message) for message in messages)
    return records, problems


def check_site(pages: Sequence[SourcePage], rules: Rules, folders: Mapping[str, str]) -> Preflight:
    """Every page on its own, then across pages: each page's counterpart in every
    language (``folders``: each language's source folder from the project root), and
    each translation's ``translation_of`` against its original's ``last_revised``."""
    records, problems = check_pages(pages, rules)
    problems += missing_counterparts(
        [(page.path, page.locale) for page in pages], folders, rules.original_locale
    )
    translations, mismatches = translation_states(records, folders, rules.original_locale)
    return Preflight(records, translations, problems + mismatches)
