"""One full build's editorial state, for every language, in one small typed object:
what the build's editorial steps (``oncopress.cli.step_editorial``) hand across events,
so that each step only moves data between MkDocs and this object.

``start_build`` reads the settings, the reviewer registry and the sign-off ledger (the
files come in through ``read``); ``EditorialBuild.accept`` takes the check of every
page (``oncopress.checks.sitecheck``); ``page_context`` is a page's stamp and notices;
``report_files`` is what the report writes, beside the site (and in the preview).
``recheck`` is the preview's: one saved page checked again, and which pages' stamps
and notices that changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from oncopress.checks.editorial_settings import EditorialSettings, SettingsError, read_settings
from oncopress.checks.preflight import PageRecord, Rules, SourcePage
from oncopress.checks.review import (
    RegistryError,
    ReviewerRegistry,
    load_reviewers,
    registry_not_found,
)
from oncopress.checks.sitecheck import Finding, Level, SiteCheck, recheck_page
from oncopress.citations.references import ReferenceBook
from oncopress.files.textfile import NotUtf8Error, decode_text
from oncopress.glossary.entries import Glossary, GlossaryError, read_glossaries
from oncopress.i18n.translations import page_notices
from oncopress.ledger.ledgerfile import Ledger, LedgerError, parse_ledger
from oncopress.ledger.signoff import draft_notice
from oncopress.pages.dates import BuildDateError, build_date, next_review
from oncopress.pages.pagemeta import page_meta
from oncopress.quality.quality_settings import (
    QualitySettings,
    QualitySettingsError,
    read_quality_settings,
)
from oncopress.quality.readability import ReadabilityError
from oncopress.report.editorial_report import (
    REPORT_FILE,
    REPORT_HTML,
    EditorialReport,
    overdue_message,
    pending_message,
)
from oncopress.report.report_html import render_report_html

PREVIEW_FOLDER = "_editor"  # where the preview serves the report: no published path


class SetupError(ValueError):
    """Settings, registry, ledger or build date cannot be used: the build cannot start."""


def load_ledger(data: bytes | None, name: str) -> Ledger:
    """The ledger file's contents (None: there is no ledger yet, so nothing is signed)."""
    if data is None:
        return Ledger(name)
    try:
        return parse_ledger(decode_text(data), name)
    except NotUtf8Error as error:
        raise LedgerError(f"Sign-off ledger '{name}' {error}") from None


@dataclass(frozen=True)
class Recheck:
    """What checking one saved page again changed."""

    pages: tuple[str, ...]  # the pages whose stamp, notices or JSON-LD changed
    before: tuple[Finding, ...]  # what the build logged of the check
    after: tuple[Finding, ...]  # what a full build would log now


@dataclass
class EditorialBuild:
    """Everything one full build (all languages) knows; replaced by the next."""

    root: Path
    settings: EditorialSettings
    quality: QualitySettings
    registry: ReviewerRegistry
    report: EditorialReport
    site_name: str
    ledger: Ledger
    serving: bool
    check: SiteCheck | None = None
    records: dict[str, PageRecord] = field(default_factory=dict)
    pdfs: dict[str, str] = field(default_factory=dict)  # source path -> its PDF, if made
    about_urls: dict[str, str] = field(default_factory=dict)
    book: ReferenceBook | None = None
    # Each bibliography entry the house style cannot print as it is: its problems, file
    # and line (the setup gates read them with the bibliography; a page citing one is
    # refused).
    reference_problems: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Each language's glossary (glossary/<locale>.yml; none: the site has no glossary).
    glossaries: dict[str, Glossary] = field(default_factory=dict)

    @property
    def stale_level(self) -> Level:
        return Level.WARNING if self.quality.stale_fails_strict else Level.INFO

    def accept(self, check: SiteCheck) -> list[Finding]:
        """Take the check of every page (it has no problems): the records the stamps
        show and the report's rows; returns what the build log says of them."""
        self.check = check
        self.records = {
            path: check.record(path) or record for path, record in check.preflight.records.items()
        }
        self.report.add_records(self.records.values())
        self.report.add_translations(check.translations())
        self.report.add_trust(check.trust.values())
        return check.findings

    def recheck(self, page: SourcePage, rules: Rules) -> Recheck | None:
        """The check again with ``page``'s saved content (the other pages as the last
        check read them): the new sign-off and translation states in the stamps and the
        report's rows. None, and nothing taken, when there is no check to start from,
        or the page now has a problem or other editorial data (front matter, citations:
        the report's row and other pages may show them; a full build says them)."""
        before = self.check
        if before is None or before.preflight.problems or page.path not in before.trust:
            return None
        after = recheck_page(before, page, rules, stale_level=self.stale_level)
        if after.preflight.problems or (
            after.preflight.records[page.path] != before.preflight.records[page.path]
        ):
            return None
        changed = tuple(
            path for path in after.preflight.records if _shown(before, path) != _shown(after, path)
        )
        self.check = after
        self.records.update((path, after.record(path) or self.records[path]) for path in changed)
        self.report.add_translations(after.translations())
        self.report.add_trust(after.trust.values())
        return Recheck(changed, tuple(before.findings), tuple(after.findings))

    def add_records(self, records: Mapping[str, PageRecord]) -> None:
        """Pages another plugin added after the check, checked on their own."""
        self.records.update(records)
        self.report.add_records(records.values())

    def page_context(
        self, record: PageRecord, locale: str, original_locale: str, original_url: str | None
    ) -> dict[str, Any]:
        """A page's template data: the stamp (``editorial``, none on a pending stub) and
        the notices above its text (``page_notices``: draft, pending, stale)."""
        due = next_review(
            record.last_revised, self.settings.review_interval_years, record.review_interval_months
        )
        check = self.check
        trust = check.trust.get(record.path) if check else None
        notes = trust.entry.notes if trust is not None and trust.entry is not None else ()
        stamp = page_meta(record, self.registry, locale, self.about_urls.get(locale), due, notes)
        translation = check.translation(record.path) if check else None
        draft = draft_notice(trust, locale)
        notices = page_notices(translation, original_locale, original_url)
        return {
            "editorial": None if record.translation_pending else stamp,
            "page_notices": ([draft] if draft else []) + notices,
        }

    def note_pdfs(self, made: Callable[[str], bool]) -> None:
        """Each page's PDF in the report, if it was made (``made(site_path)``)."""
        for path, pdf in self.pdfs.items():
            self.report.add_fields(path, {"pdf": pdf if made(pdf) else None})

    def report_files(self, site: Path) -> dict[Path, str]:
        """The report's files and their text: in ``settings.report_dir`` beside the site
        and, in the preview, in the site at a path the published site never has."""
        folder = self.root / self.settings.report_dir
        folders = [(folder, os.path.relpath(site, folder).replace(os.sep, "/") + "/")]
        if self.serving:
            folders.append((site / PREVIEW_FOLDER, "../"))
        files: dict[Path, str] = {}
        for where, site_base in folders:
            files[where / REPORT_FILE] = self.report.to_json()
            html = render_report_html(self.report.document(), self.site_name, site_base)
            files[where / REPORT_HTML] = html
        return files

    def news(self) -> list[tuple[Level, str]]:
        """The editors' news after a build: reviews overdue (INFO, or WARNING with
        ``overdue_reviews: warn``), translations pending (INFO)."""
        blocks = self.settings.overdue_fails_strict
        level = Level.WARNING if blocks else Level.INFO
        return [(level, overdue_message(row, blocks)) for row in self.report.overdue()] + [
            (Level.INFO, pending_message(row)) for row in self.report.pending()
        ]


def _shown(check: SiteCheck, path: str) -> tuple[object, ...]:
    """What a page shows of the check: its stamp's and JSON-LD's record, its "Draft"
    banner and its translation notice (``EditorialBuild.page_context``)."""
    record = check.record(path)
    locale = record.locale if record is not None else ""
    return record, draft_notice(check.trust.get(path), locale), check.translation(path)


def start_build(
    root: Path,
    extra: Mapping[str, object],
    locales: Iterable[str],
    site_name: str,
    *,
    serving: bool,
    environ: Mapping[str, str],
    clock: Callable[[], date],
    read: Callable[[Path], bytes | None],
) -> EditorialBuild:
    """A new build's state; ``read(path)`` gives a file's bytes (None when it does not
    exist). Raises ``SetupError`` with what to change."""
    languages = list(locales)
    try:
        settings = read_settings(extra)
        quality = read_quality_settings(extra)
        data = read(root / settings.reviewers)
        if data is None:
            raise RegistryError(registry_not_found(settings.reviewers, languages))
        registry = load_reviewers(data, settings.reviewers, languages)
        today = build_date(environ, clock)
        ledger = load_ledger(read(root / settings.ledger), settings.ledger)
        glossaries = read_glossaries(root, languages, read)
    except UnicodeDecodeError as error:
        raise SetupError(f"Reviewer registry is not UTF-8 text ({error.reason})") from None
    except (
        SettingsError,
        QualitySettingsError,
        ReadabilityError,
        RegistryError,
        BuildDateError,
        LedgerError,
        GlossaryError,
    ) as error:
        raise SetupError(str(error)) from None
    report = EditorialReport(today, settings.review_interval_years)
    return EditorialBuild(
        root, settings, quality, registry, report, site_name, ledger, serving, glossaries=glossaries
    )
