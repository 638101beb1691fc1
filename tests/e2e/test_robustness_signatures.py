"""The robustness catalogue, signed sign-offs (issue 22, item 7): a reviewer with a public
SSH key in reviewers.yml (``signing_keys``, lines of git's allowed_signers) signs the
ledger entries naming them with ``./tasks sign-off --key``, and the build refuses an entry
edited by hand, signed with another key, or without their signature. Each case with its
exact message; keys are made in the test with ssh-keygen.

Replicate: copy tests/fixtures/minimal, ``ssh-keygen -t ed25519 -N "" -f key``, add
``signing_keys: ["content@example.org ssh-ed25519 ..."]`` (the line of key.pub) to
content-team in reviewers.yml, run ``python tools/editor_commands.py -f <copy>/mkdocs.yml
sign-off docs/care.md docs/index.md --by content-team --key key``, make the case's edit,
then ``SOURCE_DATE_EPOCH=1796342400 mkdocs build --strict -f <copy>/mkdocs.yml``.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import Project
from test_ledger import ENV, command
from test_robustness import PLUGIN_ERROR, assert_failed_cleanly, error_blocks
from test_robustness import TODAY as BUILD_DAY
from test_robustness_ledger import ledger_line, refused, signed

from oncopress.ledger.fingerprint import fingerprint_page
from oncopress.ledger.ledgerfile import parse_ledger, signed_message
from oncopress.pages.frontmatter import read_front_matter

PAGES = ("docs/care.md", "docs/index.md", "docs_es/care.md", "docs_es/index.md")
TODAY = "2026-12-04"


def make_key(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key


def public_line(key: Path, principal: str) -> str:
    return f"{principal} {key.with_suffix('.pub').read_text(encoding='ascii').strip()}"


def key_fingerprint(key: Path) -> str:
    listed = subprocess.run(
        ["ssh-keygen", "-l", "-f", str(key.with_suffix(".pub"))],
        capture_output=True,
        text=True,
        check=True,
    )
    return listed.stdout.split()[1]


def give_keys(project: Project, keys: dict[str, list[str]]) -> None:
    registry = project.root / "reviewers.yml"
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    for reviewer, lines in keys.items():
        data[reviewer]["signing_keys"] = lines
    registry.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def keyed(tmp_path: Path) -> tuple[Project, Path, Path]:
    """The minimal fixture signed off, content-team and translation-team given keys, and
    every page signed off again with them."""
    project = signed(tmp_path)
    content = make_key(tmp_path / "keys", "content")
    translation = make_key(tmp_path / "keys", "translation")
    give_keys(
        project,
        {
            "content-team": [public_line(content, "content@example.org")],
            "translation-team": [public_line(translation, "translation@example.org")],
        },
    )
    ran = command(
        project, "sign-off", *PAGES, "--by", "content-team", "--translation-by",
        "translation-team", "--key", str(content), "--key", str(translation),
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines() == [
        f"Signed off 'docs/care.md' on {TODAY} by content-team; signed by content-team",
        f"Signed off 'docs/index.md' on {TODAY} by content-team; signed by content-team",
        f"Signed off 'docs_es/care.md' on {TODAY} by content-team; translation by "
        "translation-team; signed by content-team, translation-team",
        f"Signed off 'docs_es/index.md' on {TODAY} by content-team; translation by "
        "translation-team; signed by content-team, translation-team",
    ]
    return project, content, translation


def test_signed_sign_offs_build_and_carry_each_reviewers_signature(
    keyed: tuple[Project, Path, Path],
) -> None:
    project, content, _ = keyed
    result = project.build(env=ENV)
    assert result.returncode == 0, result.explain()
    assert result.warnings == []
    ledger = yaml.safe_load((project.root / "sign-offs.yml").read_text(encoding="utf-8"))
    assert set(ledger["pages"]["docs_es/care.md"]["signatures"]) == {
        "content-team",
        "translation-team",
    }
    # ssh-keygen itself verifies what the ledger holds, with the same allowed_signers.
    entry = parse_ledger((project.root / "sign-offs.yml").read_text("utf-8")).entries[
        "docs/care.md"
    ]
    body = entry.signature_of("content-team") or ""
    armored = "-----BEGIN SSH SIGNATURE-----\n"
    armored += "\n".join(body[i : i + 70] for i in range(0, len(body), 70))
    armored += "\n-----END SSH SIGNATURE-----\n"
    folder = project.root.parent
    (folder / "allowed").write_text(public_line(content, "content@example.org") + "\n")
    (folder / "entry.sig").write_text(armored)
    checked = subprocess.run(
        ["ssh-keygen", "-Y", "verify", "-f", str(folder / "allowed"), "-I",
         "content@example.org", "-n", "oncopress-signoff", "-s", str(folder / "entry.sig")],
        input=signed_message(entry),
        capture_output=True,
        check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stderr


def test_a_ledger_entry_edited_by_hand_is_refused(keyed: tuple[Project, Path, Path]) -> None:
    """Someone changes a signed page and writes its new fingerprint into the ledger, as
    test_the_ledger_does_not_stop_someone_who_edits_it_on_purpose does without keys."""
    project, _, _ = keyed
    care = project.root / "docs/care.md"
    care.write_text(care.read_text("utf-8").replace("treatment", "treatment, or not"), "utf-8")
    meta, body = read_front_matter(care.read_text("utf-8"))
    digest = fingerprint_page(meta, body).digest
    ledger = project.root / "sign-offs.yml"
    text = ledger.read_text("utf-8")
    old = re.search(r"docs/care.md:\n    fingerprint: (\S+)", text)
    assert old is not None
    ledger.write_text(text.replace(old.group(1), digest, 1), "utf-8")
    line = ledger_line(project, "docs/care.md:")
    result = project.build(env=ENV)
    assert result.returncode == 1, result.explain()
    assert result.warnings[1].startswith("Doc file 'docs_es/care.md' (es): translation is out")
    assert result.warnings[:1] == [
        "Doc file 'docs/care.md' (en): its sign-off does not match the signature of "
        "'content-team': the entry was changed after it was signed (by hand, or by something "
        f"other than ./tasks sign-off) (line {line} of sign-offs.yml); once 'content-team' has "
        "approved this text, sign it off again: ./tasks sign-off docs/care.md --by "
        "content-team --key THEIR_KEY",
    ], result.explain()
    status = command(project, "status")
    assert status.returncode == 1 and "does not match the signature" in status.stdout


def test_an_entry_signed_with_a_key_not_the_reviewers_is_refused(
    keyed: tuple[Project, Path, Path], tmp_path: Path
) -> None:
    """The same edit, signed by its author with their own key and named content-team's."""
    project, content, _ = keyed
    other = make_key(tmp_path / "keys", "mallory")
    give_keys(project, {"content-team": [public_line(other, "content@example.org")]})
    care = project.root / "docs/care.md"
    care.write_text(care.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    ran = command(project, "sign-off", "docs/care.md", "--by", "content-team", "--key", str(other))
    assert ran.returncode == 0, ran.stderr
    give_keys(project, {"content-team": [public_line(content, "content@example.org")]})
    line = ledger_line(project, "docs/care.md:")
    result = project.build(env=ENV)
    assert result.returncode == 1, result.explain()
    assert result.warnings[1].startswith("Doc file 'docs_es/care.md' (es): translation is out")
    assert result.warnings[:1] == [
        "Doc file 'docs/care.md' (en): its sign-off is signed for 'content-team' with a key "
        f"that is not theirs in reviewers.yml ({key_fingerprint(other)}) (line {line} of "
        "sign-offs.yml); once 'content-team' has approved this text, sign it off again: "
        "./tasks sign-off docs/care.md --by content-team --key THEIR_KEY",
    ], result.explain()


def test_an_entry_without_the_reviewers_signature_is_refused(
    keyed: tuple[Project, Path, Path],
) -> None:
    project, _, _ = keyed
    ledger = project.root / "sign-offs.yml"
    text = ledger.read_text("utf-8")
    start = text.index("  docs/index.md:")
    block = text[start : text.index("\n  docs_es/", start)]
    ledger.write_text(text.replace(block, block.split("    signatures:")[0].rstrip("\n")), "utf-8")
    line = ledger_line(project, "docs/index.md:")
    result = project.build(env=ENV)
    assert result.returncode == 1, result.explain()
    assert result.warnings == [
        "Doc file 'docs/index.md' (en): its sign-off has no signature of 'content-team', whose "
        "signing key is in reviewers.yml: it was written without their key, or by hand (line "
        f"{line} of sign-offs.yml); once 'content-team' has approved this text, sign it off "
        "again: ./tasks sign-off docs/index.md --by content-team --key THEIR_KEY",
    ], result.explain()


def test_a_sign_off_without_the_key_or_with_another_key_is_refused(
    keyed: tuple[Project, Path, Path], tmp_path: Path
) -> None:
    project, _, _ = keyed
    care = project.root / "docs/care.md"
    care.write_text(care.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
    assert refused(project, "sign-off", "docs/care.md", "--by", "content-team") == (
        1,
        "Sign-off refused:\n"
        "  'docs/care.md' names 'content-team', whose signing key is in reviewers.yml: sign "
        "with --key (their private key, or its .pub with the key in ssh-agent)\n"
        "Nothing was written.\n",
    )
    other = make_key(tmp_path / "keys", "someone")
    assert refused(
        project, "sign-off", "docs/care.md", "--by", "content-team", "--key", str(other)
    ) == (
        1,
        "Sign-off refused:\n"
        f"  --key {other}: its key ({key_fingerprint(other)}) is not the signing key in "
        "reviewers.yml of any reviewer these sign-offs name (reviewers with a key: "
        "content-team)\n"
        "Nothing was written.\n",
    )
    missing = tmp_path / "keys" / "nowhere"
    code, message = refused(
        project, "sign-off", "docs/care.md", "--by", "content-team", "--key", str(missing)
    )
    assert code == 1
    assert message.startswith(
        f"Sign-off refused:\n  --key {missing}: ssh-keygen could not sign ("
    ), message


def test_two_reviewers_sign_one_translation_each_with_their_key(
    keyed: tuple[Project, Path, Path],
) -> None:
    """The content reviewer signs first; the page waits for the translation reviewer,
    who signs the same entry (same --date) with their key."""
    project, content, translation = keyed
    care = project.root / "docs_es/care.md"
    care.write_text(care.read_text("utf-8") + "\nUna frase más.\n", "utf-8")
    args = ("sign-off", "docs_es/care.md", "--by", "content-team", "--translation-by",
            "translation-team")  # fmt: skip
    first = command(project, *args, "--key", str(content))
    assert first.returncode == 0, first.stderr
    assert first.stderr == (
        "'docs_es/care.md' waits for the signature of 'translation-team' (their signing key is "
        "in reviewers.yml); until then it is not signed off. They run: ./tasks sign-off "
        "docs_es/care.md --by content-team --translation-by translation-team --key THEIR_KEY "
        f"--date {TODAY}\n"
    )
    waiting = project.build(env=ENV)
    assert waiting.returncode == 1
    assert [line.split(": its sign-off")[0] for line in waiting.warnings] == [
        "Doc file 'docs_es/care.md' (es)"
    ]
    second = command(project, *args, "--date", TODAY, "--key", str(translation))
    assert second.returncode == 0, second.stderr
    assert second.stdout.endswith("signed by content-team, translation-team\n")
    published = project.build(env=ENV)
    assert published.returncode == 0, published.explain()


@pytest.mark.parametrize(
    ("keys", "problem"),
    [
        (
            ["ana@example.org ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ"],
            "reviewer 'content-team': signing key 1 is a 'ssh-rsa' key; only ssh-ed25519 keys "
            "are taken (ssh-keygen -t ed25519)",
        ),
        (
            ["ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIIaq"],
            "reviewer 'content-team': signing key 1 is not 'principals [options] ssh-ed25519 KEY "
            "[comment]', like git's allowed_signers",
        ),
        (
            ["ana@example.org ssh-ed25519 not-base64!"],
            "reviewer 'content-team': signing key 1 its key is not base64 text",
        ),
        (
            {"en": "ssh-ed25519"},
            "reviewer 'content-team' has 'signing_keys' that are not a list of public keys, like "
            'signing_keys: ["ana@example.org ssh-ed25519 AAAAC3Nza..."]',
        ),
    ],
)
def test_a_signing_key_that_is_not_an_allowed_signers_line_stops_the_build(
    tmp_path: Path, keys: object, problem: str
) -> None:
    project = signed(tmp_path)
    give_keys(project, {"content-team": keys})  # type: ignore[dict-item]
    result = project.build(env=BUILD_DAY)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [
        f"Reviewer registry 'reviewers.yml' has 1 problem:\n  {problem}"
    ], result.explain()
