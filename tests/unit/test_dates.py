from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from oncopress.pages.dates import (
    EARLIEST,
    BuildDateError,
    DateError,
    add_months,
    build_date,
    format_revised,
    is_overdue,
    next_review,
    parse_review_interval,
    parse_revised,
    review_due,
)
from oncopress.problems import ContentError

TODAY = date(2026, 11, 26)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2023, 8, 28), date(2023, 8, 28)),
        ("2023-08-28", date(2023, 8, 28)),
        (" 2023-08-28 ", date(2023, 8, 28)),
        ("2024-02-29", date(2024, 2, 29)),  # a real leap day
        (TODAY, TODAY),  # revised today is not the future
    ],
)
def test_parse_revised_accepts_iso_dates(value: object, expected: date) -> None:
    assert parse_revised(value, TODAY) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            None,
            "has no 'last_revised' in front matter; add the date of the last revision, "
            "like last_revised: 2023-08-28",
        ),
        (
            "28/08/2023",
            "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 "
            "(found '28/08/2023')",
        ),
        (
            "yesterday",
            "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 (found 'yesterday')",
        ),
        (
            20230828,
            "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 (found 20230828)",
        ),
        (
            datetime(2023, 8, 28, 10, 30),
            "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 "
            "(found datetime.datetime(2023, 8, 28, 10, 30))",
        ),
        (
            "2023-08-28 10:30",
            "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 "
            "(found '2023-08-28 10:30')",
        ),
        (
            "2023-02-30",
            "'last_revised' is not a real date: 2023-02-30 (day is out of range for month)",
        ),
        (
            "2023-02-29",
            "'last_revised' is not a real date: 2023-02-29 (day is out of range for month)",
        ),
        ("2023-13-01", "'last_revised' is not a real date: 2023-13-01 (month must be in 1..12)"),
        ("2026-11-27", "'last_revised' is in the future: 2026-11-27 (today is 2026-11-26)"),
        (date(2999, 1, 1), "'last_revised' is in the future: 2999-01-01 (today is 2026-11-26)"),
        ("9999-12-31", "'last_revised' is in the future: 9999-12-31 (today is 2026-11-26)"),
    ],
)
def test_parse_revised_refuses_with_a_clear_message(value: object, message: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_revised(value, TODAY)
    assert str(raised.value) == message
    assert isinstance(raised.value, ContentError)


def test_parse_revised_names_the_field_it_reads() -> None:
    with pytest.raises(DateError, match=r"^'translation_of' is in the future: 2027-01-01"):
        parse_revised("2027-01-01", TODAY, field="translation_of")


@pytest.mark.parametrize(
    ("day", "locale", "expected"),
    [
        (date(2023, 8, 28), "en", "August 28, 2023"),
        (date(2023, 8, 28), "es", "28 de agosto de 2023"),
        (date(2024, 2, 29), "en", "February 29, 2024"),
        (date(2024, 2, 29), "es", "29 de febrero de 2024"),
        (date(2024, 1, 1), "en", "January 1, 2024"),
        (date(2024, 1, 1), "es", "1 de enero de 2024"),
        (date(9999, 12, 31), "en", "December 31, 9999"),
        (date(9999, 12, 31), "es", "31 de diciembre de 9999"),
    ],
)
def test_format_revised_is_babels_long_date(day: date, locale: str, expected: str) -> None:
    assert format_revised(day, locale) == expected


@pytest.mark.parametrize(
    ("day", "years", "expected"),
    [
        (date(2023, 8, 28), 3, date(2026, 8, 28)),
        (date(2024, 2, 29), 3, date(2027, 2, 28)),  # no 29 February in 2027
        (date(2024, 2, 29), 4, date(2028, 2, 29)),
        (date(2023, 12, 31), 1, date(2024, 12, 31)),
        (date(9998, 6, 1), 1, date(9999, 6, 1)),
        (date(9998, 6, 1), 3, date.max),  # past the calendar's end
    ],
)
def test_review_due(day: date, years: int, expected: date) -> None:
    assert review_due(day, years) == expected


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 12, 3), 6, date(2027, 6, 3)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),  # no 31 February: its last day
        (date(2027, 8, 31), 6, date(2028, 2, 29)),  # a leap year's last day of February
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 11, 30), 1, date(2026, 12, 30)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),  # into the next year
        (date(2026, 12, 3), 120, date(2036, 12, 3)),
        (date(9999, 6, 1), 7, date.max),  # past the calendar's end
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("years", "months", "expected"),
    [
        (1, None, date(2027, 12, 3)),  # the site's interval
        (3, None, date(2029, 12, 3)),
        (3, 6, date(2027, 6, 3)),  # the page's own interval wins
        (1, 18, date(2028, 6, 3)),
    ],
)
def test_next_review(years: int, months: int | None, expected: date) -> None:
    assert next_review(date(2026, 12, 3), years, months) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, None), (1, 1), (6, 6), (120, 120)],
)
def test_parse_review_interval(value: object, expected: int | None) -> None:
    assert parse_review_interval(value) == expected


@pytest.mark.parametrize("value", [0, 121, -6, True, 6.5, "6", "six", [6]])
def test_a_review_interval_that_is_not_a_whole_number_of_months_is_refused(value: object) -> None:
    with pytest.raises(DateError) as raised:
        parse_review_interval(value)
    assert str(raised.value) == (
        "'review_interval_months' must be a whole number of months from 1 to 120, like "
        f"review_interval_months: 6 (found {value!r})"
    )


@given(st.dates(max_value=date(9000, 12, 31)), st.integers(min_value=1, max_value=50))
def test_review_due_keeps_the_day_of_the_year(day: date, years: int) -> None:
    due = review_due(day, years)
    assert due.year == day.year + years
    assert due.month == day.month
    assert due.day == day.day or (day.month, day.day, due.day) == (2, 29, 28)


@given(st.dates(min_value=EARLIEST, max_value=TODAY))
def test_parse_revised_reads_back_any_past_iso_date(day: date) -> None:
    assert parse_revised(day.isoformat(), TODAY) == day


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "0023-08-28",
            "'last_revised' is before 1900: 0023-08-28; check the year (like 2023-08-28)",
        ),
        (
            "1899-12-31",
            "'last_revised' is before 1900: 1899-12-31; check the year (like 2023-08-28)",
        ),
        (
            date(1023, 8, 28),
            "'last_revised' is before 1900: 1023-08-28; check the year (like 2023-08-28)",
        ),
    ],
)
def test_parse_revised_refuses_a_year_before_1900(written: object, message: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_revised(written, TODAY)
    assert str(raised.value) == message
    assert parse_revised("1900-01-01", TODAY) == EARLIEST


@pytest.mark.parametrize(
    ("due", "expected"),
    [(date(2026, 11, 25), True), (date(2026, 11, 26), False), (date(2026, 11, 27), False)],
)
def test_is_overdue_once_the_due_day_has_passed(due: date, expected: bool) -> None:
    assert is_overdue(due, TODAY) is expected


def test_build_date_is_the_clock_without_source_date_epoch() -> None:
    assert build_date({}, lambda: TODAY) == TODAY
    assert build_date({"SOURCE_DATE_EPOCH": " "}, lambda: TODAY) == TODAY


def test_build_date_follows_source_date_epoch() -> None:
    assert build_date({"SOURCE_DATE_EPOCH": "1795651200"}, lambda: date(2000, 1, 1)) == TODAY


def test_build_date_refuses_a_bad_source_date_epoch() -> None:
    with pytest.raises(BuildDateError) as raised:
        build_date({"SOURCE_DATE_EPOCH": "2026-11-26"}, lambda: TODAY)
    assert str(raised.value) == (
        "SOURCE_DATE_EPOCH must be a Unix timestamp in whole seconds (found '2026-11-26')"
    )
