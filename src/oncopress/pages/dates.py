"""Revision dates: read them from front matter, show them in the page's language,
and work out when a page is due for review.

Dates come from front matter only (``last_revised: 2023-08-28``), never from git:
a shallow clone would give every page the date of the clone.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime

from babel.dates import format_date

from oncopress.problems import ContentError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
EXAMPLE = "2023-08-28"
# No page was revised before this: an earlier year is a typo (0023, 1023 for 2023),
# and years below 100 would be printed, and read back, as if they were 20xx.
EARLIEST = date(1900, 1, 1)


class DateError(ContentError):
    """A revision date in front matter is missing, malformed, impossible or in the future."""


class BuildDateError(ValueError):
    """``SOURCE_DATE_EPOCH`` is set but is not a Unix timestamp."""


def parse_revised(value: object, today: date, field: str = "last_revised") -> date:
    """The date in front matter field ``field``, checked against ``today``.

    Accepts a ``date`` (YAML turns ``2023-08-28`` into one) or the same text
    ``YYYY-MM-DD``. Refuses anything else, impossible days, future dates and dates
    before ``EARLIEST``.
    """
    if value is None:
        raise DateError(
            f"has no '{field}' in front matter; add the date of the last revision, "
            f"like {field}: {EXAMPLE}"
        )
    if isinstance(value, date) and not isinstance(value, datetime):
        day = value
    elif isinstance(value, str) and ISO_DATE.fullmatch(value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError as error:
            raise DateError(f"'{field}' is not a real date: {value.strip()} ({error})") from None
    else:
        raise DateError(
            f"'{field}' must be a date written YYYY-MM-DD, like {EXAMPLE} (found {value!r})"
        )
    if day > today:
        raise DateError(f"'{field}' is in the future: {day.isoformat()} (today is {today})")
    if day < EARLIEST:
        raise DateError(
            f"'{field}' is before {EARLIEST.year}: {day.isoformat()}; check the year "
            f"(like {EXAMPLE})"
        )
    return day


def format_revised(day: date, locale: str) -> str:
    """Babel's long date in ``locale``: "August 28, 2023" / "28 de agosto de 2023"."""
    return format_date(day, "long", locale=locale)


def review_due(day: date, years: int) -> date:
    """The day a page revised on ``day`` is due for review, ``years`` later.

    A page revised on 29 February is due on 28 February of a common year;
    dates past the calendar's end stop at 9999-12-31.
    """
    return add_months(day, 12 * years)


def add_months(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months later: 31 January and one month is the
    last day of February; dates past the calendar's end stop at 9999-12-31."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year > date.max.year:
        return date.max
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def next_review(revised: date, interval_years: int, interval_months: int | None) -> date:
    """When a page signed off on ``revised`` is due for review: ``interval_months`` (the
    page's own ``review_interval_months``) after it, or else the site's
    ``interval_years``."""
    if interval_months is not None:
        return add_months(revised, interval_months)
    return review_due(revised, interval_years)


REVIEW_INTERVAL_FIELD = "review_interval_months"
MAX_INTERVAL_MONTHS = 120


def parse_review_interval(value: object) -> int | None:
    """A page's own review interval in months (front matter ``review_interval_months``),
    or None when it has none (the site's ``review_interval_years`` applies)."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= MAX_INTERVAL_MONTHS:
            return value
    raise DateError(
        f"'{REVIEW_INTERVAL_FIELD}' must be a whole number of months from 1 to "
        f"{MAX_INTERVAL_MONTHS}, like {REVIEW_INTERVAL_FIELD}: 6 (found {value!r})"
    )


def is_overdue(due: date, today: date) -> bool:
    """True once the review date has passed."""
    return today > due


def build_date(environ: Mapping[str, str], clock: Callable[[], date]) -> date:
    """Today, for the build: ``SOURCE_DATE_EPOCH`` (reproducible builds) or ``clock()``."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return clock()
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    except (ValueError, OverflowError, OSError):
        raise BuildDateError(
            f"SOURCE_DATE_EPOCH must be a Unix timestamp in whole seconds (found {epoch!r})"
        ) from None
