"""Property-based tests of the core formatters: any Unicode names, any valid dates,
any combination of present and absent BibTeX fields never crash, and keep their
invariants (every surname in the reference, nothing unescaped in its HTML, the
localized date read back to the same day, review due after the revision).

Replicate a failure: hypothesis prints the falsifying example; paste it into the
test's arguments (or add ``@example(...)``) and run ``pytest tests/unit/test_properties.py``.
"""

from __future__ import annotations

import calendar
import html
import json
import re
from datetime import date
from html.parser import HTMLParser

import yaml
from babel import Locale
from babel.dates import parse_date
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pybtex.database import Entry, Person

from oncopress.citations.references import (
    AUTHORS_BEFORE_ET_AL,
    MAX_AUTHORS_LISTED,
    find_citations,
    format_author,
    format_reference,
    latex_to_text,
    malformed_citations,
    reference_html,
    reference_text,
)
from oncopress.files.textfile import decode_text
from oncopress.pages.dates import EARLIEST, format_revised, review_due
from oncopress.pages.frontmatter import FrontMatterError, read_front_matter
from oncopress.pages.jsonld import citation_item, render_jsonld
from oncopress.pages.pagesafety import escape_text

LOCALES = ("en", "es")
FAST = settings(max_examples=60, deadline=None)

# Names: letters of any script with their marks, digits, and the punctuation names
# really have, plus HTML's special characters. LaTeX's own (\ { } $ % ~ ^ _ #) are left
# out: BibTeX gives them a meaning, so they are not "a name as written".
NAME = st.text(
    alphabet=st.characters(
        categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Nd"),
        include_characters="-'. <>&\"",
    ),
    min_size=1,
    max_size=16,
).filter(lambda name: name.strip() not in ("", "-", "."))
PERSON = st.builds(
    lambda first, last: Person(first=first, last=last), st.one_of(st.just(""), NAME), NAME
)
# Fields: any text at all (LaTeX or not), or absent.
FIELD = st.one_of(st.none(), st.text(max_size=40))
FIELDS = st.fixed_dictionaries(
    {name: FIELD for name in ("title", "journal", "year", "volume", "number", "pages", "doi")}
)


def entry(persons: list[Person], fields: dict[str, str | None]) -> Entry:
    present = {name: value for name, value in fields.items() if value is not None}
    return Entry("article", fields=present, persons={"author": persons} if persons else {})


def surname(person: Person) -> str:
    return latex_to_text(" ".join([*person.prelast_names, *person.last_names]))


class _Parts(HTMLParser):
    """The tags and the text of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parts(fragment: str) -> _Parts:
    parser = _Parts()
    parser.feed(fragment)
    parser.close()
    return parser


# References ----------------------------------------------------------------------------


@FAST
@given(st.lists(PERSON, max_size=MAX_AUTHORS_LISTED), FIELDS)
def test_up_to_six_authors_every_surname_is_in_the_reference(
    persons: list[Person], fields: dict[str, str | None]
) -> None:
    text = reference_text(format_reference("key", entry(persons, fields)))
    for person in persons:
        assert surname(person) in text


@FAST
@given(st.lists(PERSON, min_size=MAX_AUTHORS_LISTED + 1, max_size=12), FIELDS)
def test_more_than_six_authors_the_first_three_then_et_al(
    persons: list[Person], fields: dict[str, str | None]
) -> None:
    text = reference_text(format_reference("key", entry(persons, fields)))
    first = ", ".join(format_author(person) for person in persons[:AUTHORS_BEFORE_ET_AL])
    assert text.startswith(f"{first}, et al.")
    for person in persons[:AUTHORS_BEFORE_ET_AL]:
        assert surname(person) in text


ENTITY = re.compile(r"&(?!(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);)")
DOI_LINK = re.compile(r'<a href="[^"<>]*">|</a>')


@FAST
@given(st.lists(PERSON, max_size=8), FIELDS)
@example(
    [Person(last="<script>alert(1)</script>")],
    {"title": '"><img src=x onerror=1>', "doi": '10.1/"><script>'},
)
def test_the_reference_html_escapes_everything(
    persons: list[Person], fields: dict[str, str | None]
) -> None:
    reference = format_reference("key", entry(persons, fields))
    fragment = reference_html(reference)
    found = parts(fragment)
    assert found.tags == (["a"] if reference.doi else [])
    assert "".join(found.text) == reference_text(reference)  # the same words, once escaped
    outside = DOI_LINK.sub("", fragment)
    assert not set(outside) & set('<>"`*_[]{}\\')  # HTML and Markdown leave it alone
    assert not ENTITY.search(outside)  # every & starts an entity


KINDS = st.sampled_from(
    ["book", "collection", "incollection", "inproceedings", "report", "techreport", "thesis",
     "phdthesis", "mastersthesis", "online", "misc", "unpublished"]
)  # fmt: skip
# What the other kinds print, any text; and web addresses and access dates that are, and
# are not, ones the house style links and prints.
OTHER_FIELDS = st.fixed_dictionaries(
    {
        **{
            name: FIELD
            for name in (
                "booktitle",
                "publisher",
                "address",
                "edition",
                "school",
                "type",
                "institution",
                "howpublished",
                "organization",
            )
        },
        "url": st.one_of(st.none(), st.text(max_size=20).map(lambda rest: "https://a.org/" + rest)),
        "urldate": st.one_of(st.none(), st.dates().map(str), st.text(max_size=10)),
    }
)


@FAST
@given(KINDS, st.lists(PERSON, max_size=8), st.lists(PERSON, max_size=3), FIELDS, OTHER_FIELDS)
@example(
    "online",
    [],
    [],
    {"title": "<b>", "year": "2024", "doi": None, "journal": None, "volume": None,
     "number": None, "pages": None},
    {"url": 'https://a.org/"><script>', "urldate": "2026-12-03", "organization": "<i>&"},
)  # fmt: skip
def test_every_kind_of_reference_html_escapes_everything(
    kind: str,
    authors: list[Person],
    editors: list[Person],
    fields: dict[str, str | None],
    others: dict[str, str | None],
) -> None:
    present = {name: value for name, value in {**fields, **others}.items() if value is not None}
    persons = {"author": authors, "editor": editors}
    reference = format_reference(
        "key", Entry(kind, fields=present, persons={k: v for k, v in persons.items() if v})
    )
    for locale in LOCALES:
        fragment = reference_html(reference, locale)
        found = parts(fragment)
        assert found.tags == (["a"] if reference.link[1] else [])
        assert "".join(found.text) == reference_text(reference, locale)
        outside = DOI_LINK.sub("", fragment)
        assert not set(outside) & set('<>"`*_[]{}\\')
        assert not ENTITY.search(outside)
        data = citation_item(reference)
        inner = render_jsonld(data).removeprefix('<script type="application/ld+json">')
        assert not set(inner.removesuffix("</script>")) & set("<>&")


@FAST
@given(st.lists(PERSON, max_size=8), FIELDS)
def test_the_jsonld_of_a_reference_cannot_close_its_script(
    persons: list[Person], fields: dict[str, str | None]
) -> None:
    data = citation_item(format_reference("key", entry(persons, fields)))
    element = render_jsonld(data)
    inner = element.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    assert not set(inner) & set("<>&")
    assert json.loads(inner) == data


# Dates ---------------------------------------------------------------------------------


def read_back(text: str, locale: str) -> date:
    """Babel's ``parse_date`` of a long date. Babel reads numbers only (its FIXME: "should
    also support month names"), so the month's name, from Babel's own locale data, is
    given as its number first."""
    names = Locale.parse(locale).months["format"]["wide"]
    for number, name in sorted(names.items(), key=lambda item: -len(item[1])):
        text = re.sub(rf"\b{re.escape(name)}\b", str(number), text, flags=re.IGNORECASE)
    return parse_date(text, locale=locale, format="long")


def leap_days(last_year: int = 9996) -> st.SearchStrategy[date]:
    return (
        st.integers(EARLIEST.year, last_year).filter(calendar.isleap).map(lambda y: date(y, 2, 29))
    )


@FAST
@given(st.one_of(st.dates(min_value=EARLIEST), leap_days()), st.sampled_from(LOCALES))
@example(date(2024, 2, 29), "es")
@example(date(9999, 12, 31), "en")
@example(EARLIEST, "es")
def test_the_last_revised_date_reads_back_to_the_same_day(day: date, locale: str) -> None:
    assert read_back(format_revised(day, locale), locale) == day


@FAST
@given(
    st.one_of(st.dates(min_value=EARLIEST, max_value=date(9899, 12, 31)), leap_days(9899)),
    st.integers(min_value=1, max_value=100),
)
@example(date(2024, 2, 29), 1)
@example(date(2024, 2, 29), 4)
@example(date(2096, 2, 29), 4)  # 2100 is not a leap year
def test_review_due_is_after_the_revision(day: date, years: int) -> None:
    due = review_due(day, years)
    assert due > day
    assert (due.year, due.month) == (day.year + years, day.month)
    leap_day_lost = (day.month, day.day) == (2, 29) and not calendar.isleap(due.year)
    assert due.day == (28 if leap_day_lost else day.day)


@FAST
@given(st.dates(min_value=date(9000, 1, 1)), st.integers(min_value=1, max_value=10_000))
def test_review_due_past_the_calendar_stops_at_its_last_day(day: date, years: int) -> None:
    due = review_due(day, years)
    assert due >= day
    if day.year + years > date.max.year:
        assert due == date.max
    else:
        assert (due.year, due.month) == (day.year + years, day.month)


# Text an editor writes -------------------------------------------------------------------


PAGE_TEXT = st.one_of(
    st.text(max_size=200),
    st.text(max_size=200).map(lambda text: f"---\n{text}"),
    st.builds(lambda front, body: f"---\n{front}\n---\n{body}", st.text(max_size=120), st.text()),
)


@FAST
@given(PAGE_TEXT)
@example("---\n")
@example("---\n? [a]\n: b\n---\nText\n")
@example("---\n&a [*a]\n---\nText\n")
def test_any_page_text_reads_or_gives_a_front_matter_error(text: str) -> None:
    try:
        meta, markdown = read_front_matter(text)
    except FrontMatterError as error:
        assert str(error)
    else:
        assert isinstance(meta, dict)
        assert markdown.strip() or "template" in meta or "translation_status" in meta


KEYS = st.sampled_from(("title", "description", "medical", "reviewed_by", "pdf"))
# Without the line breaks PyYAML itself does not read back as dumped (NEL, U+2028/9).
YAML_TEXT = st.text(st.characters(exclude_characters="\r\x85\u2028\u2029"), max_size=30)
VALUES = st.one_of(YAML_TEXT, st.booleans(), st.lists(YAML_TEXT, max_size=3))


@FAST
@given(st.dictionaries(KEYS, VALUES, max_size=5), st.text(min_size=1, max_size=50))
def test_front_matter_reads_back_what_was_written(meta: dict[str, object], body: str) -> None:
    body = body.replace("\r", "") + "\nText.\n"
    front = yaml.safe_dump(meta, allow_unicode=True) if meta else "\n"
    read, markdown = read_front_matter(f"---\n{front}---\n{body}")
    assert read == meta
    assert markdown == body.lstrip("\n")


# A key starts with a letter, digit or underscore (as in pandoc); Better BibTeX keys
# also carry ':', '.', '/' and '+' (oncopress.citations.references).
KEY = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_:./+-]{0,19}", fullmatch=True)


@FAST
@given(st.lists(KEY, min_size=1, max_size=5), st.text(max_size=100))
def test_every_citation_is_found_and_no_good_one_is_called_malformed(
    keys: list[str], prose: str
) -> None:
    prose = re.sub(r"[\[\]@]", "", prose)
    markdown = f"{prose} [{'; '.join('@' + key for key in keys)}] {prose}"
    assert [cited.key for cited in find_citations(markdown)] == keys
    assert malformed_citations(markdown) == []


@FAST
@given(st.text(max_size=200))
def test_citation_search_never_fails(markdown: str) -> None:
    assert isinstance(find_citations(markdown), list)
    assert isinstance(malformed_citations(markdown), list)


@FAST
@given(st.text())
def test_escaped_text_has_no_markup_and_reads_back(text: str) -> None:
    escaped = escape_text(text)
    assert not set(escaped) & set('<>"')
    assert html.unescape(escaped) == text


@FAST
@given(st.text(), st.booleans())
def test_utf8_text_decodes_with_any_line_endings(text: str, bom: bool) -> None:
    text = text.replace("\r", "")
    data = ("\ufeff" if bom else "").encode() + text.replace("\n", "\r\n").encode("utf-8")
    expected = text
    if not bom and text.startswith("\ufeff"):
        expected = expected[1:]  # a mark the text itself starts with reads as the BOM
    assert decode_text(data) == expected
