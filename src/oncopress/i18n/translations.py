"""Translation integrity: every page exists in every language, each translation
says which revision of the original it translates, and a reader sees when it is
pending or out of date, never a silent copy of the original.

The original language is the site's default language (English); the others are
translations, in their own folder at the same relative path (``docs/care.md`` ->
``docs_es/care.md``). A translated page's front matter says either

- ``translation_of: 2023-08-28``: the original's ``last_revised`` it was made from
  (``./tasks sign-off`` writes it). Whether it is *stale*, the original having changed
  since, is the sign-off ledger's to say (``oncopress.ledger.signoff``); or
- ``translation_status: pending``: a stub (a title, no text) that shows a notice
  with a link to the original until the translation is written.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from babel import Locale

from oncopress.i18n.labels import label
from oncopress.pages.dates import EXAMPLE, DateError, format_revised, parse_revised
from oncopress.problems import ContentError, Problem

PENDING = "pending"
TRANSLATION_FIELDS = ("translation_of", "translation_status", "translation_reviewed_by")


class TranslationError(ContentError):
    """A translated page's ``translation_of`` does not match its original."""


class Status(StrEnum):
    """A page's translation status, as the editorial report lists it."""

    SOURCE = "source"  # the original (default language)
    CURRENT = "current"  # translates the original's latest revision
    STALE = "stale"  # translates an earlier revision of the original
    PENDING = "pending"  # a stub: the notice links to the original


@dataclass(frozen=True)
class TranslationFields:
    """What a page's front matter says about its translation."""

    translation_of: date | None = None
    pending: bool = False


class Revised(Protocol):
    """The preflight record of a page, as far as translations are concerned."""

    @property
    def path(self) -> str: ...
    @property
    def locale(self) -> str: ...
    @property
    def last_revised(self) -> date: ...
    @property
    def translation_of(self) -> date | None: ...
    @property
    def translation_pending(self) -> bool: ...


@dataclass(frozen=True)
class Translation:
    """A page's translation status against its original (``original`` is the
    original's source path and ``original_revised`` its ``last_revised``; both None
    for an original)."""

    path: str
    locale: str
    status: Status
    original: str | None = None
    translation_of: date | None = None
    original_revised: date | None = None

    def report_fields(self) -> dict[str, Any]:
        """The page's translation columns in the editorial report."""
        return {
            "translation": self.status.value,
            "translation_of": self.translation_of.isoformat() if self.translation_of else None,
            "original": self.original,
        }


def language_name(locale: str, in_locale: str = "en") -> str:
    """``language_name("es") == "Spanish"``, ``language_name("en", "es") == "inglés"``."""
    names = Locale.parse(locale.replace("-", "_"))  # Babel writes pt_BR for pt-BR
    return names.get_language_name(in_locale.replace("-", "_")) or locale


def counterpart(path: str, locale: str, other: str, folders: Mapping[str, str]) -> str:
    """The source path of ``path`` in language ``other``, given each language's
    folder: ``counterpart("docs/care.md", "en", "es", folders) == "docs_es/care.md"``."""
    relative = posixpath.relpath(path, folders[locale])
    return posixpath.join(folders[other], relative)


def read_translation(
    meta: Mapping[str, object],
    body: str,
    locale: str,
    original_locale: str,
    today: date,
) -> tuple[TranslationFields, list[str]]:
    """The translation fields of one page's front matter, and every problem with them.

    ``body`` is the Markdown after the front matter (a pending stub has none).
    """
    if locale == original_locale:
        original = language_name(original_locale)
        return TranslationFields(), [
            f"'{field}' is only for translations; the {original} page is the original (remove it)"
            for field in TRANSLATION_FIELDS
            if meta.get(field) is not None
        ]
    status = meta.get("translation_status")
    if status is not None and status != PENDING:
        return TranslationFields(), [
            f"'translation_status' can only be '{PENDING}' (found {status!r}); remove it once "
            "the page is translated"
        ]
    if status == PENDING:
        return TranslationFields(pending=True), _pending_problems(meta, body, locale)
    value = meta.get("translation_of")
    if value is None:
        original = language_name(original_locale)
        return TranslationFields(), [
            f"has no 'translation_of' in front matter; add the last_revised date of the "
            f"{original} page it translates, like translation_of: {EXAMPLE}"
        ]
    try:
        return TranslationFields(parse_revised(value, today, "translation_of")), []
    except DateError as error:
        return TranslationFields(), [str(error)]


def _pending_problems(meta: Mapping[str, object], body: str, locale: str) -> list[str]:
    marked = f"is marked 'translation_status: {PENDING}'"
    problems = []
    if meta.get("translation_of") is not None:
        problems.append(
            f"{marked} and has 'translation_of'; once the page is translated, remove "
            "'translation_status'"
        )
    if not str(meta.get("title") or "").strip():
        problems.append(f"{marked} but has no 'title'; give its title in {language_name(locale)}")
    if body.strip():
        problems.append(
            f"{marked} but has text; a pending page shows only a notice with a link to the "
            "original (remove the text, or finish the translation)"
        )
    return problems


def missing_translation_review(registry: str) -> str:
    """The problem of a medical translation without ``translation_reviewed_by``."""
    return (
        "medical page has no 'translation_reviewed_by' in front matter (name the reviewer "
        f"ids of the translation from {registry})"
    )


def missing_counterparts(
    pages: Iterable[tuple[str, str]], folders: Mapping[str, str], original_locale: str
) -> list[Problem]:
    """A problem for every page (``(path, locale)``) whose counterpart is missing:
    an original without its translation in each language of ``folders``, a
    translation without its original."""
    present = {(path, locale) for path, locale in pages}
    original = language_name(original_locale)
    problems = []
    for path, locale in sorted(present):
        if locale == original_locale:
            for other in sorted(set(folders) - {original_locale}):
                expected = counterpart(path, locale, other, folders)
                if (expected, other) not in present:
                    problems.append(
                        Problem(
                            path,
                            locale,
                            f"has no {language_name(other)} version: add '{expected}' "
                            f"(the translation, or a stub with 'translation_status: {PENDING}')",
                        )
                    )
        else:
            expected = counterpart(path, locale, original_locale, folders)
            if (expected, original_locale) not in present:
                problems.append(
                    Problem(
                        path,
                        locale,
                        f"has no {original} original '{expected}': a translation must have "
                        "the same path as its original (move it, or add the original)",
                    )
                )
    return problems


def compare_revisions(page: Revised, original: Revised) -> Translation:
    """The status of a translated page against its original: pending, or current.
    Whether the original changed since the translated revision is the sign-off
    ledger's to say (``oncopress.ledger.signoff``), not the dates'.

    Raises ``TranslationError`` for a ``translation_of`` later than the original's
    revision (it names a revision that does not exist)."""
    if page.translation_pending:
        return Translation(page.path, page.locale, Status.PENDING, original.path)
    translated = page.translation_of
    revised = original.last_revised
    if translated is None:
        raise TranslationError("has no 'translation_of' in front matter")
    if translated > revised:
        raise TranslationError(
            f"'translation_of' is {translated.isoformat()}, later than the last_revised "
            f"{revised.isoformat()} of '{original.path}'; set it to the revision this page "
            "translates"
        )
    return Translation(page.path, page.locale, Status.CURRENT, original.path, translated, revised)


def translation_states(
    records: Mapping[str, Revised], folders: Mapping[str, str], original_locale: str
) -> tuple[dict[str, Translation], list[Problem]]:
    """Every checked page's translation status by path, and the problems found.

    A translation whose original has no record (missing, or it has problems of its
    own, reported elsewhere) gets no status.
    """
    states: dict[str, Translation] = {}
    problems: list[Problem] = []
    for path, record in sorted(records.items()):
        if record.locale == original_locale:
            states[path] = Translation(path, record.locale, Status.SOURCE)
            continue
        original = records.get(counterpart(path, record.locale, original_locale, folders))
        if original is None:
            continue
        try:
            states[path] = compare_revisions(record, original)
        except TranslationError as error:
            problems.append(Problem(path, record.locale, str(error)))
    return states, problems


def _dates(translation: Translation) -> tuple[date, date]:
    """The revision a stale translation translates, and its original's latest."""
    if translation.translation_of is None or translation.original_revised is None:
        raise ValueError(f"'{translation.path}' is not a stale translation")
    return translation.translation_of, translation.original_revised


def page_notices(
    translation: Translation | None, original_locale: str, original_url: str | None
) -> list[dict[str, Any]]:
    """Template data for ``overrides/partials/page-notices.html``, in the page's language:
    a notice on a pending or stale translation with a link to the original
    (``original_url`` is site-relative; None leaves the link out)."""
    if translation is None or translation.status not in (Status.PENDING, Status.STALE):
        return []
    locale = translation.locale
    language = language_name(original_locale, locale)
    if translation.status is Status.PENDING:
        kind, title = "info", label("translation_pending_title", locale)
        text = label("translation_pending", locale)
    else:
        day = format_revised(_dates(translation)[1], locale)
        kind, title = "warning", label("translation_stale_title", locale)
        text = label("translation_stale", locale).format(language=language, date=day)
    link = None
    if original_url is not None:
        link = {
            "href": original_url,
            "hreflang": original_locale,
            "text": label("read_original", locale).format(language=language),
        }
    return [
        {
            "status": translation.status.value,
            "kind": kind,
            "title": title,
            "text": text,
            "link": link,
        }
    ]
