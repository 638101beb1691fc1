"""One check of the whole site against the editorial rules and the sign-off ledger:
what a build refuses or logs, what the stamp shows, and what ``./tasks status`` lists.

The build (``oncopress.cli.step_editorial``) and the command line (``oncopress.cli.editor``)
both call ``check_site_with_ledger`` on the same sources, so they never disagree. The
preview calls ``recheck_page`` when one page is saved: the same check, reading only
that page again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from oncopress.checks.preflight import (
    PageRecord,
    Preflight,
    Rules,
    SourcePage,
    check_page,
    check_site,
)
from oncopress.i18n.translations import Status, Translation, translation_states
from oncopress.ledger.ledgerfile import Ledger
from oncopress.ledger.signoff import (
    PageTrust,
    assess_pages,
    draft_message,
    mismatch_message,
    orphan_messages,
    stale_message,
    stale_translation,
    trusted_record,
)
from oncopress.problems import Problem


class Level(StrEnum):
    WARNING = "warning"  # a strict build refuses to publish
    INFO = "info"  # editors' news


@dataclass(frozen=True)
class Finding:
    """One line of the build log about a page (``problem``) or the ledger."""

    level: Level
    kind: str  # draft, mismatch, stale, ledger
    problem: Problem | None
    text: str

    def __str__(self) -> str:
        return str(self.problem) if self.problem is not None else self.text


@dataclass(frozen=True)
class SiteCheck:
    """The preflight, each page against the ledger, and what the build says of them."""

    preflight: Preflight
    trust: dict[str, PageTrust]
    ledger: Ledger
    original_locale: str
    folders: Mapping[str, str]
    findings: list[Finding] = field(default_factory=list)

    def record(self, path: str) -> PageRecord | None:
        """The page's record as the stamp shows it (the ledger's date and reviewers)."""
        record = self.preflight.records.get(path)
        return trusted_record(record, self.trust.get(path)) if record is not None else None

    def translation(self, path: str) -> Translation | None:
        """The page's translation status, stale when the ledger says so."""
        translation = self.preflight.translations.get(path)
        if translation is None or translation.original is None:
            return translation
        original = self.record(translation.original)
        if original is None:
            return translation
        return stale_translation(translation, self.trust.get(path), original.last_revised)

    def translations(self) -> list[Translation]:
        found = (self.translation(path) for path in sorted(self.preflight.translations))
        return [translation for translation in found if translation is not None]


def check_site_with_ledger(
    pages: Sequence[SourcePage],
    rules: Rules,
    folders: Mapping[str, str],
    ledger: Ledger,
    *,
    stale_level: Level = Level.WARNING,
) -> SiteCheck:
    """Every page checked, then compared with its sign-off; ``findings`` lists what the
    build logs, in order: drafts and disagreements, stale translations, orphan entries."""
    preflight = check_site(pages, rules, folders)
    present = {page.path for page in pages}
    return _against_ledger(preflight, present, rules, folders, ledger, stale_level)


def recheck_page(
    check: SiteCheck, page: SourcePage, rules: Rules, *, stale_level: Level = Level.WARNING
) -> SiteCheck:
    """``check`` (of a site with no problems) again with ``page``'s new content: what
    ``check_site_with_ledger`` gives for the same pages with that one changed, reading
    no other page again. Raises ``ValueError`` when ``check`` had problems or did not
    check ``page``: only a whole check can say what they become."""
    before = check.preflight
    if before.problems:
        raise ValueError("the site has problems: check every page again")
    if page.path not in before.records:
        raise ValueError(f"'{page.path}' is not a page of the check")
    record, messages = check_page(page, rules)
    records = dict(before.records)  # in the check's order: the page keeps its place
    if record is None:
        del records[page.path]
    else:
        records[page.path] = record
    problems = [Problem(page.path, page.locale, message) for message in messages]
    translations, mismatches = translation_states(records, check.folders, check.original_locale)
    preflight = Preflight(records, translations, problems + mismatches)
    present = set(before.records)  # no problems: every page has a record
    return _against_ledger(preflight, present, rules, check.folders, check.ledger, stale_level)


def _against_ledger(
    preflight: Preflight,
    present: set[str],
    rules: Rules,
    folders: Mapping[str, str],
    ledger: Ledger,
    stale_level: Level,
) -> SiteCheck:
    original = rules.original_locale
    trust = assess_pages(preflight.records, ledger, rules.reviewers, folders, original)
    check = SiteCheck(preflight, trust, ledger, original, folders)
    for path, assessed in trust.items():
        record = preflight.records[path]
        if record.translation_pending:
            continue
        problem = Problem(path, record.locale, "")
        if assessed.draft:
            level = Level.WARNING if assessed.needs_sign_off or assessed.invalid else Level.INFO
            message = draft_message(assessed, record, original)
            check.findings.append(Finding(level, "draft", _with(problem, message), ""))
        if assessed.mismatches:
            message = mismatch_message(assessed, record, original)
            check.findings.append(Finding(Level.WARNING, "mismatch", _with(problem, message), ""))
    for path, assessed in trust.items():
        if assessed.stale is not None and _is_current(preflight.translations.get(path)):
            record = preflight.records[path]
            message = stale_message(assessed, record, original)
            problem = Problem(path, record.locale, message)
            check.findings.append(Finding(stale_level, "stale", problem, ""))
    for line in orphan_messages(ledger, present):
        check.findings.append(Finding(Level.INFO, "ledger", None, line))
    return check


def _with(problem: Problem, message: str) -> Problem:
    return Problem(problem.path, problem.locale, message)


def _is_current(translation: Translation | None) -> bool:
    return translation is not None and translation.status is Status.CURRENT
