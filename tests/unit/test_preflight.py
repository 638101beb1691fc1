from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from oncopress.checks.preflight import (
    PageRecord,
    Rules,
    SourcePage,
    check_page,
    check_pages,
    check_site,
    language_of,
    source_path,
)
from oncopress.checks.review import Reviewer, ReviewerRegistry
from oncopress.i18n.translations import Status, Translation
from oncopress.problems import Problem, summarize_problems

TODAY = date(2026, 11, 26)
TEAM = Reviewer("content-team", {"en": "Team", "es": "Equipo"}, {"en": "MDs", "es": "Médicos"})
TRANSLATORS = Reviewer(
    "translation-team", {"en": "Translators", "es": "Traductores"}, {"en": "-", "es": "-"}
)
RULES = Rules(
    reviewers=ReviewerRegistry(
        "reviewers.yml", {"content-team": TEAM, "translation-team": TRANSLATORS}
    ),
    reference_keys=frozenset({"emery2022management", "gotze2019fear"}),
    bibliography="bibliography.bib",
    today=TODAY,
)
GOOD = (
    "---\ntitle: Recurrence\nlast_revised: 2023-08-28\nreviewed_by: [content-team]\n---\n\n"
    "# Recurrence\n\nIt helps [@emery2022management; @gotze2019fear]. See [@gotze2019fear].\n"
)
GOOD_ES = GOOD.replace(
    "reviewed_by: [content-team]\n",
    "translation_of: 2023-08-28\nreviewed_by: [content-team]\n"
    "translation_reviewed_by: [translation-team]\n",
)
FOLDERS = {"en": "docs", "es": "docs_es"}
NO_REVIEWER = (
    "medical page has no 'reviewed_by' in front matter (name reviewer ids from reviewers.yml, "
    "or set 'medical: false')"
)


def page(
    text: str | bytes, path: str = "docs/survivorship/recurrence.md", locale: str = "en"
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
    assert check_page(page(content), RULES) == (
        PageRecord(
            path="docs/survivorship/recurrence.md",
            locale="en",
            title="Recurrence",
            last_revised=date(2023, 8, 28),
            medical=True,
            reviewers=("content-team",),
            translation_reviewers=(),
            citations=("emery2022management", "gotze2019fear"),
        ),
        [],
    )


def test_a_good_translation_gives_its_record() -> None:
    record, problems = check_page(page(GOOD_ES, "docs_es/survivorship/recurrence.md", "es"), RULES)
    assert problems == []
    assert record == PageRecord(
        path="docs_es/survivorship/recurrence.md",
        locale="es",
        title="Recurrence",
        last_revised=date(2023, 8, 28),
        medical=True,
        reviewers=("content-team",),
        translation_reviewers=("translation-team",),
        citations=("emery2022management", "gotze2019fear"),
        translation_of=date(2023, 8, 28),
        translation_pending=False,
    )


@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        ("reviewed_by: [content-team]\n", "", [NO_REVIEWER]),
        (
            "reviewed_by: [content-team]\n",
            "reviewed_by: [dr-who]\n",
            [
                "unknown reviewer id 'dr-who' in 'reviewed_by' "
                "(ids in reviewers.yml: content-team, translation-team)"
            ],
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
    def broken(text: str) -> str:
        return text.replace("reviewed_by: [content-team]\n", "").replace(
            "last_revised: 2023-08-28", "last_revised: yesterday"
        )

    pages = [
        page(broken(GOOD), "docs/care.md", "en"),
        page(GOOD, "docs/index.md", "en"),
        page(broken(GOOD_ES), "docs_es/care.md", "es"),
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


STUB = (
    "---\ntitle: Cómo sobrellevar el cansancio\nlast_revised: 2023-09-15\n"
    "translation_status: pending\n---\n"
)
NO_TRANSLATION_REVIEWER = (
    "medical page has no 'translation_reviewed_by' in front matter (name the reviewer ids of "
    "the translation from reviewers.yml)"
)


@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        (
            "translation_of: 2023-08-28\n",
            "",
            [
                "has no 'translation_of' in front matter; add the last_revised date of the "
                "English page it translates, like translation_of: 2023-08-28"
            ],
        ),
        (
            "translation_of: 2023-08-28\n",
            "translation_of: 2023-02-30\n",
            ["'translation_of' is not a real date: 2023-02-30 (day is out of range for month)"],
        ),
        (
            "translation_of: 2023-08-28\n",
            "translation_of: 2027-01-01\n",
            ["'translation_of' is in the future: 2027-01-01 (today is 2026-11-26)"],
        ),
        ("translation_reviewed_by: [translation-team]\n", "", [NO_TRANSLATION_REVIEWER]),
        (
            "translation_reviewed_by: [translation-team]\n",
            "translation_reviewed_by: [translaters]\n",
            [
                "unknown reviewer id 'translaters' in 'translation_reviewed_by' "
                "(ids in reviewers.yml: content-team, translation-team)"
            ],
        ),
        (
            "translation_of: 2023-08-28\n",
            "translation_of: 2023-08-28\ntranslation_status: done\n",
            [
                "'translation_status' can only be 'pending' (found 'done'); remove it once the "
                "page is translated"
            ],
        ),
    ],
)
def test_translation_problems(old: str, new: str, problems: list[str]) -> None:
    assert old in GOOD_ES
    spanish = page(GOOD_ES.replace(old, new), "docs_es/care.md", "es")
    assert check_page(spanish, RULES) == (None, problems)


def test_a_non_medical_translation_needs_no_translation_reviewer() -> None:
    text = "---\ntitle: Inicio\nlast_revised: 2023-08-28\ntranslation_of: 2023-08-28\n"
    text += "medical: false\n---\n# Inicio\n"
    record, problems = check_page(page(text, "docs_es/index.md", "es"), RULES)
    assert problems == []
    assert record is not None and record.translation_of == date(2023, 8, 28)


def test_translation_fields_on_an_original_are_refused() -> None:
    english = page(GOOD_ES, "docs/care.md", "en")
    assert check_page(english, RULES) == (
        None,
        [
            "'translation_of' is only for translations; the English page is the original "
            "(remove it)",
            "'translation_reviewed_by' is only for translations; the English page is the "
            "original (remove it)",
        ],
    )


def test_a_pending_stub_is_a_non_medical_record_without_reviewers() -> None:
    record, problems = check_page(page(STUB, "docs_es/fatigue.md", "es"), RULES)
    assert problems == []
    assert record == PageRecord(
        path="docs_es/fatigue.md",
        locale="es",
        title="Cómo sobrellevar el cansancio",
        last_revised=date(2023, 9, 15),
        medical=False,
        reviewers=(),
        translation_reviewers=(),
        citations=(),
        translation_of=None,
        translation_pending=True,
    )


def test_a_pending_stub_with_text_a_date_and_no_title() -> None:
    stub = STUB.replace("title: Cómo sobrellevar el cansancio\n", "translation_of: 2023-08-28\n")
    stub += "\nFatigue is common.\n"
    marked = "is marked 'translation_status: pending'"
    assert check_page(page(stub, "docs_es/fatigue.md", "es"), RULES) == (
        None,
        [
            f"{marked} and has 'translation_of'; once the page is translated, remove "
            "'translation_status'",
            f"{marked} but has no 'title'; give its title in Spanish",
            f"{marked} but has text; a pending page shows only a notice with a link to the "
            "original (remove the text, or finish the translation)",
        ],
    )


def site(*pages: tuple[str, str, str]) -> list[SourcePage]:
    return [page(text, path, locale) for path, locale, text in pages]


def test_check_site_gives_each_page_its_translation_status() -> None:
    revised = GOOD.replace("last_revised: 2023-08-28", "last_revised: 2024-03-01")
    checked = check_site(
        site(
            ("docs/care.md", "en", revised),
            ("docs_es/care.md", "es", GOOD_ES),
            ("docs/index.md", "en", GOOD),
            ("docs_es/index.md", "es", GOOD_ES),
            ("docs/fatigue.md", "en", GOOD),
            ("docs_es/fatigue.md", "es", STUB),
        ),
        RULES,
        FOLDERS,
    )
    assert checked.problems == []
    assert checked.translations == {
        "docs/care.md": Translation("docs/care.md", "en", Status.SOURCE),
        "docs/fatigue.md": Translation("docs/fatigue.md", "en", Status.SOURCE),
        "docs/index.md": Translation("docs/index.md", "en", Status.SOURCE),
        "docs_es/care.md": Translation(  # stale or not: the ledger says (test_signoff.py)
            "docs_es/care.md",
            "es",
            Status.CURRENT,
            "docs/care.md",
            date(2023, 8, 28),
            date(2024, 3, 1),
        ),
        "docs_es/fatigue.md": Translation(
            "docs_es/fatigue.md", "es", Status.PENDING, "docs/fatigue.md"
        ),
        "docs_es/index.md": Translation(
            "docs_es/index.md",
            "es",
            Status.CURRENT,
            "docs/index.md",
            date(2023, 8, 28),
            date(2023, 8, 28),
        ),
    }


def test_check_site_reports_missing_counterparts_and_impossible_revisions() -> None:
    later = GOOD_ES.replace("translation_of: 2023-08-28", "translation_of: 2024-01-05")
    checked = check_site(
        site(
            ("docs/care.md", "en", GOOD),
            ("docs_es/care.md", "es", later),
            ("docs/index.md", "en", GOOD),
            ("docs_es/support/groups.md", "es", GOOD_ES),
        ),
        RULES,
        FOLDERS,
    )
    assert summarize_problems(checked.problems) == (
        "Editorial check failed: 3 problems in 3 pages\n"
        "  Doc file 'docs/index.md' (en): has no Spanish version: add 'docs_es/index.md' "
        "(the translation, or a stub with 'translation_status: pending')\n"
        "  Doc file 'docs_es/care.md' (es): 'translation_of' is 2024-01-05, later than the "
        "last_revised 2023-08-28 of 'docs/care.md'; set it to the revision this page translates\n"
        "  Doc file 'docs_es/support/groups.md' (es): has no English original "
        "'docs/support/groups.md': a translation must have the same path as its original "
        "(move it, or add the original)"
    )
    assert "docs_es/care.md" not in checked.translations


def test_a_translation_of_a_broken_original_gets_no_status() -> None:
    broken = GOOD.replace("reviewed_by: [content-team]\n", "")
    checked = check_site(
        site(("docs/care.md", "en", broken), ("docs_es/care.md", "es", GOOD_ES)), RULES, FOLDERS
    )
    assert checked.problems == [Problem("docs/care.md", "en", NO_REVIEWER)]
    assert checked.translations == {}


def test_source_path_resolves_links(tmp_path: Path) -> None:
    (tmp_path / "docs_es").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "shared").symlink_to("../docs_es")
    linked = str(tmp_path / "docs" / "shared" / "care.md")
    assert source_path(linked, "shared/care.md", str(tmp_path)) == "docs_es/care.md"
    through = str(tmp_path / "docs" / ".." / "docs_es" / "care.md")  # as the build hands it on
    assert source_path(through, "es/care.md", str(tmp_path)) == "docs_es/care.md"
    assert source_path(None, "es/generated.md", str(tmp_path)) == "es/generated.md"


def test_a_page_citing_an_entry_the_house_style_cannot_print_is_refused() -> None:
    """Issue 22: the entry's problem names the entry, the field and the line; only the
    pages that cite it are refused (an entry no page cites blocks nothing)."""
    missing = "bibliography.bib, line 12: @article entry 'gotze2019fear' has no 'year' (or biblatex 'date')"
    rules = replace(RULES, reference_problems={"gotze2019fear": (missing,)})
    record, problems = check_page(page(GOOD), rules)
    assert record is None
    assert problems == [
        f"cites reference key 'gotze2019fear', whose entry must be fixed first: {missing}"
    ]
    uncited = GOOD.replace("; @gotze2019fear]. See [@gotze2019fear]", "]")
    assert check_page(page(uncited), rules)[1] == []
