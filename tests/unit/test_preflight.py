from datetime import date

import pytest
from oncopress.preflight import PageRecord, Rules, SourcePage, check_page, check_pages, language_of
from oncopress.problems import Problem, summarize_problems
from oncopress.review import Reviewer, ReviewerRegistry

TODAY = date(2026, 11, 26)
TEAM = Reviewer("content-team", {"en": "Team", "es": "Equipo"}, {"en": "MDs", "es": "Médicos"})
RULES = Rules(
    reviewers=ReviewerRegistry("reviewers.yml", {"content-team": TEAM}),
    reference_keys=frozenset({"emery2022management", "gotze2019fear"}),
    bibliography="bibliography.bib",
    today=TODAY,
)
GOOD = (
    "---\ntitle: Recurrence\nlast_revised: 2023-08-28\nreviewed_by: [content-team]\n---\n\n"
    "# Recurrence\n\nIt helps [@emery2022management; @gotze2019fear]. See [@gotze2019fear].\n"
)
NO_REVIEWER = (
    "medical page has no 'reviewed_by' in front matter (name reviewer ids from reviewers.yml, "
    "or set 'medical: false')"
)


def page(
    text: str, path: str = "docs_es/survivorship/recurrence.md", locale: str = "es"
) -> SourcePage:
    return SourcePage(path, locale, text)


@pytest.mark.parametrize(
    ("src_uri", "expected"),
    [
        ("care.md", ("en", "care.md")),
        ("es/care.md", ("es", "care.md")),
        ("es/survivorship/recurrence.md", ("es", "survivorship/recurrence.md")),
        ("en/care.md", ("en", "en/care.md")),  # the default language has no folder
        ("fr/care.md", ("en", "fr/care.md")),
        ("es.md", ("en", "es.md")),
    ],
)
def test_language_of(src_uri: str, expected: tuple[str, str]) -> None:
    assert language_of(src_uri, ["en", "es"], "en") == expected


@pytest.mark.parametrize("content", [GOOD, GOOD.encode("utf-8"), b"\xef\xbb\xbf" + GOOD.encode()])
def test_a_good_page_gives_its_record(content: str | bytes) -> None:
    assert check_page(page(content), RULES) == (  # type: ignore[arg-type]
        PageRecord(
            path="docs_es/survivorship/recurrence.md",
            locale="es",
            title="Recurrence",
            last_revised=date(2023, 8, 28),
            medical=True,
            reviewers=("content-team",),
            translation_reviewers=(),
            citations=("emery2022management", "gotze2019fear"),
        ),
        [],
    )


@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        ("reviewed_by: [content-team]\n", "", [NO_REVIEWER]),
        (
            "reviewed_by: [content-team]\n",
            "reviewed_by: [dr-who]\n",
            ["unknown reviewer id 'dr-who' in 'reviewed_by' (ids in reviewers.yml: content-team)"],
        ),
        (
            "2023-08-28",
            "28/08/2023",
            [
                "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 "
                "(found '28/08/2023')"
            ],
        ),
        (
            "2023-08-28",
            "2023-02-30",
            ["'last_revised' is not a real date: 2023-02-30 (day is out of range for month)"],
        ),
        (
            "2023-08-28",
            "2999-01-01",
            ["'last_revised' is in the future: 2999-01-01 (today is 2026-11-26)"],
        ),
        (
            "@gotze2019fear]. See",
            "@smith2020]. See",
            ["cites unknown reference key 'smith2020' (not in bibliography.bib)"],
        ),
        (
            "[@gotze2019fear].",
            "[see @gotze2019fear, p. 3].",
            [
                "citation [see @gotze2019fear, p. 3] has text besides the key; "
                "cite as [@gotze2019fear]"
            ],
        ),
        (
            "title: Recurrence\n",
            "title: [Recurrence\n",
            ["front matter is not valid YAML (line 2, column 8: expected ',' or ']', but got ':')"],
        ),
        (
            "last_revised: 2023-08-28\nreviewed_by: [content-team]\n",
            "",
            [
                "has no 'last_revised' in front matter; add the date of the last revision, "
                "like last_revised: 2023-08-28",
                NO_REVIEWER,
            ],
        ),
    ],
)
def test_page_problems(old: str, new: str, problems: list[str]) -> None:
    assert old in GOOD
    assert check_page(page(GOOD.replace(old, new)), RULES) == (None, problems)


def test_a_page_that_is_not_utf8() -> None:
    content = GOOD.replace("Recurrence", "Recurrencia de c\xe1ncer").encode("latin-1")
    assert check_page(page(content), RULES) == (  # type: ignore[arg-type]
        None,
        ["is not UTF-8 text (line 2: invalid continuation byte); save it as UTF-8"],
    )


def test_non_medical_pages_need_no_reviewer() -> None:
    text = "---\ntitle: Home\nlast_revised: 2023-08-28\nmedical: false\n---\n# Home\n"
    record, problems = check_page(page(text, "docs/index.md", "en"), RULES)
    assert problems == []
    assert record is not None
    assert (record.medical, record.reviewers, record.citations) == (False, (), ())


def test_every_problem_of_every_page_in_one_summary() -> None:
    broken = GOOD.replace("reviewed_by: [content-team]\n", "").replace("2023-08-28", "yesterday")
    pages = [
        page(broken, "docs/care.md", "en"),
        page(GOOD, "docs/index.md", "en"),
        page(broken, "docs_es/care.md", "es"),
    ]
    records, problems = check_pages(pages, RULES)
    assert list(records) == ["docs/index.md"]
    assert summarize_problems([*problems, *problems], "Editorial check") == (
        "Editorial check failed: 4 problems in 2 pages\n"
        "  Doc file 'docs/care.md' (en): 'last_revised' must be a date written YYYY-MM-DD, "
        "like 2023-08-28 (found 'yesterday')\n"
        f"  Doc file 'docs/care.md' (en): {NO_REVIEWER}\n"
        "  Doc file 'docs_es/care.md' (es): 'last_revised' must be a date written YYYY-MM-DD, "
        "like 2023-08-28 (found 'yesterday')\n"
        f"  Doc file 'docs_es/care.md' (es): {NO_REVIEWER}"
    )
    assert problems[0] == Problem("docs/care.md", "en", problems[0].message)
