"""The robustness catalogue, sign-off ledger cases: a ledger that cannot be trusted, an
entry whose page or reviewer is gone, and sign-offs the command must refuse. Each with
its exact message and exit status, never a traceback, and nothing written on a refusal.

Replicate a case: copy tests/fixtures/minimal, run `python tools/editor_commands.py -f
<copy>/mkdocs.yml sign-off <every page> ...` to write its ledger, make the case's edit,
then `SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml` or the
command shown (every failing assertion prints what it ran).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Project, make_project, sign_everything
from test_ledger import command
from test_robustness import PLUGIN_ERROR, TODAY, assert_failed_cleanly, error_blocks

RESTORE = (
    "; the ledger is written by ./tasks sign-off only: restore it with "
    "'git checkout sign-offs.yml', then sign the pages off again"
)


def signed(tmp_path: Path) -> Project:
    """The minimal fixture with every page signed off; builds keep the ledger as it is."""
    project = make_project(tmp_path / "project", "minimal")
    sign_everything(project.root)
    project.auto_sign = False
    return project


def edit_ledger(old: str, new: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        ledger = project.root / "sign-offs.yml"
        text = ledger.read_text(encoding="utf-8")
        assert old in text, f"the ledger has no {old!r}: update the case"
        ledger.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def ledger_line(project: Project, text: str) -> int:
    lines = (project.root / "sign-offs.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


BROKEN = {
    "malformed": (
        edit_ledger("version: 2", "version: [2"),
        "Sign-off ledger 'sign-offs.yml' is not valid YAML (line 3, column 10: expected ',' or "
        "']', but got ':')" + RESTORE,
    ),
    "conflict-markers": (
        edit_ledger("pages:\n", "pages:\n<<<<<<< HEAD\n"),
        "Sign-off ledger 'sign-offs.yml' has merge-conflict markers (line 5: '<<<<<<< HEAD'): "
        "keep one side with 'git checkout --ours sign-offs.yml' (or --theirs), then run "
        "./tasks status and sign off the pages it lists",
    ),
    "fingerprint-edited-by-hand": (
        edit_ledger("fingerprint: sha256:", "fingerprint: sha256:0"),
        "Sign-off ledger 'sign-offs.yml', line 6: the fingerprint of 'docs/care.md' is not well "
        "formed ('sha256:0{digest}'; expected sha256: and 64 hex digits)" + RESTORE,
    ),
    # A change note shows on the page: one line, as ./tasks sign-off writes it.
    "note-edited-into-two-lines": (
        edit_ledger(
            "    - content-team\n",
            '    - content-team\n    notes:\n    - date: 2026-11-20\n      text: "One\\nTwo"\n',
        ),
        "Sign-off ledger 'sign-offs.yml', line 12: the text of a note of 'docs/care.md' is more "
        "than one line" + RESTORE,
    ),
    "not-utf8": (
        lambda project: (project.root / "sign-offs.yml").write_bytes(
            (project.root / "sign-offs.yml").read_bytes() + b"# caf\xe9\n"
        ),
        "Sign-off ledger 'sign-offs.yml' is not UTF-8 text (line {last}: invalid continuation "
        "byte); save it as UTF-8",
    ),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_ledger_that_cannot_be_trusted_stops_the_build_and_the_commands(
    tmp_path: Path, case: str
) -> None:
    project = signed(tmp_path)
    first = (project.root / "sign-offs.yml").read_text(encoding="utf-8")
    digest = first.split("fingerprint: sha256:", 1)[1][:64]
    last = first.count("\n") + 1
    edit, message = BROKEN[case]
    edit(project)
    message = message.format(digest=digest, last=last)
    result = project.build(env=TODAY)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    for args in (["status"], ["sign-off", "docs/care.md", "--by", "content-team"]):
        ran = command(project, *args)
        assert (ran.returncode, ran.stdout) == (2, ""), ran.stderr
        assert ran.stderr == f"{args[0]}: {message}\n"
        assert "Traceback" not in ran.stderr


def test_an_entry_for_a_page_that_no_longer_exists_is_info(tmp_path: Path) -> None:
    project = signed(tmp_path)
    project.write(
        "docs/gone.md", "---\ntitle: Gone\nlast_revised: 2023-08-28\nmedical: false\n---\n\nText.\n"
    )
    project.write(
        "docs_es/gone.md",
        "---\ntitle: Ido\nlast_revised: 2023-08-28\ntranslation_of: 2023-08-28\nmedical: false\n---\n\nTexto.\n",
    )
    sign_everything(project.root)
    (project.root / "docs/gone.md").unlink()
    (project.root / "docs_es/gone.md").unlink()
    result = project.build(env=TODAY)
    assert result.returncode == 0, result.explain()
    assert result.warnings == []
    gone = [line for line in result.lines("INFO") if "no longer exists" in line]
    assert gone == [
        f"Sign-off ledger 'sign-offs.yml' (line {ledger_line(project, 'docs/gone.md:')}): "
        "'docs/gone.md' no longer exists; remove its entry with: ./tasks sign-off --prune",
        f"Sign-off ledger 'sign-offs.yml' (line {ledger_line(project, 'docs_es/gone.md:')}): "
        "'docs_es/gone.md' no longer exists; remove its entry with: ./tasks sign-off --prune",
    ], result.explain()
    pruned = command(project, "sign-off", "--prune")
    assert pruned.stdout == (
        "Removed the sign-off of 'docs/gone.md' (the page no longer exists)\n"
        "Removed the sign-off of 'docs_es/gone.md' (the page no longer exists)\n"
    )
    assert "gone.md" not in (project.root / "sign-offs.yml").read_text(encoding="utf-8")


def test_a_reviewer_removed_from_the_registry_but_in_the_ledger(tmp_path: Path) -> None:
    project = signed(tmp_path)
    registry = project.root / "reviewers.yml"
    registry.write_text(
        registry.read_text(encoding="utf-8")
        + "dr-old:\n  name:\n    en: Dr Old\n    es: Dra. Old\n  credentials:\n"
        "    en: Oncologist\n    es: Oncóloga\n",
        encoding="utf-8",
    )
    ran = command(
        project, "sign-off", "docs/care.md", "--by", "dr-old,content-team", "--date", "2026-11-20"
    )
    assert ran.returncode == 0, ran.stderr
    registry.write_text(registry.read_text(encoding="utf-8").split("dr-old:")[0], "utf-8")
    line = ledger_line(project, "docs/care.md:")
    result = project.build(env=TODAY)
    assert result.returncode == 1, result.explain()
    assert result.warnings == [
        f"Doc file 'docs/care.md' (en): was signed off by 'dr-old', not in reviewers.yml (line "
        f"{line} of sign-offs.yml); sign the page off again with current reviewers, or restore "
        "the reviewer in reviewers.yml"
    ], result.explain()


def files(project: Project) -> dict[str, str]:
    """A hash of every file of the project but the built site."""
    return {
        path.relative_to(project.root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.root.rglob("*"))
        if path.is_file() and not path.is_symlink() and "site" not in path.parts
    }


def refused(project: Project, *args: str) -> tuple[int, str]:
    before = files(project)
    ran = command(project, *args)
    assert files(project) == before, "a refused sign-off wrote a file"
    assert ran.stdout == "" and "Traceback" not in ran.stderr
    return ran.returncode, ran.stderr


def test_a_sign_off_of_a_pending_translation_stub_is_refused(tmp_path: Path) -> None:
    project = signed(tmp_path)
    project.write(
        "docs_es/care.md",
        "---\ntitle: Cuidado\nlast_revised: 2023-08-28\ntranslation_status: pending\n---\n",
    )
    assert refused(
        project, "sign-off", "docs_es/care.md", "--by", "content-team", "--translation-by",
        "translation-team",
    ) == (
        1,
        "Sign-off refused: 1 problem\n"
        "  Doc file 'docs_es/care.md' (es): is a pending translation stub ('translation_status: "
        "pending'): translate it first, then sign it off\n"
        "Nothing was written.\n",
    )  # fmt: skip


def test_two_sign_offs_of_the_same_page_in_one_command_are_refused(tmp_path: Path) -> None:
    project = signed(tmp_path)
    assert refused(
        project, "sign-off", "docs/care.md", "./docs/care.md", "docs_es/care.md",
        "docs_es/../docs_es/care.md", "--by", "content-team", "--translation-by",
        "translation-team",
    ) == (
        1,
        "Sign-off refused: 2 problems\n"
        "  docs/care.md: is named twice ('docs/care.md' and './docs/care.md'); sign each "
        "page off once\n"
        "  docs_es/care.md: is named twice ('docs_es/care.md' and 'docs_es/../docs_es/care.md'); "
        "sign each page off once\n"
        "Nothing was written.\n",
    )  # fmt: skip


def test_translation_by_without_a_translation_is_refused(tmp_path: Path) -> None:
    """English pages and their translations sign off in one command (issue 22): --by for
    the English pages, --translation-by for the translations; --translation-by with no
    translation named is a mistake."""
    project = signed(tmp_path)
    assert refused(
        project, "sign-off", "docs/care.md", "--by", "content-team", "--translation-by",
        "translation-team",
    ) == (
        1,
        "Sign-off refused: 1 problem\n"
        "  (command): --translation-by names who reviewed a translation, and no page of this "
        "command is one (English pages take --by only)\n"
        "Nothing was written.\n",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("notes", "problem"),
    [
        (
            ["--note", "Added what to do if a symptom comes back."],
            "--note-es: the Spanish pages of this command need their note too, in their "
            "language (each page shows the note in its own language)",
        ),
        (
            ["--note", "Line one.\nLine two.", "--note-es", "Una línea."],
            "--note: the note for readers is more than one line; write one line of at most 300 "
            'characters, like --note "Added what to do if a symptom comes back."',
        ),
        (
            ["--note", "Added.", "--note-es", "x" * 301],
            "--note-es: the note for readers is longer than 300 characters (301); write one line "
            'of at most 300 characters, like --note-es "Añadimos qué hacer si un síntoma regresa."',
        ),
    ],
)
def test_a_change_note_for_readers_must_fit_and_come_in_each_language(
    tmp_path: Path, notes: list[str], problem: str
) -> None:
    project = signed(tmp_path)
    assert refused(
        project, "sign-off", "docs/care.md", "docs_es/care.md", "--by", "content-team",
        "--translation-by", "translation-team", *notes,
    ) == (1, f"Sign-off refused: 1 problem\n  (command): {problem}\nNothing was written.\n")  # fmt: skip


def test_an_unknown_reviewer_and_a_future_date_are_refused(tmp_path: Path) -> None:
    project = signed(tmp_path)
    assert refused(
        project, "sign-off", "docs/care.md", "--by", "dr-who", "--date", "2026-12-05"
    ) == (
        1,
        "Sign-off refused: 2 problems\n"
        "  (command): --by: unknown reviewer id 'dr-who' (ids in reviewers.yml: content-team, "
        "translation-team)\n"
        "  (command): --date 2026-12-05 is in the future (today is 2026-12-04)\n"
        "Nothing was written.\n",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("changed", "last_line"),
    [
        (["docs_es/care.md"], "1 item needs an editor; 1 blocks publishing (./tasks build "
         "refuses to publish)."),
        (["docs/care.md"], "2 items need an editor; 2 block publishing (./tasks build refuses "
         "to publish)."),  # the page changed, and its translation stale
    ],
)  # fmt: skip
def test_status_counts_its_items_in_the_right_plural(
    tmp_path: Path, changed: list[str], last_line: str
) -> None:
    """Was "1 item need an editor" (issue 22)."""
    project = signed(tmp_path)
    for args in (
        ["docs/care.md", "docs/index.md", "--by", "content-team"],
        ["docs_es/care.md", "docs_es/index.md", "--by", "content-team", "--translation-by",
         "translation-team"],
    ):  # fmt: skip
        assert command(project, "sign-off", *args).returncode == 0  # today: none overdue
    for page in changed:
        path = project.root / page
        path.write_text(path.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    ran = command(project, "status")
    assert ran.returncode == 1, ran.stderr
    assert ran.stdout.splitlines()[-1] == last_line, ran.stdout
