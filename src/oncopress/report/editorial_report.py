"""The editorial report: one row per page and language, written on every build as
JSON for tools (``reports/editorial-report.json``) and as an HTML table for editors
(``reports/editorial-report.html``, see ``oncopress.report.report_html``), beside the site,
never in it: the public does not read the publisher's overdue list.

Rows start from the preflight's ``PageRecord`` (path, locale, title, dates,
reviewers, citations, medical) and its translation status; anything known later is
merged in by name with ``add_fields`` (the URL once the language's files are laid
out, the readability score once the page is rendered, the PDF once it is made).
The JSON lists rows sorted by path.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from oncopress.checks.preflight import PageRecord
from oncopress.i18n.plurals import counted
from oncopress.i18n.translations import Translation
from oncopress.ledger.signoff import PageTrust
from oncopress.pages.dates import is_overdue, next_review
from oncopress.system import tasks_command

REPORT_FILE = "editorial-report.json"
REPORT_HTML = "editorial-report.html"
REPORT_VERSION = 3


def record_row(record: PageRecord, interval_years: int, today: date) -> dict[str, Any]:
    """The report row of one checked page."""
    due = next_review(record.last_revised, interval_years, record.review_interval_months)
    return {
        "path": record.path,
        "locale": record.locale,
        "title": record.title,
        "url": None,
        "last_revised": record.last_revised.isoformat(),
        "review_due": due.isoformat(),
        "overdue": is_overdue(due, today),
        "medical": record.medical,
        "reviewers": list(record.reviewers),
        "translation_reviewers": list(record.translation_reviewers),
        "citations": list(record.citations),
        "translation": None,
        "translation_of": record.translation_of.isoformat() if record.translation_of else None,
        "original": None,
        "sign_off": None,
        "signed_off": None,
        "signed_by": [],
        "changed_in_original": [],
        "moved_in_original": [],
        "how_moved": None,
        "readability": None,
        "pdf": None,
    }


@dataclass
class EditorialReport:
    """Rows by source path, for one full build (every language)."""

    today: date
    interval_years: int
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add_records(self, records: Iterable[PageRecord]) -> None:
        for record in records:
            self.rows[record.path] = record_row(record, self.interval_years, self.today)

    def add_translations(self, translations: Iterable[Translation]) -> None:
        for translation in translations:
            self.add_fields(translation.path, translation.report_fields())

    def add_trust(self, trust: Iterable[PageTrust]) -> None:
        """Each page's sign-off: signed, changed or unsigned, the last sign-off, and
        for a stale translation the original's paragraphs added or changed since, and
        those in another order (``how_moved``: "paragraphs 2 and 3 swapped places")."""
        for page in trust:
            entry, stale = page.entry, page.stale
            moved = stale.moved if stale else None
            self.add_fields(
                page.path,
                {
                    "sign_off": page.trust.value,
                    "signed_off": entry.revised.isoformat() if entry else None,
                    "signed_by": list(entry.reviewers) if entry else [],
                    "changed_in_original": [p.text for p in stale.changed] if stale else [],
                    "moved_in_original": [p.text for p in moved.paragraphs] if moved else [],
                    "how_moved": moved.describe() if moved else None,
                },
            )

    def add_fields(self, path: str, fields: Mapping[str, Any]) -> None:
        """Merge ``fields`` into the row of ``path`` (ignored for pages not in the report)."""
        if path in self.rows:
            self.rows[path].update(fields)

    def overdue(self) -> list[dict[str, Any]]:
        return self._where(lambda row: bool(row["overdue"]))

    def pending(self) -> list[dict[str, Any]]:
        return self._where(lambda row: row.get("translation") == "pending")

    def summary(self) -> dict[str, int]:
        """How many pages, and how many need an editor's attention, by reason."""
        return {
            "pages": len(self.rows),
            "drafts": len(self._where(_draft)),
            "overdue": len(self.overdue()),
            "stale": len(self._where(lambda row: row.get("translation") == "stale")),
            "pending": len(self.pending()),
            "hard_to_read": len(self._where(_hard_to_read)),
        }

    def document(self) -> dict[str, Any]:
        """The whole report as plain data (what the JSON file holds)."""
        return {
            "version": REPORT_VERSION,
            "generated": self.today.isoformat(),
            "review_interval_years": self.interval_years,
            "summary": self.summary(),
            "pages": [row for _, row in sorted(self.rows.items())],
        }

    def to_json(self) -> str:
        return json.dumps(self.document(), ensure_ascii=False, indent=2) + "\n"

    def _where(self, keep: Callable[[dict[str, Any]], bool]) -> list[dict[str, Any]]:
        return [row for _, row in sorted(self.rows.items()) if keep(row)]


def overdue_message(row: Mapping[str, Any], blocks: bool = False) -> str:
    """An editor's line for one overdue page: INFO, or a WARNING when the publisher set
    ``overdue_reviews: warn`` (``blocks``)."""
    message = (
        f"Review overdue: Doc file '{row['path']}' ({row['locale']}): last revised "
        f"{row['last_revised']}, review was due {row['review_due']}"
    )
    if blocks:
        reviewers = ",".join(row["reviewers"]) or "REVIEWER"
        command = f"{tasks_command('sign-off')} {row['path']} --by {reviewers}"
        if row["translation_reviewers"]:
            command += f" --translation-by {','.join(row['translation_reviewers'])}"
        message += (
            f"; {tasks_command('build')} refuses to publish it "
            "(extra.editorial.overdue_reviews: warn) "
            f"until its reviewers have checked it and signed it off again: {command}"
        )
    return message


def _draft(row: Mapping[str, Any]) -> bool:
    drafted = row.get("sign_off") in ("changed", "unsigned", "unconfirmed")
    return drafted and row.get("translation") != "pending"


def _hard_to_read(row: Mapping[str, Any]) -> bool:
    readability = row.get("readability")
    return isinstance(readability, Mapping) and readability.get("ok") is False


def pending_message(row: Mapping[str, Any]) -> str:
    """An editor's line for one page waiting for its translation (INFO)."""
    return (
        f"Translation pending: Doc file '{row['path']}' ({row['locale']}): shows a notice "
        f"with a link to '{row['original']}'"
    )


def summary_message(summary: Mapping[str, int], files: Iterable[str]) -> str:
    """The build log's last word on the report: counts, and where to read it."""
    return f"Editorial report: {summary_text(summary)}: {', '.join(files)}"


def summary_text(summary: Mapping[str, int]) -> str:
    """The counts of a report's summary, each noun in its plural form:
    ``1 page, 0 not signed off, 0 overdue for review, 1 stale translation, ...``."""
    return (
        f"{counted(summary['pages'], 'page', 'pages')}, {summary['drafts']} not signed off, "
        f"{summary['overdue']} overdue for review, "
        f"{counted(summary['stale'], 'stale translation', 'stale translations')}, "
        f"{counted(summary['pending'], 'pending translation', 'pending translations')}, "
        f"{summary['hard_to_read']} hard to read"
    )
