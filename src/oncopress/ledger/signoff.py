"""Trust in the stamp: each page's text against its last sign-off in the ledger.

``assess_pages`` compares every checked page with the ledger:

- *signed*: the text is the one its reviewers signed off; the stamp ("Last Revised",
  "Reviewed by", "Traducción revisada por") and the JSON-LD come from the ledger;
- *changed*: the text differs from what was signed off (a draft);
- *unsigned*: nobody has signed it off yet (a draft);
- *unconfirmed*: signed off under ledger version 1, whose fingerprints left out the
  front matter; the text is unchanged, and the sign-off must be confirmed (a draft);

and a translation is *stale* when its original's text differs from the revision its
sign-off recorded, with the original's paragraphs that were added or changed since.
A draft, medical or not, is a WARNING (strict builds refuse to publish it) and shows
a "Draft" banner; so does front matter that disagrees with the ledger.

``plan_sign_off`` is what ``./tasks sign-off`` does, without the file system: the new
ledger and the new text of each page, or ``SignOffError`` with every reason to refuse.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from oncopress.checks.preflight import PageRecord
from oncopress.checks.review import ReviewerRegistry
from oncopress.i18n.labels import label
from oncopress.i18n.translations import Status, Translation, counterpart, language_name
from oncopress.ledger.fingerprint import Fingerprint, Moved, Paragraph
from oncopress.ledger.ledgerfile import (
    NOTE_CHARS,
    Ledger,
    Note,
    SignOff,
    Translated,
    note_problem,
    unknown_signers,
)
from oncopress.ledger.signatures import signature_problems
from oncopress.pages.dates import format_revised
from oncopress.problems import Problem
from oncopress.system import tasks_command

QUOTE_CHARS = 70
# How the ledger's lines about a page begin, after its name (draft_message,
# stale_message): a preview may tell them from other problems of the page's text, and
# check the site again for them (oncopress.checks.sitecheck.recheck_page).
LEDGER_OPENINGS = (
    "changed since it was signed off on ",
    "has never been signed off;",
    "translation is out of date:",
    "was signed off on ",
)


class Trust(StrEnum):
    SIGNED = "signed"
    CHANGED = "changed"  # the text differs from the signed-off text
    UNSIGNED = "unsigned"  # never signed off (or by a reviewer no longer registered)
    UNCONFIRMED = "unconfirmed"  # a version-1 sign-off: the text only, to be confirmed


class SignOffError(ValueError):
    """``./tasks sign-off`` refuses: the message lists every reason."""


@dataclass(frozen=True)
class Stale:
    """What changed in a translation's original since the revision it translates."""

    original: str
    translated: date  # the original's revision the translation was signed off against
    changed: tuple[Paragraph, ...]  # the original's paragraphs added or changed since
    removed: int  # how many of the translated revision's paragraphs are gone
    moved: Moved | None = None  # paragraphs of both revisions, in another order now

    @property
    def quoted(self) -> tuple[Paragraph, ...]:
        """The paragraphs a translator must look at: added or changed, then moved."""
        return self.changed + (self.moved.paragraphs if self.moved else ())


@dataclass(frozen=True)
class PageTrust:
    """One page against the ledger (``entry``: its last valid sign-off, if any)."""

    path: str
    locale: str
    medical: bool
    trust: Trust
    entry: SignOff | None = None
    stale: Stale | None = None
    mismatches: tuple[str, ...] = ()  # how front matter disagrees with the ledger
    invalid: str | None = None  # why the ledger entry cannot be used
    pending: bool = False  # a translation stub: shows a notice, none of its own text

    @property
    def draft(self) -> bool:
        return self.trust is not Trust.SIGNED

    @property
    def needs_sign_off(self) -> bool:
        """A draft may not be published, medical or not: 'medical: false' spares a page
        the medical reviewers, never the sign-off (a new page saying it is not medical
        would otherwise reach readers unread)."""
        return self.draft and not self.pending

    @property
    def blocking(self) -> bool:
        """True when a strict build must refuse to publish the page."""
        return self.needs_sign_off or bool(self.mismatches) or bool(self.invalid)


def assess_pages(
    records: Mapping[str, PageRecord],
    ledger: Ledger,
    registry: ReviewerRegistry,
    folders: Mapping[str, str],
    original_locale: str,
) -> dict[str, PageTrust]:
    """Every checked page against the ledger, by source path."""
    invalid = {**signature_problems(ledger, registry), **unknown_signers(ledger, registry)}
    assessed: dict[str, PageTrust] = {}
    for path, record in sorted(records.items()):
        entry = ledger.get(path)
        if entry is None or path in invalid:
            trust, entry = Trust.UNSIGNED, None
        elif record.fingerprint is None:
            trust = Trust.CHANGED
        elif entry.legacy:
            unchanged = entry.fingerprint == record.fingerprint.text_digest
            trust = Trust.UNCONFIRMED if unchanged else Trust.CHANGED
        elif entry.fingerprint == record.fingerprint.digest:
            trust = Trust.SIGNED
        else:
            trust = Trust.CHANGED
        stale = None
        if record.locale != original_locale and entry is not None and entry.translates:
            original = records.get(counterpart(path, record.locale, original_locale, folders))
            stale = _stale(entry.translates, original, entry.legacy)
        mismatches = _mismatches(record, entry) if trust is Trust.SIGNED else ()
        assessed[path] = PageTrust(
            path,
            record.locale,
            record.medical,
            trust,
            entry,
            stale,
            mismatches,
            invalid.get(path),
            record.translation_pending,
        )
    return assessed


def _stale(translated: Translated, original: PageRecord | None, legacy: bool) -> Stale | None:
    current = original.fingerprint if original is not None else None
    if current is not None and legacy:  # recorded by ledger version 1: the text only
        current = current.text_only()
    if original is None or current is None or current.digest == translated.fingerprint:
        return None
    return Stale(
        original.path,
        translated.revised,
        tuple(current.changed_since(translated.paragraphs)),
        current.removed_since(translated.paragraphs),
        current.moved_since(translated.paragraphs),
    )


def _mismatches(record: PageRecord, entry: SignOff | None) -> tuple[str, ...]:
    if entry is None:
        return ()
    found = []
    if record.last_revised != entry.revised:
        found.append(
            f"last_revised is {record.last_revised.isoformat()}, the sign-off's date "
            f"{entry.revised.isoformat()}"
        )
    for field, written, signed in (
        ("reviewed_by", record.reviewers, entry.reviewers),
        ("translation_reviewed_by", record.translation_reviewers, entry.translation_reviewers),
    ):
        if written and set(written) != set(signed):
            found.append(f"{field} names {_ids(written)}, the sign-off {_ids(signed) or 'nobody'}")
    translates = entry.translates
    if translates is not None and record.translation_of != translates.revised:
        written_of = record.translation_of.isoformat() if record.translation_of else "missing"
        found.append(
            f"translation_of is {written_of}, the sign-off's {translates.revised.isoformat()}"
        )
    return tuple(found)


def trusted_record(record: PageRecord, assessed: PageTrust | None) -> PageRecord:
    """The record the stamp and the JSON-LD show: the ledger's date and reviewers when
    the page has a valid sign-off (the last approved revision, for a draft); the front
    matter's otherwise (a page nobody signed off, in a preview)."""
    entry = assessed.entry if assessed is not None else None
    if entry is None:
        return record
    translation = entry.translates
    return dataclasses.replace(
        record,
        last_revised=entry.revised,
        reviewers=entry.reviewers,
        translation_reviewers=entry.translation_reviewers,
        translation_of=translation.revised if translation else record.translation_of,
    )


def stale_translation(
    translation: Translation, assessed: PageTrust | None, original_revised: date
) -> Translation:
    """``translation`` marked stale when the ledger says its original changed since the
    revision it translates (``original_revised``: the original's date as shown now)."""
    if assessed is None or assessed.stale is None or translation.status is not Status.CURRENT:
        return translation
    return dataclasses.replace(
        translation,
        status=Status.STALE,
        translation_of=assessed.stale.translated,
        original_revised=original_revised,
    )


def draft_notice(assessed: PageTrust | None, locale: str) -> dict[str, Any] | None:
    """The "Draft" banner of a page that may not be published as it is (a medical page
    whose text is not the signed-off text, or a page changed since its sign-off;
    template data for ``partials/page-notices.html``), in the page's language."""
    if assessed is None or not assessed.needs_sign_off:
        return None
    entry = assessed.entry
    if entry is None:
        title, text = label("draft_unsigned_title", locale), label("draft_unsigned", locale)
    else:
        title = label("draft_changed_title", locale)
        text = label("draft_changed", locale).format(date=format_revised(entry.revised, locale))
    return {"status": "draft", "kind": "danger", "title": title, "text": text, "link": None}


def _ids(ids: Sequence[str]) -> str:
    return ", ".join(ids)


def suggested_command(record: PageRecord, locale_original: str) -> str:
    """The sign-off command for a page, with the reviewers its front matter names."""
    reviewers = ",".join(record.reviewers) or "REVIEWER"
    command = f"{tasks_command('sign-off')} {record.path} --by {reviewers}"
    if record.locale != locale_original and record.medical:
        command += f" --translation-by {','.join(record.translation_reviewers) or 'REVIEWER'}"
    return command


def draft_message(assessed: PageTrust, record: PageRecord, original_locale: str) -> str:
    """The build's line for a page whose text is not the signed-off text."""
    command = suggested_command(record, original_locale)
    if assessed.invalid:
        return assessed.invalid
    if assessed.entry is None:
        return (
            f"has never been signed off; once its reviewers have approved this text, run: {command}"
        )
    if assessed.trust is Trust.UNCONFIRMED:
        entry = assessed.entry
        return (
            f"was signed off on {entry.revised.isoformat()} by {_ids(entry.reviewers)} before "
            "sign-offs covered the front matter (sign-off ledger version 1); once its reviewers "
            "have confirmed its front matter, run: "
            f"{tasks_command('sign-off')} {record.path} --by {','.join(entry.reviewers)}"
            + (
                f" --translation-by {','.join(entry.translation_reviewers)}"
                if entry.translation_reviewers
                else ""
            )
            + f" --date {entry.revised.isoformat()}"
        )
    return (
        f"changed since it was signed off on {assessed.entry.revised.isoformat()} by "
        f"{_ids(assessed.entry.reviewers)}; once its reviewers have approved this text, run: "
        f"{command}"
    )


def mismatch_message(assessed: PageTrust, record: PageRecord, original_locale: str) -> str:
    """The build's line for front matter that disagrees with the page's sign-off."""
    entry = assessed.entry
    if entry is None:
        raise ValueError(f"'{assessed.path}' has no sign-off to disagree with")
    reviewers = _ids(entry.reviewers).replace(", ", ",")
    command = f"{tasks_command('sign-off')} {record.path} --by {reviewers}"
    if entry.translation_reviewers:
        command += f" --translation-by {','.join(entry.translation_reviewers)}"
    return (
        f"front matter disagrees with the sign-off ledger ({'; '.join(assessed.mismatches)}); "
        f"write the ledger's values into the front matter with: {command} "
        f"--date {entry.revised.isoformat()}, or sign off again with the reviewers who "
        "approved this text"
    )


def quote(paragraph: Paragraph, limit: int = QUOTE_CHARS) -> str:
    """A paragraph on one line, shortened to ``limit`` characters: for log lines."""
    text = " ".join(paragraph.text.split())
    return f'"{text if len(text) <= limit else text[: limit - 1].rstrip() + "…"}"'


def stale_message(assessed: PageTrust, record: PageRecord, original_locale: str) -> str:
    """The build's line for a translation whose original changed since its sign-off,
    naming the original's paragraphs added or changed since."""
    stale = assessed.stale
    if stale is None:
        raise ValueError(f"'{assessed.path}' is not a stale translation")
    language = language_name(original_locale)
    changed = "; ".join(quote(paragraph) for paragraph in stale.changed)
    parts = []
    if stale.changed:
        noun = "paragraph" if len(stale.changed) == 1 else "paragraphs"
        parts.append(f"{len(stale.changed)} {noun} added or changed: {changed}")
    if stale.removed:
        noun = "paragraph" if stale.removed == 1 else "paragraphs"
        parts.append(f"{stale.removed} {noun} of the translated revision gone")
    if stale.moved:
        moved = "; ".join(quote(paragraph) for paragraph in stale.moved.paragraphs)
        parts.append(f"{stale.moved.describe()}: {moved}")
    if not parts:  # never "()": the fingerprints differ, so some paragraph does
        parts.append("no paragraph of it differs from the translated revision's")
    return (
        f"translation is out of date: the {language} page '{stale.original}' changed since "
        f"the revision of {stale.translated.isoformat()} it translates ({'; '.join(parts)}); "
        f"update the translation, then run: {suggested_command(record, original_locale)}"
    )


def orphan_messages(ledger: Ledger, paths: set[str]) -> list[str]:
    """A line per ledger entry whose page no longer exists (INFO: nothing is wrong
    with the site, but the entry can go)."""
    return [
        f"Sign-off ledger '{ledger.source}' (line {entry.line}): '{path}' no longer exists; "
        f"remove its entry with: {tasks_command('sign-off')} --prune"
        for path, entry in sorted(ledger.entries.items())
        if path not in paths
    ]


# Sign-off: what ./tasks sign-off writes.

_FIELD = re.compile(r"(?P<key>[A-Za-z_][\w-]*)[ \t]*:(?P<rest>.*)", re.DOTALL)
_DELIMITER = re.compile(r"(?:---|\.\.\.)[ \t]*")


def set_front_matter(text: str, values: Mapping[str, str]) -> str:
    """``text`` (a page's whole file, its line endings as saved) with each top-level
    front matter field in ``values`` set to its value: the value replaced where the
    field is written (a comment after it kept), or a line added before the closing
    ``---``. Every other character stays as it was."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].removeprefix("\ufeff").rstrip("\r\n").rstrip(" \t") != "---":
        raise SignOffError("has no front matter to write the sign-off date into")
    newline = lines[0][len(lines[0].rstrip("\r\n")) :] or "\n"
    closing = next(
        (i for i, line in enumerate(lines[1:], 1) if _DELIMITER.fullmatch(line.rstrip("\r\n"))),
        None,
    )
    if closing is None:
        raise SignOffError("has front matter that is never closed")
    block = lines[1:closing]
    for key, value in values.items():
        block = _set_field(block, key, value, newline)
    return "".join([lines[0], *block, *lines[closing:]])


def _set_field(block: list[str], key: str, value: str, newline: str) -> list[str]:
    for index, line in enumerate(block):
        body = line.rstrip("\r\n")
        match = _FIELD.fullmatch(body)
        if match and match.group("key") == key:
            comment = re.search(r"[ \t]+#.*$", match.group("rest"))
            new = f"{key}: {value}" + (comment.group(0) if comment else "")
            return [*block[:index], new + line[len(body) :], *block[index + 1 :]]
    return [*block, f"{key}: {value}{newline}"]


@dataclass(frozen=True)
class Request:
    """What the editor asked: ``pages`` as (what was typed, its source path from the
    project root, or None when it is not a page of the site)."""

    pages: tuple[tuple[str, str | None], ...]
    by: tuple[str, ...]
    translation_by: tuple[str, ...]
    day: date
    today: date
    # A change note for readers per language (``--note`` for the original language's
    # pages, ``--note-es`` for the Spanish ones): each page gets its language's.
    notes: Mapping[str, str] = dataclasses.field(default_factory=dict)


NOTE_EXAMPLES = {
    "en": "Added what to do if a symptom comes back.",
    "es": "Añadimos qué hacer si un síntoma regresa.",
}


def note_option(locale: str, original_locale: str) -> str:
    """The option that gives the change note of ``locale``'s pages."""
    return "--note" if locale == original_locale else f"--note-{locale}"


@dataclass(frozen=True)
class SiteState:
    """What the sign-off checks against: every page's record, fingerprint and text,
    each page's editorial problems, the ledger and the registry."""

    records: Mapping[str, PageRecord]
    texts: Mapping[str, str]  # each page's file as saved (for the front matter edit)
    problems: Sequence[Problem]
    ledger: Ledger
    registry: ReviewerRegistry
    folders: Mapping[str, str]
    original_locale: str


def _not_a_page(site: SiteState) -> str:
    """Why a path is refused: ``is not a page of this site (docs/ or docs_es/)``."""
    folders = [f"{folder}/" for folder in site.folders.values()]
    listed = ", ".join(folders[:-1]) + " or " + folders[-1] if len(folders) > 1 else folders[0]
    return f"is not a page of this site ({listed})"


@dataclass(frozen=True)
class Plan:
    """The new ledger and the new text of each signed-off page."""

    ledger: Ledger
    texts: dict[str, str]


def plan_sign_off(request: Request, site: SiteState) -> Plan:
    """Sign off the requested pages (originals before their translations), or raise
    ``SignOffError`` listing every reason to refuse."""
    reasons = _request_problems(request, site)
    paths = [path for _, path in request.pages if path is not None]
    if reasons:
        raise SignOffError(_refusal(reasons))
    entries: dict[str, SignOff] = {}
    texts: dict[str, str] = {}
    originals = [p for p in paths if site.records[p].locale == site.original_locale]
    for path in originals + [p for p in paths if p not in originals]:
        record = site.records[path]
        fingerprint = _fingerprint(record)
        values = {"last_revised": request.day.isoformat()}
        translates = None
        if record.locale != site.original_locale:
            translates, reason = _translated(record, site, entries, request.day)
            if reason:
                reasons.append(Problem(path, record.locale, reason))
                continue
            assert translates is not None  # either a reason or the original's revision
            values["translation_of"] = translates.revised.isoformat()
        previous = site.ledger.get(path)
        notes = previous.notes if previous is not None else ()
        if record.locale in request.notes:
            notes += (Note(request.day, request.notes[record.locale]),)
        entries[path] = SignOff(
            path=path,
            fingerprint=fingerprint.digest,
            revised=request.day,
            reviewers=request.by,
            translation_reviewers=request.translation_by if translates else (),
            translates=translates,
            notes=notes,
        )
        try:
            texts[path] = set_front_matter(site.texts[path], values)
        except SignOffError as error:
            reasons.append(Problem(path, record.locale, str(error)))
    if reasons:
        raise SignOffError(_refusal(reasons))
    return Plan(site.ledger.with_entries(entries.values()), texts)


def _fingerprint(record: PageRecord) -> Fingerprint:
    if record.fingerprint is None:
        raise ValueError(f"'{record.path}' was checked without its fingerprint")
    return record.fingerprint


def _translated(
    record: PageRecord, site: SiteState, signed_now: Mapping[str, SignOff], day: date
) -> tuple[Translated | None, str | None]:
    """The original's revision this translation is signed off against, or why not."""
    path = counterpart(record.path, record.locale, site.original_locale, site.folders)
    original = site.records.get(path)
    entry = signed_now.get(path) or site.ledger.get(path)
    if original is None:
        return None, f"its original '{path}' cannot be checked"
    current = _fingerprint(original)
    if entry is not None and entry.legacy and path not in signed_now:
        return None, (
            f"its original '{path}' was signed off before sign-offs covered the front matter; "
            "sign off the original again first (in the same command, or before): "
            f"{tasks_command('sign-off')} {path} --by ..."
        )
    if entry is None or entry.fingerprint != current.digest:
        return None, (
            f"its original '{path}' has changes nobody signed off; sign off the original "
            f"first (in the same command, or before): {tasks_command('sign-off')} {path} --by ..."
        )
    if day < entry.revised:
        return None, (
            f"--date {day.isoformat()} is before the sign-off of its original '{path}' "
            f"({entry.revised.isoformat()})"
        )
    return Translated(
        path, entry.revised, entry.fingerprint, tuple(p.digest for p in current.paragraphs)
    ), None


def _request_problems(request: Request, site: SiteState) -> list[Problem]:
    reasons: list[Problem] = []
    general = []
    known = site.registry.reviewers
    for option, ids in (("--by", request.by), ("--translation-by", request.translation_by)):
        general += [
            f"{option}: unknown reviewer id '{reviewer}' (ids in {site.registry.source}: "
            f"{site.registry.known()})"
            for reviewer in ids
            if reviewer not in known
        ]
    if not request.by:
        general.append("--by: name the reviewer ids who approved the text, like --by content-team")
    if request.day > request.today:
        general.append(
            f"--date {request.day.isoformat()} is in the future (today is "
            f"{request.today.isoformat()})"
        )
    if not request.pages:
        general.append("name the pages to sign off, like docs/survivorship/recurrence.md")
    records = [site.records.get(path) for _, path in request.pages if path is not None]
    locales = {record.locale for record in records if record is not None}
    if request.translation_by and locales and locales <= {site.original_locale}:
        general.append(
            "--translation-by names who reviewed a translation, and no page of this command "
            f"is one ({language_name(site.original_locale)} pages take --by only)"
        )
    general += _note_problems(request.notes, locales, site.original_locale)
    reasons += [Problem("(command)", "-", message) for message in general]
    seen: dict[str, str] = {}
    for given, path in request.pages:
        if path is None:
            reasons.append(Problem(given, "-", _not_a_page(site)))
            continue
        if path in seen:
            reasons.append(
                Problem(
                    path,
                    "-",
                    f"is named twice ('{seen[path]}' and '{given}'); sign each page off once",
                )
            )
            continue
        seen[path] = given
        reasons += _page_problems(path, request, site)
    return reasons


def _note_problems(notes: Mapping[str, str], locales: set[str], original: str) -> list[str]:
    """Each note must be fit for readers, and each page of the command gets a note in
    its own language: a note for one language and none for another page's is refused
    (a Spanish page would otherwise show no note, or be given the English one)."""
    found = []
    for locale, text in notes.items():
        option = note_option(locale, original)
        problem = note_problem(text)
        if problem:
            example = NOTE_EXAMPLES.get(locale, NOTE_EXAMPLES["en"])
            found.append(
                f"{option}: the note for readers {problem}; write one line of at most "
                f'{NOTE_CHARS} characters, like {option} "{example}"'
            )
        elif locales and locale not in locales:
            others = ", ".join(
                f"the {language_name(other)} pages' is {note_option(other, original)}"
                for other in sorted(locales)
            )
            found.append(
                f"{option}: no {language_name(locale)} page in this command takes this note "
                f"({others})"
            )
    if notes and not found:  # a note given for another language already says which
        for locale in sorted(locales - set(notes)):
            option = note_option(locale, original)
            found.append(
                f"{option}: the {language_name(locale)} pages of this command need their note "
                "too, in their language (each page shows the note in its own language)"
            )
    return found


def _page_problems(path: str, request: Request, site: SiteState) -> list[Problem]:
    problems = [problem for problem in site.problems if problem.path == path]
    if problems:
        return [
            Problem(path, p.locale, f"has editorial problems to fix first: {p.message}")
            for p in problems
        ]
    record = site.records.get(path)
    if record is None:
        return [Problem(path, "-", _not_a_page(site))]
    locale = record.locale
    if record.translation_pending:
        return [
            Problem(
                path,
                locale,
                "is a pending translation stub ('translation_status: pending'): translate "
                "it first, then sign it off",
            )
        ]
    previous = site.ledger.get(path)
    if previous is not None and request.day < previous.revised:
        return [
            Problem(
                path,
                locale,
                f"--date {request.day.isoformat()} is before its last sign-off "
                f"({previous.revised.isoformat()})",
            )
        ]
    if locale != site.original_locale and record.medical and not request.translation_by:
        return [
            Problem(
                path,
                locale,
                "is a medical translation: name who reviewed the translation with --translation-by",
            )
        ]
    return []


def _refusal(reasons: Sequence[Problem]) -> str:
    lines = [f"Sign-off refused: {len(reasons)} {'problem' if len(reasons) == 1 else 'problems'}"]
    for problem in reasons:
        if problem.locale == "-":
            lines.append(f"  {problem.path}: {problem.message}")
        else:
            lines.append(f"  {problem}")
    lines.append("Nothing was written.")
    return "\n".join(lines)
