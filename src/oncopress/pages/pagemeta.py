"""The editorial stamp under each page, as plain data for the template
(``overrides/partials/page-meta.html``): last revision date, next review due,
reviewers with their credentials, on medical pages the advice to ask one's own
doctor, and the page's latest change notes. Every visible string is in the language
being built.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from babel.lists import format_list

from oncopress.checks.preflight import PageRecord
from oncopress.checks.review import ReviewerRegistry
from oncopress.i18n.labels import label
from oncopress.ledger.ledgerfile import Note
from oncopress.pages.dates import format_revised

CHANGES_SHOWN = 5  # the newest change notes a page shows (the ledger keeps every one)

_TOKEN = re.compile(r"\x00\d+\x00")


def list_separators(count: int, locale: str) -> list[str]:
    """The text before each of ``count`` items in a list written in ``locale``:
    ``["", ", ", ", and "]`` in English, ``["", ", ", " y "]`` in Spanish."""
    if count == 0:
        return []
    written = format_list([f"\x00{i}\x00" for i in range(count)], locale=locale)
    return _TOKEN.split(written)[:-1]


def reviewer_group(
    field_label: str, ids: Sequence[str], registry: ReviewerRegistry, locale: str
) -> dict[str, Any]:
    """One attribution line ("Reviewed by A and B") with each reviewer's credentials."""
    separators = list_separators(len(ids), locale)
    return {
        "label": field_label,
        "reviewers": [
            {
                "id": reviewer_id,
                "name": registry.get(reviewer_id).name[locale],
                "credentials": registry.get(reviewer_id).credentials[locale],
                "before": before,
                "article": registry.get(reviewer_id).article.get(locale, ""),
            }
            for reviewer_id, before in zip(ids, separators, strict=True)
        ],
    }


def dated(key: str, day: date, locale: str) -> dict[str, str]:
    """A labelled date of the stamp: ``{"label": "Next review due", "iso": "2027-08-28",
    "text": "August 28, 2027"}`` (Babel's long date in ``locale``)."""
    text = format_revised(day, locale)
    return {"label": label(key, locale), "iso": day.isoformat(), "text": text}


def page_meta(
    record: PageRecord,
    registry: ReviewerRegistry,
    locale: str,
    about_url: str | None,
    review_due: date | None = None,
    notes: Sequence[Note] = (),
) -> dict[str, Any]:
    """Template data for one page in ``locale``; ``about_url`` is where reviewer
    names link to (the About page of that language, site-relative), if any;
    ``review_due`` is when the page is due for review; ``notes`` its change notes,
    oldest first, as the ledger keeps them."""
    groups = [
        reviewer_group(label(field, locale), ids, registry, locale)
        for field, ids in (
            ("reviewed_by", record.reviewers),
            ("translation_reviewed_by", record.translation_reviewers),
        )
        if ids
    ]
    return {
        "locale": locale,
        "last_revised": dated("last_revised", record.last_revised, locale),
        "review_due": dated("review_due", review_due, locale) if review_due else None,
        "reviews": groups,
        "about_url": about_url,
        "talk_to_doctor": label("talk_to_doctor", locale) if record.medical else None,
        "changes": changes(notes, locale),
    }


def changes(notes: Sequence[Note], locale: str) -> dict[str, Any] | None:
    """The "Changes to this page" list: the newest ``CHANGES_SHOWN`` notes, newest
    first, each with its date in ``locale`` (None when the page has no note)."""
    if not notes:
        return None
    newest = sorted(enumerate(notes), key=lambda item: (item[1].day, item[0]), reverse=True)
    return {
        "label": label("changes", locale),
        "notes": [
            {
                "iso": note.day.isoformat(),
                "date": format_revised(note.day, locale),
                "text": note.text,
            }
            for _, note in newest[:CHANGES_SHOWN]
        ],
    }
