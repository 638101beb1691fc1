"""Pages against the sign-off ledger, and what ./tasks sign-off writes or refuses:
exact states, messages and file text, on small sites held in memory."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from oncopress.checks.editorial_build import EditorialBuild, Recheck
from oncopress.checks.editorial_settings import read_settings
from oncopress.checks.preflight import Rules, SourcePage
from oncopress.checks.review import Reviewer, ReviewerRegistry
from oncopress.checks.sitecheck import Level, SiteCheck, check_site_with_ledger, recheck_page
from oncopress.ledger.ledgerfile import Ledger, Note, parse_ledger, render_ledger
from oncopress.ledger.signoff import (
    Request,
    SignOffError,
    SiteState,
    Trust,
    draft_notice,
    plan_sign_off,
    set_front_matter,
)
from oncopress.pages.pagemeta import page_meta
from oncopress.quality.quality_settings import read_quality_settings
from oncopress.report.editor_status import render_status, status_document, status_items
from oncopress.report.editorial_report import EditorialReport

TODAY = date(2026, 11, 28)
TEAM = Reviewer("content-team", {"en": "Team", "es": "Equipo"}, {"en": "MDs", "es": "Médicos"})
TRANSLATORS = Reviewer(
    "translation-team", {"en": "Translators", "es": "Traductores"}, {"en": "-", "es": "-"}
)
REGISTRY = ReviewerRegistry(
    "reviewers.yml", {"content-team": TEAM, "translation-team": TRANSLATORS}
)
RULES = Rules(REGISTRY, frozenset(), "bibliography.bib", TODAY)
FOLDERS = {"en": "docs", "es": "docs_es"}
EN = (
    "---\ntitle: Care\nlast_revised: 2026-11-20  # the sign-off date\n"
    "reviewed_by: [content-team]\n---\n\n# Care\n\nCancer can come back.\n\nAsk your team.\n"
)
ES = (
    "---\ntitle: Cuidado\nlast_revised: 2026-11-20\ntranslation_of: 2026-11-20\n"
    "reviewed_by: [content-team]\ntranslation_reviewed_by: [translation-team]\n---\n\n"
    "# Cuidado\n\nEl cáncer puede volver.\n\nHable con su equipo.\n"
)
STUB = "---\ntitle: Cansancio\nlast_revised: 2026-11-20\ntranslation_status: pending\n---\n"
FATIGUE = EN.replace("Care", "Fatigue")


def site(texts: dict[str, str], ledger: Ledger | None = None) -> tuple[SiteCheck, SiteState]:
    pages = [SourcePage(path, "en" if path.startswith("docs/") else "es", text)
             for path, text in texts.items()]  # fmt: skip
    check = check_site_with_ledger(pages, RULES, FOLDERS, ledger or Ledger())
    state = SiteState(
        check.preflight.records,
        texts,
        check.preflight.problems,
        ledger or Ledger(),
        REGISTRY,
        FOLDERS,
        "en",
    )
    return check, state


def request(
    *paths: str,
    by: str = "content-team",
    translation_by: str = "",
    day: date = TODAY,
    notes: dict[str, str] | None = None,
) -> Request:
    return Request(
        tuple((path, path) for path in paths),
        tuple(filter(None, by.split(","))),
        tuple(filter(None, translation_by.split(","))),
        day,
        TODAY,
        notes or {},
    )


def signed(texts: dict[str, str]) -> tuple[Ledger, dict[str, str]]:
    """Sign off the English page, then the Spanish one, as an editor would."""
    _, state = site(texts)
    plan = plan_sign_off(request("docs/care.md"), state)
    texts = {**texts, **plan.texts}
    _, state = site(texts, plan.ledger)
    plan = plan_sign_off(request("docs_es/care.md", translation_by="translation-team"), state)
    return plan.ledger, {**texts, **plan.texts}


def test_sign_off_writes_only_the_dates_and_records_the_original_revision() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    assert texts["docs/care.md"] == EN.replace(
        "last_revised: 2026-11-20  # the sign-off date",
        "last_revised: 2026-11-28  # the sign-off date",
    )
    assert texts["docs_es/care.md"] == ES.replace(
        "last_revised: 2026-11-20\ntranslation_of: 2026-11-20",
        "last_revised: 2026-11-28\ntranslation_of: 2026-11-28",
    )
    english, spanish = ledger.entries["docs/care.md"], ledger.entries["docs_es/care.md"]
    assert (english.revised, english.reviewers, english.translates) == (
        TODAY,
        ("content-team",),
        None,
    )
    assert spanish.translation_reviewers == ("translation-team",)
    assert spanish.translates is not None
    assert (spanish.translates.path, spanish.translates.revised) == ("docs/care.md", TODAY)
    assert spanish.translates.fingerprint == english.fingerprint
    # title, description, heading, 2 paragraphs, medical (the front matter signed)
    assert len(spanish.translates.paragraphs) == 6
    check, _ = site(texts, ledger)
    assert {path: t.trust for path, t in check.trust.items()} == {
        "docs/care.md": Trust.SIGNED,
        "docs_es/care.md": Trust.SIGNED,
    }
    assert check.findings == []


@pytest.mark.parametrize(
    "text",
    ["\ufeff" + EN.replace("\n", "\r\n"), EN.replace("\n", "\r"), "\ufeff" + EN],
    ids=["bom-crlf", "cr", "bom"],
)
def test_set_front_matter_keeps_every_other_byte(text: str) -> None:
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
    written = set_front_matter(text, {"last_revised": "2026-11-28", "translation_of": "2026-11-27"})
    expected = text.replace("last_revised: 2026-11-20", "last_revised: 2026-11-28").replace(
        f"reviewed_by: [content-team]{newline}---",
        f"reviewed_by: [content-team]{newline}translation_of: 2026-11-27{newline}---",
    )
    assert written == expected


def test_one_changed_word_makes_a_draft_and_its_translation_stale() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    texts["docs/care.md"] = texts["docs/care.md"].replace("come back", "return")
    check, _ = site(texts, ledger)
    assert [(f.level, str(f)) for f in check.findings] == [
        (
            Level.WARNING,
            "Doc file 'docs/care.md' (en): changed since it was signed off on 2026-11-28 by "
            "content-team; once its reviewers have approved this text, run: ./tasks sign-off "
            "docs/care.md --by content-team",
        ),
        (
            Level.WARNING,
            "Doc file 'docs_es/care.md' (es): translation is out of date: the English page "
            "'docs/care.md' changed since the revision of 2026-11-28 it translates (1 paragraph "
            'added or changed: "Cancer can return."; 1 paragraph of the translated revision '
            "gone); update the translation, then run: ./tasks sign-off docs_es/care.md --by "
            "content-team --translation-by translation-team",
        ),
    ]
    assert draft_notice(check.trust["docs/care.md"], "es") == {
        "status": "draft",
        "kind": "danger",
        "title": "Borrador: cambió después de su aprobación",
        "text": "Este texto tiene cambios que sus revisores todavía no han aprobado. La última "
        "aprobación fue el 28 de noviembre de 2026.",
        "link": None,
    }
    items = status_items(check, TODAY, 3)
    assert status_document(items, TODAY)["blocking"] == 2
    assert render_status(items, TODAY, 100).splitlines() == [
        "Page             Lang  Needs    Blocks  What to do",
        "---------------  ----  -------  ------  ----------",
        "docs/care.md     en    changed  yes     changed since it was signed off on 2026-11-28 by",
        "                                        content-team; once its reviewers have approved this text,",
        "                                        run: ./tasks sign-off docs/care.md --by content-team",
        "docs_es/care.md  es    stale    yes     translation is out of date: the English page 'docs/care.md'",
        "                                        changed since the revision of 2026-11-28 it translates (1",
        '                                        paragraph added or changed: "Cancer can return."; 1',
        "                                        paragraph of the translated revision gone); update the",
        "                                        translation, then run: ./tasks sign-off docs_es/care.md --by",
        "                                        content-team --translation-by translation-team",
        "    > Cancer can return.",
        "",
        "2 items need an editor; 2 block publishing (./tasks build refuses to publish).",
    ]
    # Signing off both, original first, makes the site publishable again.
    _, state = site(texts, ledger)
    plan = plan_sign_off(request("docs/care.md"), state)
    texts.update(plan.texts)
    _, state = site(texts, plan.ledger)
    plan = plan_sign_off(request("docs_es/care.md", translation_by="translation-team"), state)
    texts.update(plan.texts)
    check, _ = site(texts, plan.ledger)
    assert check.findings == []


def test_two_swapped_paragraphs_say_which_ones_and_quote_them() -> None:
    """Issue 22: the message was "... it translates (); ..." and status quoted nothing."""
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    texts["docs/care.md"] = texts["docs/care.md"].replace(
        "Cancer can come back.\n\nAsk your team.", "Ask your team.\n\nCancer can come back."
    )
    check, _ = site(texts, ledger)
    assert str(check.findings[1]) == (
        "Doc file 'docs_es/care.md' (es): translation is out of date: the English page "
        "'docs/care.md' changed since the revision of 2026-11-28 it translates (paragraphs 2 "
        'and 3 swapped places: "Ask your team."; "Cancer can come back."); update the '
        "translation, then run: ./tasks sign-off docs_es/care.md --by content-team "
        "--translation-by translation-team"
    )
    items = status_items(check, TODAY, 3)
    stale = next(item for item in items if item.need == "stale")
    assert stale.quotes == ("Ask your team.", "Cancer can come back.")
    report = EditorialReport(TODAY, 3)
    report.add_records(check.preflight.records.values())
    report.add_trust(check.trust.values())
    row = report.rows["docs_es/care.md"]
    assert (row["changed_in_original"], row["moved_in_original"], row["how_moved"]) == (
        [],
        ["Ask your team.", "Cancer can come back."],
        "paragraphs 2 and 3 swapped places",
    )


def test_paragraphs_swapped_and_another_changed() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    texts["docs/care.md"] = texts["docs/care.md"].replace(
        "# Care\n\nCancer can come back.\n\nAsk your team.",
        "Ask your team.\n\n# Care\n\nCancer can come back soon.",
    )
    check, _ = site(texts, ledger)
    assert str(check.findings[1]).split(" it translates ")[1].split("; update")[0] == (
        '(1 paragraph added or changed: "Cancer can come back soon."; 1 paragraph of the '
        'translated revision gone; paragraphs 1 and 2 swapped places: "Ask your team."; '
        '"# Care")'
    )


def test_a_page_never_signed_off_and_front_matter_that_disagrees() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    texts["docs/care.md"] = texts["docs/care.md"].replace("2026-11-28", "2026-11-27")
    texts["docs/fatigue.md"] = FATIGUE
    texts["docs_es/fatigue.md"] = STUB
    check, _ = site(texts, ledger)
    assert [str(f) for f in check.findings] == [
        "Doc file 'docs/care.md' (en): front matter disagrees with the sign-off ledger "
        "(last_revised is 2026-11-27, the sign-off's date 2026-11-28); write the ledger's values "
        "into the front matter with: ./tasks sign-off docs/care.md --by content-team --date "
        "2026-11-28, or sign off again with the reviewers who approved this text",
        "Doc file 'docs/fatigue.md' (en): has never been signed off; once its reviewers have "
        "approved this text, run: ./tasks sign-off docs/fatigue.md --by content-team",
    ]
    assert check.record("docs/care.md") is not None
    assert check.record("docs/care.md").last_revised == TODAY  # type: ignore[union-attr]


def test_an_entry_of_a_page_that_is_gone_is_news_not_an_error() -> None:
    ledger, _ = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    check, _ = site({"docs/other.md": FATIGUE}, ledger)
    assert [(f.level, str(f)) for f in check.findings if f.kind == "ledger"] == [
        (
            Level.INFO,
            "Sign-off ledger 'sign-offs.yml' (line 0): 'docs/care.md' no longer exists; remove its "
            "entry with: ./tasks sign-off --prune",
        ),
        (
            Level.INFO,
            "Sign-off ledger 'sign-offs.yml' (line 0): 'docs_es/care.md' no longer exists; remove "
            "its entry with: ./tasks sign-off --prune",
        ),
    ]


def refusal(texts: dict[str, str], asked: Request, ledger: Ledger | None = None) -> str:
    _, state = site(texts, ledger)
    with pytest.raises(SignOffError) as raised:
        plan_sign_off(asked, state)
    return str(raised.value)


def test_sign_off_refuses_unknown_reviewers_a_future_date_and_pages_named_twice() -> None:
    texts = {"docs/care.md": EN, "docs_es/care.md": ES}
    asked = Request(
        (("docs/care.md", "docs/care.md"), ("docs/es/../care.md", "docs/care.md"), ("x.md", None)),
        ("dr-who",),
        (),
        date(2026, 12, 1),
        TODAY,
    )
    assert refusal(texts, asked).splitlines() == [
        "Sign-off refused: 4 problems",
        "  (command): --by: unknown reviewer id 'dr-who' (ids in reviewers.yml: content-team, "
        "translation-team)",
        "  (command): --date 2026-12-01 is in the future (today is 2026-11-28)",
        "  docs/care.md: is named twice ('docs/care.md' and 'docs/es/../care.md'); sign each page "
        "off once",
        "  x.md: is not a page of this site (docs/ or docs_es/)",
        "Nothing was written.",
    ]


def test_sign_off_refuses_a_pending_stub_a_page_with_problems_and_a_missing_translation_review() -> (
    None
):
    texts = {
        "docs/care.md": EN,
        "docs_es/care.md": ES,
        "docs/fatigue.md": FATIGUE.replace("reviewed_by: [content-team]\n", ""),
        "docs_es/fatigue.md": STUB,
    }
    asked = request("docs_es/fatigue.md", "docs/fatigue.md", "docs_es/care.md")
    assert refusal(texts, asked).splitlines() == [
        "Sign-off refused: 3 problems",
        "  Doc file 'docs_es/fatigue.md' (es): is a pending translation stub ('translation_status: "
        "pending'): translate it first, then sign it off",
        "  Doc file 'docs/fatigue.md' (en): has editorial problems to fix first: medical page has "
        "no 'reviewed_by' in front matter (name reviewer ids from reviewers.yml, or set "
        "'medical: false')",
        "  Doc file 'docs_es/care.md' (es): is a medical translation: name who reviewed the "
        "translation with --translation-by",
        "Nothing was written.",
    ]


def test_a_translation_waits_for_its_original_to_be_signed_off() -> None:
    texts = {"docs/care.md": EN, "docs_es/care.md": ES}
    asked = request("docs_es/care.md", translation_by="translation-team")
    assert refusal(texts, asked).splitlines() == [
        "Sign-off refused: 1 problem",
        "  Doc file 'docs_es/care.md' (es): its original 'docs/care.md' has changes nobody signed "
        "off; sign off the original first (in the same command, or before): ./tasks sign-off "
        "docs/care.md --by ...",
        "Nothing was written.",
    ]
    # In the same command, in any order, the original is signed off first: --by for the
    # English page, --translation-by for its translation (issue 22: before, one command
    # with both was refused, "--translation-by is only for translations").
    _, state = site(texts)
    both = request("docs_es/care.md", "docs/care.md", translation_by="translation-team")
    plan = plan_sign_off(both, state)
    english, spanish = plan.ledger.entries["docs/care.md"], plan.ledger.entries["docs_es/care.md"]
    assert (english.reviewers, english.translation_reviewers) == (("content-team",), ())
    assert (spanish.reviewers, spanish.translation_reviewers) == (
        ("content-team",),
        ("translation-team",),
    )
    assert spanish.translates is not None
    assert spanish.translates.fingerprint == english.fingerprint
    check, _ = site({**texts, **plan.texts}, plan.ledger)
    assert check.findings == []


def test_translation_by_with_no_translation_in_the_command_is_refused() -> None:
    texts = {"docs/care.md": EN, "docs_es/care.md": ES}
    asked = request("docs/care.md", translation_by="translation-team")
    assert refusal(texts, asked).splitlines() == [
        "Sign-off refused: 1 problem",
        "  (command): --translation-by names who reviewed a translation, and no page of this "
        "command is one (English pages take --by only)",
        "Nothing was written.",
    ]


def test_a_sign_off_date_before_the_last_one_is_refused() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    asked = request("docs/care.md", day=date(2026, 11, 1))
    assert refusal(texts, asked, ledger).splitlines()[1] == (
        "  Doc file 'docs/care.md' (en): --date 2026-11-01 is before its last sign-off (2026-11-28)"
    )


def test_a_non_medical_page_not_signed_off_is_a_draft_too() -> None:
    """'medical: false' spares a page the medical reviewers, not the sign-off: before, a
    new page that said it was not medical was published unread (an INFO line)."""
    home = "---\ntitle: Home\nlast_revised: 2026-11-20\nmedical: false\n---\n\n# Home\n\nHi.\n"
    check, _ = site({"docs/index.md": home})
    assert [(f.level, str(f)) for f in check.findings] == [
        (
            Level.WARNING,
            "Doc file 'docs/index.md' (en): has never been signed off; once its reviewers have "
            "approved this text, run: ./tasks sign-off docs/index.md --by REVIEWER",
        )
    ]
    assert draft_notice(check.trust["docs/index.md"], "en") == {
        "status": "draft",
        "kind": "danger",
        "title": "Draft: not signed off yet",
        "text": "No reviewer has approved this text yet.",
        "link": None,
    }


def findings(check: SiteCheck) -> list[tuple[Level, str]]:
    return [(finding.level, str(finding)) for finding in check.findings]


def test_checking_one_saved_page_again_gives_what_checking_every_page_gives() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    check, _ = site(texts, ledger)
    for path, text in [
        ("docs/care.md", texts["docs/care.md"].replace("come back", "return")),  # a draft
        ("docs/care.md", texts["docs/care.md"].replace("come back", "recur")),  # still one
        ("docs_es/care.md", texts["docs_es/care.md"].replace("volver", "regresar")),
        ("docs/care.md", texts["docs/care.md"]),  # signed off again
        ("docs_es/care.md", texts["docs_es/care.md"]),
    ]:
        texts = {**texts, path: text}
        locale = "en" if path.startswith("docs/") else "es"
        check = recheck_page(check, SourcePage(path, locale, text), RULES)
        whole, _ = site(texts, ledger)
        assert findings(check) == findings(whole), path
        assert (check.preflight, check.trust) == (whole.preflight, whole.trust), path
        assert list(check.preflight.records) == list(whole.preflight.records), path
        assert check.translations() == whole.translations(), path
    assert findings(check) == []


def test_checking_again_a_page_of_a_site_with_problems_or_a_new_page_is_refused() -> None:
    broken, _ = site({"docs/care.md": EN})  # no Spanish page
    page = SourcePage("docs/care.md", "en", EN)
    with pytest.raises(ValueError, match=r"^the site has problems: check every page again$"):
        recheck_page(broken, page, RULES)
    check, _ = site({"docs/care.md": EN, "docs_es/care.md": ES})
    new = SourcePage("docs/new.md", "en", EN)
    with pytest.raises(ValueError, match=r"^'docs/new.md' is not a page of the check$"):
        recheck_page(check, new, RULES)


def test_a_build_checked_again_names_the_pages_whose_stamp_or_notices_changed() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    build = EditorialBuild(
        Path("/site"),
        read_settings({}),
        read_quality_settings({}),
        REGISTRY,
        EditorialReport(TODAY, 3),
        "Site",
        ledger,
        serving=True,
    )
    check, _ = site(texts, ledger)
    assert build.accept(check) == []
    build.report.add_fields("docs/care.md", {"readability": 7.5})  # as hooks/quality.py does
    english = texts["docs/care.md"]
    draft, other = english.replace("come back", "return"), english.replace("come back", "recur")

    def recheck(text: str) -> Recheck | None:
        return build.recheck(SourcePage("docs/care.md", "en", text), RULES)

    first = recheck(draft)
    assert first is not None
    assert first.pages == ("docs/care.md", "docs_es/care.md")  # Draft; out of date
    assert (first.before, [str(f) for f in first.after]) == ((), [
        "Doc file 'docs/care.md' (en): changed since it was signed off on 2026-11-28 by "
        "content-team; once its reviewers have approved this text, run: ./tasks sign-off "
        "docs/care.md --by content-team",
        "Doc file 'docs_es/care.md' (es): translation is out of date: the English page "
        "'docs/care.md' changed since the revision of 2026-11-28 it translates (1 paragraph "
        'added or changed: "Cancer can return."; 1 paragraph of the translated revision '
        "gone); update the translation, then run: ./tasks sign-off docs_es/care.md --by "
        "content-team --translation-by translation-team",
    ])  # fmt: skip
    assert build.page_context(build.records["docs/care.md"], "en", "en", None)["page_notices"]
    row = build.report.rows["docs/care.md"]
    assert (row["sign_off"], row["readability"]) == ("changed", 7.5)
    assert build.report.rows["docs_es/care.md"]["translation"] == "stale"
    second = recheck(other)  # the same states: no other page changes, the quote does
    assert second is not None
    assert (second.pages, second.before) == ((), first.after)
    assert str(second.after[1]).count('"Cancer can recur."') == 1
    undone = recheck(english)
    assert undone is not None
    assert (undone.pages, undone.after) == (("docs/care.md", "docs_es/care.md"), ())
    assert build.page_context(build.records["docs/care.md"], "en", "en", None)["page_notices"] == []
    assert recheck(english.replace("title: Care", "title: [Care")) is None  # not YAML
    assert recheck(english.replace("title: Care", "title: Aftercare")) is None  # a full build
    assert build.check is not None and build.check.findings == []  # nothing taken


def test_status_lists_reviews_due_within_60_days_and_those_overdue() -> None:
    six_months = EN.replace("reviewed_by:", "review_interval_months: 6\nreviewed_by:")
    ledger, texts = signed({"docs/care.md": six_months, "docs_es/care.md": ES})
    check, _ = site(texts, ledger)  # both signed off on 2026-11-28
    assert status_items(check, date(2027, 3, 28), 1) == []  # 61 days before the review
    for today, when in (
        (date(2027, 3, 29), "in 60 days"),
        (date(2027, 5, 27), "in 1 day"),
        (date(2027, 5, 28), "today"),
    ):
        assert [(i.path, i.need, i.blocking, i.detail) for i in status_items(check, today, 1)] == [
            (
                "docs/care.md",
                "due soon",
                False,
                f"last revised 2026-11-28, review due 2027-05-28 ({when})",
            )
        ]
    # The day after: overdue; the Spanish page (one year, the site's interval) is due soon.
    items = status_items(check, date(2027, 10, 1), 1)
    assert [(i.path, i.need, i.blocking, i.detail) for i in items] == [
        ("docs/care.md", "overdue", False, "last revised 2026-11-28, review was due 2027-05-28"),
        (
            "docs_es/care.md",
            "due soon",
            False,
            "last revised 2026-11-28, review due 2027-11-28 (in 58 days)",
        ),
    ]
    # overdue_reviews: warn makes an overdue review block publishing.
    items = status_items(check, date(2027, 11, 29), 1, overdue_blocks=True)
    assert [(i.path, i.need, i.blocking) for i in items] == [
        ("docs/care.md", "overdue", True),
        ("docs_es/care.md", "overdue", True),
    ]
    assert render_status(items, date(2027, 11, 29), 100).splitlines() == [
        "Page             Lang  Needs    Blocks  What to do",
        "---------------  ----  -------  ------  ----------",
        "docs/care.md     en    overdue  yes     last revised 2026-11-28, review was due 2027-05-28",
        "docs_es/care.md  es    overdue  yes     last revised 2026-11-28, review was due 2027-11-28",
        "",
        "2 items need an editor; 2 block publishing (./tasks build refuses to publish).",
    ]


NOTES = {
    "en": "Added what to do if a symptom comes back.",
    "es": "Añadimos qué hacer si un síntoma regresa.",
}


def test_one_command_signs_a_page_and_its_translation_each_with_a_note_in_its_language() -> None:
    ledger, texts = signed({"docs/care.md": EN, "docs_es/care.md": ES})
    texts["docs/care.md"] = texts["docs/care.md"].replace("Ask your team.", "Ask your care team.")
    texts["docs_es/care.md"] = texts["docs_es/care.md"].replace("su equipo", "su equipo médico")
    _, state = site(texts, ledger)
    later = date(2026, 11, 28)
    plan = plan_sign_off(
        request("docs/care.md", "docs_es/care.md", translation_by="translation-team", notes=NOTES),
        state,
    )
    english, spanish = plan.ledger.entries["docs/care.md"], plan.ledger.entries["docs_es/care.md"]
    assert english.notes == (Note(later, NOTES["en"]),)
    assert spanish.notes == (Note(later, NOTES["es"]),)
    # The ledger keeps them, one per line, and reads them back as written.
    text = render_ledger(plan.ledger)
    assert (
        "    notes:\n    - date: 2026-11-28\n      text: Añadimos qué hacer si un síntoma regresa.\n"
    ) in text
    assert parse_ledger(text).entries["docs_es/care.md"].notes == spanish.notes
    check, _ = site({**texts, **plan.texts}, plan.ledger)
    assert check.findings == []
    # A later sign-off without a note keeps the notes; each page shows its own.
    _, state = site({**texts, **plan.texts}, plan.ledger)
    again = plan_sign_off(request("docs/care.md"), state)
    assert again.ledger.entries["docs/care.md"].notes == english.notes
    record = check.record("docs_es/care.md")
    assert record is not None
    assert page_meta(record, REGISTRY, "es", None, None, spanish.notes)["changes"] == {
        "label": "Cambios en esta página",
        "notes": [
            {
                "iso": "2026-11-28",
                "date": "28 de noviembre de 2026",
                "text": "Añadimos qué hacer si un síntoma regresa.",
            }
        ],
    }


def test_a_page_shows_its_five_newest_notes_newest_first() -> None:
    record = site({"docs/care.md": EN})[0].preflight.records["docs/care.md"]
    notes = tuple(Note(date(2026, month, 1), f"Change {month}.") for month in range(1, 8))
    for locale, first in (("en", "July 1, 2026"), ("es", "1 de julio de 2026")):
        shown = page_meta(record, REGISTRY, locale, None, None, notes)["changes"]
        assert [(note["text"], note["iso"]) for note in shown["notes"]] == [
            ("Change 7.", "2026-07-01"),
            ("Change 6.", "2026-06-01"),
            ("Change 5.", "2026-05-01"),
            ("Change 4.", "2026-04-01"),
            ("Change 3.", "2026-03-01"),
        ]
        assert shown["notes"][0]["text"] == "Change 7." and shown["notes"][0]["date"] == first
    assert page_meta(record, REGISTRY, "en", None)["changes"] is None


@pytest.mark.parametrize(
    ("paths", "notes", "problems"),
    [
        (
            ("docs/care.md", "docs_es/care.md"),
            {"en": NOTES["en"]},
            [
                "--note-es: the Spanish pages of this command need their note too, in their "
                "language (each page shows the note in its own language)"
            ],
        ),
        (
            ("docs_es/care.md",),
            {"en": NOTES["es"]},
            [
                "--note: no English page in this command takes this note (the Spanish pages' "
                "is --note-es)"
            ],
        ),
        (
            ("docs/care.md",),
            {"en": "  "},
            [
                "--note: the note for readers is empty; write one line of at most 300 "
                'characters, like --note "Added what to do if a symptom comes back."'
            ],
        ),
        (
            ("docs/care.md", "docs_es/care.md"),
            {"en": NOTES["en"], "es": "Añadimos:\n- una lista"},
            [
                "--note-es: the note for readers is more than one line; write one line of at "
                'most 300 characters, like --note-es "Añadimos qué hacer si un síntoma regresa."'
            ],
        ),
        (
            ("docs/care.md",),
            {"en": "x" * 301},
            [
                "--note: the note for readers is longer than 300 characters (301); write one "
                'line of at most 300 characters, like --note "Added what to do if a symptom '
                'comes back."'
            ],
        ),
    ],
)
def test_a_note_that_is_not_fit_for_readers_or_not_in_each_language_is_refused(
    paths: tuple[str, ...], notes: dict[str, str], problems: list[str]
) -> None:
    texts = {"docs/care.md": EN, "docs_es/care.md": ES}
    translation_by = "translation-team" if "docs_es/care.md" in paths else ""
    ledger = signed(texts)[0] if paths == ("docs_es/care.md",) else None
    asked = request(*paths, translation_by=translation_by, notes=notes)
    lines = refusal(texts, asked, ledger).splitlines()
    assert lines[1:-1] == [f"  (command): {problem}" for problem in problems]
