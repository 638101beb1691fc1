"""The editorial report: one JSON file for editors, one row per page and language
(``site/editorial-report.json``).

Rows start from the preflight's ``PageRecord`` (path, locale, title, dates,
reviewers, citations, medical); anything known later is merged in by name with
``add_fields`` (the URL once the language's files are laid out; later also
translation status, readability, PDF...). The JSON lists rows sorted by path.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from oncopress.dates import is_overdue, review_due
from oncopress.preflight import PageRecord

REPORT_FILE = "editorial-report.json"
REPORT_VERSION = 1


def record_row(record: PageRecord, interval_years: int, today: date) -> dict[str, Any]:
    """The report row of one checked page."""
    due = review_due(record.last_revised, interval_years)
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

    def add_fields(self, path: str, fields: Mapping[str, Any]) -> None:
        """Merge ``fields`` into the row of ``path`` (ignored for pages not in the report)."""
        if path in self.rows:
            self.rows[path].update(fields)

    def overdue(self) -> list[dict[str, Any]]:
        return [row for _, row in sorted(self.rows.items()) if row["overdue"]]

    def to_json(self) -> str:
        pages = [row for _, row in sorted(self.rows.items())]
        document = {
            "version": REPORT_VERSION,
            "generated": self.today.isoformat(),
            "review_interval_years": self.interval_years,
            "summary": {"pages": len(pages), "overdue": len(self.overdue())},
            "pages": pages,
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def overdue_message(row: Mapping[str, Any]) -> str:
    """An editor's line for one overdue page (logged at INFO, never a warning)."""
    return (
        f"Review overdue: Doc file '{row['path']}' ({row['locale']}): last revised "
        f"{row['last_revised']}, review was due {row['review_due']}"
    )
