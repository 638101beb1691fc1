"""The editorial preflight: check every page of every language before anything
is rendered, and collect every problem, so one build shows an editor all of them.

Each source page gives either a ``PageRecord`` (the checked editorial data the
page events render) or problems in the ``Doc file '<path>' (<locale>): ...``
template of ``oncopress.problems``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from oncopress.citations import find_citations
from oncopress.dates import DateError, parse_revised
from oncopress.frontmatter import FrontMatterError, read_front_matter
from oncopress.problems import Problem
from oncopress.review import ReviewerRegistry, is_medical, missing_review, reviewer_ids


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
    """What pages are checked against: reviewers, citable keys and today's date."""

    reviewers: ReviewerRegistry
    reference_keys: Collection[str]
    bibliography: str
    today: date


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
        meta, markdown = read_front_matter(page.text())
    except FrontMatterError as error:
        return None, [str(error)]
    problems = missing_review(meta, rules.reviewers)
    try:
        revised = parse_revised(meta.get("last_revised"), rules.today)
    except DateError as error:
        problems.insert(0, str(error))
    citations = find_citations(markdown)
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
    if problems:
        return None, list(dict.fromkeys(problems))
    title = meta.get("title")
    return PageRecord(
        path=page.path,
        locale=page.locale,
        title=str(title) if title is not None else None,
        last_revised=revised,
        medical=is_medical(meta),
        reviewers=tuple(reviewer_ids(meta.get("reviewed_by"), "reviewed_by")),
        translation_reviewers=tuple(
            reviewer_ids(meta.get("translation_reviewed_by"), "translation_reviewed_by")
        ),
        citations=keys,
    ), []


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
