"""The sign-off ledger file: what the command writes, and every way a ledger that is
not exactly that is refused, with its line."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from oncopress.checks.review import Reviewer, ReviewerRegistry
from oncopress.ledger.ledgerfile import (
    Ledger,
    LedgerError,
    SignOff,
    Translated,
    parse_ledger,
    render_ledger,
    unknown_signers,
)

A = "sha256:" + "a" * 64
B = "sha256:" + "b" * 64
LEDGER = Ledger(
    "sign-offs.yml",
    {
        "docs_es/care.md": SignOff(
            "docs_es/care.md",
            B,
            date(2026, 11, 28),
            ("content-team",),
            ("translation-team",),
            Translated("docs/care.md", date(2026, 11, 27), A, ("0123456789abcdef",)),
        ),
        "docs/care.md": SignOff("docs/care.md", A, date(2026, 11, 27), ("content-team",)),
    },
)
TEXT = f"""\
# Sign-off ledger: for each page, the text its reviewers approved and when.
# Written by ./tasks sign-off (see README, 'Signing pages off'); never edit it by hand.
version: 2
pages:
  docs/care.md:
    fingerprint: {A}
    revised: 2026-11-27
    reviewed_by:
    - content-team
  docs_es/care.md:
    fingerprint: {B}
    revised: 2026-11-28
    reviewed_by:
    - content-team
    translation_reviewed_by:
    - translation-team
    translates:
      path: docs/care.md
      revised: 2026-11-27
      fingerprint: {A}
      paragraphs:
      - 0123456789abcdef
"""
RESTORE = (
    "; the ledger is written by ./tasks sign-off only: restore it with "
    "'git checkout sign-offs.yml', then sign the pages off again"
)


def test_render_sorts_pages_and_writes_one_value_a_line() -> None:
    assert render_ledger(LEDGER) == TEXT


def test_parse_reads_what_render_writes_with_each_entry_line() -> None:
    parsed = parse_ledger(TEXT)
    assert parsed == LEDGER
    assert [entry.line for entry in parsed.entries.values()] == [5, 10]


def test_a_version_1_ledger_is_read_as_legacy_and_written_back_as_text_fingerprints() -> None:
    """Version 1 fingerprints cover the text only: its entries are read as legacy (they
    cannot vouch for the front matter) and keep their fingerprint under its own name
    until each page is signed off again."""
    old = parse_ledger(TEXT.replace("version: 2", "version: 1"))
    legacy = {path: replace(entry, legacy=True) for path, entry in LEDGER.entries.items()}
    assert old == Ledger("sign-offs.yml", legacy)
    written = render_ledger(old)
    assert written == TEXT.replace(
        f"    fingerprint: {A}\n    revised: 2026-11-27",
        f"    text_fingerprint: {A}\n    revised: 2026-11-27",
    ).replace(f"    fingerprint: {B}", f"    text_fingerprint: {B}")
    assert parse_ledger(written) == old
    signed_again = old.with_entries([LEDGER.entries["docs/care.md"]])
    assert parse_ledger(render_ledger(signed_again)).entries["docs/care.md"].legacy is False


def test_the_same_date_twice_is_written_twice_without_anchors() -> None:
    day = date(2026, 11, 28)
    ledger = Ledger(
        "sign-offs.yml",
        {
            "docs/a.md": SignOff("docs/a.md", A, day, ("content-team",)),
            "docs/b.md": SignOff("docs/b.md", B, day, ("content-team",)),
        },
    )
    written = render_ledger(ledger)
    assert "&" not in written and "*" not in written
    assert written.count("revised: 2026-11-28\n") == 2


def test_a_version_2_entry_needs_one_fingerprint() -> None:
    text = TEXT.replace(f"    fingerprint: {B}\n", "")
    with pytest.raises(LedgerError) as raised:
        parse_ledger(text)
    assert str(raised.value) == (
        "Sign-off ledger 'sign-offs.yml', line 11: the entry of 'docs_es/care.md' needs one of "
        "'fingerprint' or 'text_fingerprint'" + RESTORE
    )


def test_an_empty_ledger_has_no_entries() -> None:
    assert parse_ledger("") == Ledger("sign-offs.yml", {})
    assert parse_ledger("version: 1\npages: {}\n") == Ledger("sign-offs.yml", {})


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "version: 2",
            "version: [2",
            "Sign-off ledger 'sign-offs.yml' is not valid YAML (line 3, column 10: expected ',' "
            "or ']', but got ':')" + RESTORE,
        ),
        (
            "version: 2",
            "version: 3",
            "Sign-off ledger 'sign-offs.yml', line 3: version is '3'; this site reads versions 1 and 2"
            + RESTORE,
        ),
        (
            f"fingerprint: {A}\n    revised: 2026-11-27",
            f"fingerprint: md5:{'a' * 32}\n    revised: 2026-11-27",
            "Sign-off ledger 'sign-offs.yml', line 6: the fingerprint of 'docs/care.md' is not "
            f"well formed ('md5:{'a' * 32}'; expected sha256: and 64 hex digits)" + RESTORE,
        ),
        (
            f"fingerprint: {B}",
            f"fingerprint: {B[:-1]}",
            "Sign-off ledger 'sign-offs.yml', line 11: the fingerprint of 'docs_es/care.md' is not "
            f"well formed ('{B[:-1]}'; expected sha256: and 64 hex digits)" + RESTORE,
        ),
        (
            "- 0123456789abcdef",
            "- 0123456789ABCDEF",
            "Sign-off ledger 'sign-offs.yml', line 22: a paragraph fingerprint in 'translates' of "
            "'docs_es/care.md' is not well formed ('0123456789ABCDEF'; expected 16 hex digits)"
            + RESTORE,
        ),
        (
            "    revised: 2026-11-27\n    reviewed_by",
            "    revized: 2026-11-27\n    reviewed_by",
            "Sign-off ledger 'sign-offs.yml', line 7: unknown key 'revized' in the entry of "
            "'docs/care.md'" + RESTORE,
        ),
        (
            "    revised: 2026-11-28\n",
            "    revised: 2026-02-30\n",
            "Sign-off ledger 'sign-offs.yml', line 12: the revision date of 'docs_es/care.md' is "
            "not a real date (2026-02-30)" + RESTORE,
        ),
        (
            "    reviewed_by:\n    - content-team\n  docs_es",
            "    reviewed_by: []\n  docs_es",
            "Sign-off ledger 'sign-offs.yml', line 8: reviewed_by of 'docs/care.md' must be a "
            "list of reviewer ids" + RESTORE,
        ),
    ],
    ids=["yaml", "version", "fingerprint", "short", "paragraph", "key", "date", "no-reviewer"],
)
def test_a_ledger_edited_by_hand_is_refused_with_its_line(old: str, new: str, message: str) -> None:
    assert old in TEXT
    with pytest.raises(LedgerError) as raised:
        parse_ledger(TEXT.replace(old, new, 1))
    assert str(raised.value) == message


def test_merge_conflict_markers_are_refused_with_their_line() -> None:
    conflicted = TEXT.replace(
        "    revised: 2026-11-28\n",
        "<<<<<<< HEAD\n    revised: 2026-11-28\n=======\n    revised: 2026-11-29\n>>>>>>> fix\n",
    )
    with pytest.raises(LedgerError) as raised:
        parse_ledger(conflicted)
    assert str(raised.value) == (
        "Sign-off ledger 'sign-offs.yml' has merge-conflict markers (line 12: '<<<<<<< HEAD'): "
        "keep one side with 'git checkout --ours sign-offs.yml' (or --theirs), then run "
        "./tasks status and sign off the pages it lists"
    )


def test_a_reviewer_removed_from_the_registry_is_named_with_the_entry_line() -> None:
    team = Reviewer("content-team", {"en": "Team"}, {"en": "Doctors"})
    registry = ReviewerRegistry("reviewers.yml", {"content-team": team})
    assert unknown_signers(parse_ledger(TEXT), registry) == {
        "docs_es/care.md": (
            "was signed off by 'translation-team', not in reviewers.yml (line 10 of "
            "sign-offs.yml); sign the page off again with current reviewers, or restore the "
            "reviewer in reviewers.yml"
        )
    }
