"""What a sign-off writes into the ledger file: the lines of its own entries only, for
ledgers with identical reviewer lists and dates (what made PyYAML write ``&id001``),
ledgers written before anchors were turned off, and reformatted ones (issue 22)."""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import date

import yaml

from oncopress.ledger.ledgeredit import ledger_text
from oncopress.ledger.ledgerfile import HEADER, Ledger, SignOff, parse_ledger, render_ledger

DAY, LATER = date(2026, 11, 28), date(2026, 12, 3)
TEAM = ("content-team",)


def digest(letter: str) -> str:
    return "sha256:" + letter * 64


def entry(path: str, letter: str, day: date = DAY) -> SignOff:
    return SignOff(path, digest(letter), day, TEAM)


LEDGER = Ledger(
    "sign-offs.yml", {f"docs/{name}.md": entry(f"docs/{name}.md", name) for name in "abcd"}
)


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a diff of the two texts shows as removed (-), then those it shows as
    added (+), each in file order."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line for line in diff if line[:2] == "- "] + [line for line in diff if line[:2] == "+ "]


def signed_again(ledger: Ledger, path: str, letter: str) -> Ledger:
    return ledger.with_entries([entry(path, letter, LATER)])


def test_a_sign_off_changes_its_own_lines_only() -> None:
    before = render_ledger(LEDGER)  # four entries: the same reviewers, the same date
    after = ledger_text(before, signed_again(LEDGER, "docs/b.md", "e"))
    assert changed_lines(before, after) == [
        f"-     fingerprint: {digest('b')}",
        "-     revised: 2026-11-28",
        f"+     fingerprint: {digest('e')}",
        "+     revised: 2026-12-03",
    ]
    assert "&" not in after and "*" not in after
    assert after == render_ledger(signed_again(LEDGER, "docs/b.md", "e"))


def test_a_new_page_and_a_pruned_page_add_and_remove_their_own_lines_only() -> None:
    before = render_ledger(LEDGER)
    added = LEDGER.with_entries([entry("docs/bb.md", "e", LATER)])
    assert changed_lines(before, ledger_text(before, added)) == [
        "+   docs/bb.md:",
        f"+     fingerprint: {digest('e')}",
        "+     revised: 2026-12-03",
        "+     reviewed_by:",
        "+     - content-team",
    ]
    assert changed_lines(before, ledger_text(before, LEDGER.without(["docs/d.md"]))) == [
        "-   docs/d.md:",
        f"-     fingerprint: {digest('d')}",
        "-     revised: 2026-11-28",
        "-     reviewed_by:",
        "-     - content-team",
    ]


def old_ledger() -> str:
    """The ledger as the command wrote it before issue 19: PyYAML's anchors and aliases
    for the date and the reviewer list that the entries shared."""
    team = list(TEAM)
    pages = {
        path: {"fingerprint": sign_off.fingerprint, "revised": DAY, "reviewed_by": team}
        for path, sign_off in LEDGER.entries.items()
    }
    body = yaml.safe_dump({"version": 2, "pages": pages}, sort_keys=False, width=1000)
    assert "revised: &id001 2026-11-28" in body and "reviewed_by: *id002" in body
    return HEADER + body


def test_an_old_ledger_with_anchors_keeps_the_other_entries_as_they_are() -> None:
    before = old_ledger()
    assert parse_ledger(before) == LEDGER
    after = ledger_text(before, signed_again(LEDGER, "docs/c.md", "e"))
    assert changed_lines(before, after) == [
        f"-     fingerprint: {digest('c')}",
        "-     revised: *id001",
        "-     reviewed_by: *id002",
        f"+     fingerprint: {digest('e')}",
        "+     revised: 2026-12-03",
        "+     reviewed_by:",
        "+     - content-team",
    ]
    assert parse_ledger(after) == signed_again(LEDGER, "docs/c.md", "e")


def test_the_entry_holding_the_anchors_takes_the_entries_with_its_aliases_along() -> None:
    """Without its anchors, their aliases would not read: those entries are written out
    too (once), and no other."""
    before = old_ledger()
    ledger = signed_again(LEDGER, "docs/a.md", "e")
    after = ledger_text(before, ledger)
    assert after == render_ledger(ledger)
    assert parse_ledger(after) == ledger


def test_a_reformatted_entry_is_kept_as_it_is() -> None:
    before = render_ledger(LEDGER).replace(
        "  docs/a.md:\n"
        f"    fingerprint: {digest('a')}\n    revised: 2026-11-28\n    reviewed_by:\n"
        "    - content-team\n",
        f"  docs/a.md: {{fingerprint: '{digest('a')}', revised: 2026-11-28, "
        "reviewed_by: [content-team]}\n",
    )
    assert parse_ledger(before) == LEDGER
    after = ledger_text(before, signed_again(LEDGER, "docs/d.md", "e"))
    assert [line[2:] for line in changed_lines(before, after)] == [
        f"    fingerprint: {digest('d')}",
        "    revised: 2026-11-28",
        f"    fingerprint: {digest('e')}",
        "    revised: 2026-12-03",
    ]


def test_a_version_1_ledger_or_no_ledger_is_written_whole() -> None:
    """Version 1 fingerprints must be renamed text_fingerprint in every entry."""
    legacy = Ledger(
        "sign-offs.yml", {p: replace(e, legacy=True) for p, e in LEDGER.entries.items()}
    )
    before = render_ledger(LEDGER).replace("version: 2", "version: 1")
    ledger = legacy.with_entries([entry("docs/b.md", "e", LATER)])
    assert ledger_text(before, ledger) == render_ledger(ledger)
    assert ledger_text("", LEDGER) == render_ledger(LEDGER)
