"""The robustness catalogue, issue 19 "unreviewed text is never published as reviewed":
what a sign-off covers (the text and the front matter that decides what readers see or
which checks apply), what happens to a page that was signed off and then changed
(medical or not), the move from a version-1 ledger, and the one thing the ledger does
not protect against (an edit of the ledger on purpose). Each case with its exact lines.

Replicate a case: copy tests/fixtures/minimal, run `python tools/editor_commands.py -f
<copy>/mkdocs.yml sign-off <every page> ...` to write its ledger, make the case's edit,
then `SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import Build, Project, make_project, sign_everything
from test_ledger import ENV, command
from test_robustness_ledger import signed

from oncopress.ledger.fingerprint import fingerprint_page
from oncopress.pages.frontmatter import read_front_matter

CHANGED = (
    "Doc file 'docs/care.md' (en): changed since it was signed off on 2023-08-28 by "
    "content-team; once its reviewers have approved this text, run: ./tasks sign-off "
    "docs/care.md --by {by}"
)


def edit_page(project: Project, relative: str, old: str, new: str) -> None:
    path = project.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} has no {old!r}: update the case"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


TODAY = ENV  # the day the commands sign off (2026-12-04)
STALE = (
    "Doc file 'docs_es/care.md' (es): translation is out of date: the English page "
    "'docs/care.md' changed since the revision of 2023-08-28 it translates ({parts}); update "
    "the translation, then run: ./tasks sign-off docs_es/care.md --by content-team "
    "--translation-by translation-team"
)
NEW_TEXT = '"Cancer never comes back after treatment [@emery2022management]."'


def refused(result: Build) -> list[str]:
    assert result.returncode == 1, result.explain()
    assert f"Aborted with {len(result.warnings)} warnings in strict mode!" in result.log
    assert "Traceback" not in result.log, result.explain()
    return result.warnings


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("reviewed_by: [content-team]\n", "medical: false\n"),
        ("reviewed_by: [content-team]\n", "reviewed_by: [content-team]\nmedical: false\n"),
    ],
    ids=["without-reviewers", "with-reviewers"],
)
def test_a_signed_medical_page_made_non_medical_with_new_text_is_not_published(
    tmp_path: Path, old: str, new: str
) -> None:
    """Before: the changed text was published, with the old sign-off's stamp."""
    project = signed(tmp_path)
    edit_page(project, "docs/care.md", old, new)
    edit_page(project, "docs/care.md", "can come back", "never comes back")
    by = "content-team" if "reviewed_by" in new else "REVIEWER"
    parts = (
        f'2 paragraphs added or changed: {NEW_TEXT}; "medical: false"; 2 paragraphs of the '
        "translated revision gone"
    )
    assert refused(project.build(env=TODAY)) == [
        CHANGED.format(by=by),
        STALE.format(parts=parts),
    ]


REVIEWED = "reviewed_by: [content-team]\n"
ONE_GONE = "; 1 paragraph of the translated revision gone"


@pytest.mark.parametrize(
    ("old", "new", "parts"),
    [
        (REVIEWED, REVIEWED + "medical: false\n", '"medical: false"' + ONE_GONE),
        (REVIEWED, REVIEWED + "pdf: false\n", '"pdf: false"'),
        (REVIEWED, REVIEWED + "hide: [toc]\n", '"hide: ["toc"]"'),
        (
            "title: Care after treatment",
            "title: Care after treatment is optional",
            '"title: Care after treatment is optional"' + ONE_GONE,
        ),
        (
            "description: Fixture medical page.",
            "description: Nothing to worry about.",
            '"description: Nothing to worry about."' + ONE_GONE,
        ),
    ],
    ids=["medical", "pdf", "hide", "title", "description"],
)
def test_front_matter_that_readers_see_or_the_checks_read_is_signed_off(
    tmp_path: Path, old: str, new: str, parts: str
) -> None:
    """Before: a change of 'medical', 'pdf' or 'hide' alone kept the page signed off."""
    project = signed(tmp_path)
    edit_page(project, "docs/care.md", old, new)
    assert refused(project.build(env=TODAY)) == [
        CHANGED.format(by="content-team"),
        STALE.format(parts="1 paragraph added or changed: " + parts),
    ]
    signed_again = command(project, "sign-off", "docs/care.md", "--by", "content-team")
    assert signed_again.returncode == 0, signed_again.stderr
    assert project.build(env=TODAY).returncode == 1  # the translation now translates it
    spanish = command(
        project,
        "sign-off",
        "docs_es/care.md",
        "--by",
        "content-team",
        "--translation-by",
        "translation-team",
    )
    assert spanish.returncode == 0, spanish.stderr
    result = project.build(env=TODAY)
    assert (result.returncode, result.warnings) == (0, []), result.explain()


def test_the_dates_and_reviewers_a_sign_off_writes_do_not_unsign_a_page(tmp_path: Path) -> None:
    project = signed(tmp_path)
    edit_page(
        project, "docs/care.md", "reviewed_by: [content-team]", "reviewed_by:  [content-team]"
    )
    result = project.build(env=TODAY)
    assert (result.returncode, result.warnings) == (0, []), result.explain()


def test_a_signed_non_medical_page_changed_since_is_not_published(tmp_path: Path) -> None:
    """Before: an INFO line, and the page was published with its old sign-off's stamp."""
    project = signed(tmp_path)
    edit_page(project, "docs/care.md", "reviewed_by: [content-team]\n", "medical: false\n")
    edit_page(
        project,
        "docs_es/care.md",
        "reviewed_by: [content-team]\ntranslation_reviewed_by: [translation-team]\n",
        "medical: false\n",
    )
    ran = command(project, "sign-off", "docs/care.md", "--by", "content-team")
    assert ran.returncode == 0, ran.stderr
    ran = command(project, "sign-off", "docs_es/care.md", "--by", "content-team")
    assert ran.returncode == 0, ran.stderr
    clean = project.build(env=TODAY)
    assert (clean.returncode, clean.warnings) == (0, []), clean.explain()
    edit_page(project, "docs/care.md", "can come back", "may come back")
    assert refused(project.build(env=TODAY)) == [
        "Doc file 'docs/care.md' (en): changed since it was signed off on 2026-12-04 by "
        "content-team; once its reviewers have approved this text, run: ./tasks sign-off "
        "docs/care.md --by REVIEWER",
        "Doc file 'docs_es/care.md' (es): translation is out of date: the English page "
        "'docs/care.md' changed since the revision of 2026-12-04 it translates (1 paragraph "
        'added or changed: "Cancer may come back after treatment [@emery2022management]."'
        f"{ONE_GONE}); update the translation, then run: ./tasks sign-off docs_es/care.md "
        "--by REVIEWER",
    ]
    draft = project.build(strict=False, env=TODAY)
    assert draft.returncode == 0, draft.explain()
    page = (draft.site / "care" / "index.html").read_text(encoding="utf-8")
    assert "Draft" in page and "may come back" in page


def version_1(project: Project) -> None:
    """The project's ledger as the version-1 command wrote it: text-only fingerprints."""
    ledger = project.root / "sign-offs.yml"
    text = ledger.read_text(encoding="utf-8").replace("version: 2", "version: 1")
    for relative in ("docs/care.md", "docs/index.md", "docs_es/care.md", "docs_es/index.md"):
        meta, body = read_front_matter((project.root / relative).read_text(encoding="utf-8"))
        printed = fingerprint_page({**meta, "medical": meta.get("medical", True)}, body)
        text = text.replace(printed.digest, printed.text_digest)
        for paragraph in printed.paragraphs[printed.text_paragraphs :]:
            text = text.replace(f"      - {paragraph.digest}\n", "")
    ledger.write_text(text, encoding="utf-8")


def test_a_version_1_ledger_asks_to_confirm_each_sign_off_with_its_date(tmp_path: Path) -> None:
    project = signed(tmp_path)
    version_1(project)
    assert "text_fingerprint" not in (project.root / "sign-offs.yml").read_text(encoding="utf-8")
    result = project.build(env=TODAY)
    assert result.returncode == 1, result.explain()
    assert result.warnings == [
        f"Doc file '{path}' ({locale}): was signed off on 2023-08-28 by content-team before "
        "sign-offs covered the front matter (sign-off ledger version 1); once its reviewers "
        f"have confirmed its front matter, run: ./tasks sign-off {path} --by content-team{more} "
        "--date 2023-08-28"
        for path, locale, more in (
            ("docs/care.md", "en", ""),
            ("docs/index.md", "en", ""),
            ("docs_es/care.md", "es", " --translation-by translation-team"),
            ("docs_es/index.md", "es", ""),  # not medical: no translation review
        )
    ], result.explain()
    status = command(project, "status")
    assert status.returncode == 1
    needs = [line.split()[:4] for line in status.stdout.splitlines() if line.startswith("docs")]
    assert needs == [
        [path, locale, need, blocks]
        for path, locale in (
            ("docs/care.md", "en"),
            ("docs/index.md", "en"),
            ("docs_es/care.md", "es"),
            ("docs_es/index.md", "es"),
        )
        for need, blocks in (("unconfirmed", "yes"), ("overdue", "no"))
    ], status.stdout
    # Signing a translation first is refused: its original must be confirmed first.
    early = command(
        project,
        "sign-off",
        "docs_es/care.md",
        "--by",
        "content-team",
        "--translation-by",
        "translation-team",
        "--date",
        "2023-08-28",
    )
    assert early.returncode == 1
    assert early.stderr == (
        "Sign-off refused: 1 problem\n"
        "  Doc file 'docs_es/care.md' (es): its original 'docs/care.md' was signed off before "
        "sign-offs covered the front matter; sign off the original again first (in the same "
        "command, or before): ./tasks sign-off docs/care.md --by ...\n"
        "Nothing was written.\n"
    )
    # The commands the build suggests, as given: the dates stay, the pages stay as they are.
    before = project.sources_digest()
    for args in (
        ("docs/care.md", "docs/index.md"),
        ("docs_es/care.md", "--translation-by", "translation-team"),
        ("docs_es/index.md",),
    ):
        ran = command(project, "sign-off", *args, "--by", "content-team", "--date", "2023-08-28")
        assert ran.returncode == 0, ran.stderr
    assert project.sources_digest() == before
    ledger = (project.root / "sign-offs.yml").read_text(encoding="utf-8")
    assert "version: 2\n" in ledger and "text_fingerprint" not in ledger
    result = project.build(env=TODAY)
    assert (result.returncode, result.warnings) == (0, []), result.explain()


def test_a_version_1_ledger_whose_page_changed_since_says_changed(tmp_path: Path) -> None:
    project = signed(tmp_path)
    version_1(project)
    edit_page(project, "docs/care.md", "can come back", "may come back")
    result = project.build(env=TODAY)
    assert CHANGED.format(by="content-team") in result.warnings, result.explain()
    # A sign-off of another page writes the untouched entries back as text fingerprints.
    ran = command(project, "sign-off", "docs/care.md", "--by", "content-team")
    assert ran.returncode == 0, ran.stderr
    ledger = (project.root / "sign-offs.yml").read_text(encoding="utf-8")
    assert ledger.count("text_fingerprint: sha256:") == 3
    assert ledger.count("\n    fingerprint: sha256:") == 1


def test_the_ledger_does_not_stop_someone_who_edits_it_on_purpose(tmp_path: Path) -> None:
    """The limit the publishers' guide states: the fingerprint is a checksum, not a signature.
    Whoever can write sign-offs.yml can write a matching fingerprint for any text; a
    publisher closes that gap with protected branches and required reviews of the
    ledger (guides/publishers.md, 'What the sign-off ledger protects against')."""
    project = signed(tmp_path)
    edit_page(project, "docs/care.md", "can come back", "never comes back")
    assert refused(project.build(env=TODAY))[0] == CHANGED.format(by="content-team")
    meta, body = read_front_matter((project.docs / "care.md").read_text(encoding="utf-8"))
    forged = fingerprint_page({**meta, "medical": True}, body).digest
    ledger = project.root / "sign-offs.yml"
    text = ledger.read_text(encoding="utf-8")
    line = text.split("  docs/care.md:\n    fingerprint: ", 1)[1].split("\n", 1)[0]
    ledger.write_text(text.replace(line, forged, 1), encoding="utf-8")
    result = project.build(env=TODAY)
    # Only the translation's own record of its original still tells: it is now stale.
    assert result.warnings == [
        STALE.format(parts=f"1 paragraph added or changed: {NEW_TEXT}{ONE_GONE}")
    ], result.explain()
    result = project.build(strict=False, env=TODAY)
    assert result.returncode == 0, result.explain()
    page = (result.site / "care" / "index.html").read_text(encoding="utf-8")
    assert "never comes back" in page


def test_a_new_page_that_says_it_is_not_medical_still_needs_a_sign_off(tmp_path: Path) -> None:
    """Before: an INFO line, and the page was published unread."""
    project = signed(tmp_path)
    page = (
        "---\ntitle: Diet\nlast_revised: 2023-08-28\nmedical: false\n---\n\n# Diet\n\nEat less.\n"
    )
    project.write("docs/diet.md", page)
    project.write(
        "docs_es/diet.md", page.replace("2023-08-28\n", "2023-08-28\ntranslation_of: 2023-08-28\n")
    )
    assert refused(project.build(env=TODAY)) == [
        f"Doc file '{path}' ({locale}): has never been signed off; once its reviewers have "
        f"approved this text, run: ./tasks sign-off {path} --by REVIEWER"
        for path, locale in (("docs/diet.md", "en"), ("docs_es/diet.md", "es"))
    ]
    for path in ("docs/diet.md", "docs_es/diet.md"):
        ran = command(project, "sign-off", path, "--by", "content-team")
        assert ran.returncode == 0, ran.stderr
    result = project.build(env=TODAY)
    assert (result.returncode, result.warnings) == (0, []), result.explain()


def test_two_swapped_paragraphs_are_named_and_quoted(tmp_path: Path) -> None:
    """Issue 22: the stale translation's message was "... it translates (); ...", and
    ./tasks status quoted nothing ("quotes": [])."""
    project = signed(tmp_path)
    edit_page(
        project,
        "docs/care.md",
        "# Care after treatment\n\nCancer can come back after treatment [@emery2022management].",
        "Cancer can come back after treatment [@emery2022management].\n\n# Care after treatment",
    )
    parts = (
        'paragraphs 1 and 2 swapped places: "Cancer can come back after treatment '
        '[@emery2022management]."; "# Care after treatment"'
    )
    result = project.build(env=TODAY)
    assert refused(result) == [CHANGED.format(by="content-team"), STALE.format(parts=parts)]
    summary = next(line for line in result.lines("INFO") if line.startswith("Editorial report:"))
    assert summary.startswith(
        "Editorial report: 4 pages, 1 not signed off, 4 overdue for review, 1 stale "
        "translation, 0 pending translations, 0 hard to read: "
    ), result.explain()
    status = command(project, "status", "--json")
    stale = next(item for item in status_items(status.stdout) if item["need"] == "stale")
    assert stale["quotes"] == [
        "Cancer can come back after treatment [@emery2022management].",
        "# Care after treatment",
    ]


def status_items(text: str) -> list[dict[str, object]]:
    items: list[dict[str, object]] = json.loads(text)["items"]
    return items


def test_one_copy_of_a_repeated_paragraph_changed_is_named_not_moved(tmp_path: Path) -> None:
    """A paragraph written twice, its first copy changed: it was counted neither as gone
    nor as moved (issue 22): now as any changed paragraph."""
    project = make_project(tmp_path / "project", "minimal")
    again = "Cancer can come back after treatment [@emery2022management]."
    edit_page(project, "docs/care.md", again, f"{again}\n\nAsk your team.\n\n{again}")
    sign_everything(project.root)
    project.auto_sign = False
    edit_page(project, "docs/care.md", again, again.replace("can come", "may come"))
    parts = (
        '1 paragraph added or changed: "Cancer may come back after treatment '
        '[@emery2022management]."; 1 paragraph of the translated revision gone'
    )
    assert refused(project.build(env=TODAY)) == [
        CHANGED.format(by="content-team"),
        STALE.format(parts=parts),
    ]
