"""The sign-off ledger end to end, on copies of the real site: the commands editors run
(`./tasks sign-off`, `./tasks status`, through tools/editor_commands.py) and the strict
build that refuses to publish text nobody signed off.

Replicate: ./tasks build; change one word of docs/survivorship/recurrence.md; ./tasks build
(fails); ./tasks status; ./tasks sign-off docs/survivorship/recurrence.md --by content-team;
./tasks sign-off docs_es/survivorship/recurrence.md --by content-team --translation-by
translation-team; ./tasks build (passes).
"""

from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Build, Project, make_project, sign_everything
from served import PREVIEW, Server

RECURRENCE = "docs/survivorship/recurrence.md"
RECURRENCE_ES = "docs_es/survivorship/recurrence.md"
TODAY = "2026-12-04"
ENV = {"SOURCE_DATE_EPOCH": "1796342400"}  # 2026-12-04: after the real pages' last sign-off
LEDGER = yaml.safe_load((ROOT / "sign-offs.yml").read_text(encoding="utf-8"))["pages"]


def command(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    """``./tasks ARGS`` on the project (tools/editor_commands.py with its mkdocs.yml)."""
    tool = [sys.executable, str(ROOT / "tools" / "editor_commands.py")]
    return subprocess.run(
        [*tool, "-f", str(project.root / "mkdocs.yml"), *args],
        cwd=project.root,
        env={**os.environ, **ENV},
        capture_output=True,
        text=True,
        check=False,
    )


def first_paragraph(text: str) -> tuple[str, str]:
    """The first plain paragraph of a page's body, and the same with one word changed."""
    body = text.split("\n---\n", 1)[1]
    for block in re.split(r"\n\s*\n", body):
        if block and block[0].isalpha() and " " in block:
            words = block.split(" ")
            changed = " ".join([*words[:-1], "really", words[-1]])
            return block, changed
    raise AssertionError("no plain paragraph to change")


@pytest.fixture
def real(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project", "real")


def test_one_changed_word_blocks_publishing_until_both_languages_are_signed_off(
    real: Project,
) -> None:
    page = real.root / RECURRENCE
    text = page.read_text(encoding="utf-8")
    old, new = first_paragraph(text)
    page.write_text(text.replace(old, new, 1), encoding="utf-8")
    signed = LEDGER[RECURRENCE]["revised"]

    refused = real.build(env=ENV)
    assert refused.returncode == 1, refused.explain()
    quoted = " ".join(new.split())
    quoted = quoted if len(quoted) <= 70 else quoted[:69].rstrip() + "…"
    assert refused.warnings == [
        f"Doc file '{RECURRENCE}' (en): changed since it was signed off on {signed} by "
        "content-team; once its reviewers have approved this text, run: ./tasks sign-off "
        f"{RECURRENCE} --by content-team",
        f"Doc file '{RECURRENCE_ES}' (es): translation is out of date: the English page "
        f"'{RECURRENCE}' changed since the revision of {signed} it translates (1 paragraph "
        f'added or changed: "{quoted}"; 1 paragraph of the translated revision gone); update '
        f"the translation, then run: ./tasks sign-off {RECURRENCE_ES} --by content-team "
        "--translation-by translation-team",
    ], refused.explain()

    status = command(real, "status")
    assert status.returncode == 1, status.stdout + status.stderr
    quotes = [line[6:] for line in status.stdout.splitlines() if line.startswith("    > ")]
    assert " ".join(quotes) == " ".join(new.split())  # the changed paragraph, in full
    report = json.loads(command(real, "status", "--json").stdout)
    assert report["blocking"] == 2
    stale = next(item for item in report["items"] if item["need"] == "stale")
    assert (stale["path"], stale["quotes"]) == (RECURRENCE_ES, [new])

    english = command(real, "sign-off", RECURRENCE, "--by", "content-team")
    assert english.returncode == 0, english.stderr
    assert english.stdout == f"Signed off '{RECURRENCE}' on {TODAY} by content-team\n"
    spanish = command(
        real, "sign-off", RECURRENCE_ES, "--by", "content-team", "--translation-by",
        "translation-team",
    )  # fmt: skip
    assert spanish.returncode == 0, spanish.stderr
    published = real.build(env=ENV)
    assert published.returncode == 0, published.explain()
    assert published.warnings == []
    assert command(real, "status").returncode == 0
    # The sign-off wrote the new dates and nothing else.
    assert page.read_text(encoding="utf-8") == text.replace(old, new, 1).replace(
        f"last_revised: {signed}", f"last_revised: {TODAY}"
    )
    soup = BeautifulSoup(
        (published.site / "survivorship/recurrence/index.html").read_text(), "lxml"
    )
    stamp = soup.select_one(".page-meta__revised time")
    assert stamp is not None and stamp["datetime"] == TODAY


NOTE = "Added what to do if a symptom comes back."
NOTE_ES = "Añadimos qué hacer si un síntoma regresa."


def stamp_lines(site: Path, relative: str, selector: str) -> list[str]:
    soup = BeautifulSoup((site / relative).read_text(encoding="utf-8"), "lxml")
    return [" ".join(tag.get_text().split()) for tag in soup.select(selector)]


def test_one_command_signs_off_a_page_and_its_translation_with_a_note_in_each_language(
    real: Project,
) -> None:
    """Issue 22: --by for the English page, --translation-by for its translation, and a
    change note for the readers of each, in its language, in one command."""
    for relative in (RECURRENCE, RECURRENCE_ES):
        page = real.root / relative
        text = page.read_text(encoding="utf-8")
        old, new = first_paragraph(text)
        page.write_text(text.replace(old, new, 1), encoding="utf-8")
    signed = command(
        real, "sign-off", RECURRENCE, RECURRENCE_ES, "--by", "content-team",
        "--translation-by", "translation-team", "--note", NOTE, "--note-es", NOTE_ES,
    )  # fmt: skip
    assert signed.returncode == 0, signed.stderr
    assert signed.stdout == (
        f"Signed off '{RECURRENCE}' on {TODAY} by content-team; note: \"{NOTE}\"\n"
        f"Signed off '{RECURRENCE_ES}' on {TODAY} by content-team; translation by "
        f'translation-team; note: "{NOTE_ES}"\n'
    )
    built = real.build(env=ENV)
    assert built.returncode == 0, built.explain()
    assert built.warnings == []
    english = "survivorship/recurrence/index.html"
    spanish = "es/survivorship/recurrence/index.html"
    assert stamp_lines(built.site, english, ".page-meta__changes-title") == ["Changes to this page"]
    assert stamp_lines(built.site, english, ".page-meta__changes li") == [
        f"December 4, 2026: {NOTE}"
    ]
    assert stamp_lines(built.site, spanish, ".page-meta__changes-title") == [
        "Cambios en esta página"
    ]
    assert stamp_lines(built.site, spanish, ".page-meta__changes li") == [
        f"4 de diciembre de 2026: {NOTE_ES}"
    ]
    assert stamp_lines(built.site, english, ".page-meta__review-due") == [
        "Next review due: December 4, 2029"
    ]
    assert stamp_lines(built.site, spanish, ".page-meta__review-due") == [
        "Próxima revisión: 4 de diciembre de 2029"
    ]
    # A page without notes shows no list.
    assert stamp_lines(built.site, "index.html", ".page-meta__changes") == []


def test_crlf_and_a_byte_order_mark_change_nothing(real: Project) -> None:
    for relative in (RECURRENCE, RECURRENCE_ES, "docs/index.md"):
        path = real.root / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    built = real.build(env=ENV)
    assert built.returncode == 0, built.explain()
    assert built.warnings == []
    status = command(real, "status", "--json")
    assert json.loads(status.stdout)["blocking"] == 0, status.stdout


def test_every_stamp_matches_the_ledger(real_site: Build) -> None:
    """The committed ledger is what every page of the real site shows: date and reviewers
    in the stamp, and in the JSON-LD of medical pages."""
    for path, entry in LEDGER.items():
        folder, _, name = path.partition("/")
        stem = ("es/" if folder == "docs_es" else "") + name.removesuffix(".md")
        html = real_site.site / (stem + ".html" if stem.endswith("index") else stem + "/index.html")
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        stamp = soup.select_one("aside.page-meta .page-meta__revised time")
        assert stamp is not None and stamp["datetime"] == str(entry["revised"]), path
        scripts = soup.find_all("script", type="application/ld+json")
        if scripts:
            data = json.loads(scripts[0].string)
            assert data["lastReviewed"] == str(entry["revised"]), path
            reviewers = [*entry["reviewed_by"], *entry.get("translation_reviewed_by", [])]
            assert len(data["reviewedBy"]) == len(dict.fromkeys(reviewers)), path
    assert len(LEDGER) == 10


@pytest.mark.parametrize(
    ("page", "title", "note"),
    [
        (
            "about/index.html",
            "Changes to this page",
            "December 3, 2026: Added that each page shows the date of its next review and what "
            "we changed.",
        ),
        (
            "es/about/index.html",
            "Cambios en esta página",
            "3 de diciembre de 2026: Añadimos que cada página muestra la fecha de su próxima "
            "revisión y qué cambiamos.",
        ),
    ],
)
def test_the_sample_shows_its_change_notes(
    real_site: Build, page: str, title: str, note: str
) -> None:
    assert stamp_lines(real_site.site, page, ".page-meta__changes-title") == [title]
    assert stamp_lines(real_site.site, page, ".page-meta__changes li") == [note]


def test_a_draft_shows_a_banner_only_where_the_build_is_not_strict(project: Project) -> None:
    sign_everything(project.root)
    project.auto_sign = False
    care = project.docs / "care.md"
    care.write_text(care.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    strict = project.build(env=ENV)
    assert strict.returncode == 1
    preview = project.build(env=ENV, strict=False)
    assert preview.returncode == 0, preview.explain()
    soup = BeautifulSoup((preview.site / "care/index.html").read_text(encoding="utf-8"), "lxml")
    banner = soup.select_one("article .page-notice--draft")
    assert banner is not None
    assert " ".join(banner.get_text(" ", strip=True).split()) == (
        "Draft: changed since it was signed off This text has changes its reviewers have not "
        "approved yet. They last signed it off on August 28, 2023."
    )
    spanish = BeautifulSoup((preview.site / "es/care/index.html").read_text("utf-8"), "lxml")
    assert spanish.select_one("article .page-notice--draft") is None  # its own text is signed


@pytest.fixture(params=["preview", "mkdocs serve"])
def serving(project: Project, request: pytest.FixtureRequest) -> Iterator[Server]:
    """``./tasks serve`` (tools/serve.py) and its plain fallback, ``mkdocs serve``."""
    sign_everything(project.root)
    served = Server(project.root, PREVIEW) if request.param == "preview" else Server(project.root)
    try:
        served.wait("the first build", served.page_shows("es/care/", "Última actualización"))
        yield served
    finally:
        served.stop()


def test_serve_shows_the_draft_banner_and_the_report_at_a_path_the_site_never_has(
    project: Project, serving: Server
) -> None:
    page = project.docs_es / "care.md"
    signed = page.read_text(encoding="utf-8")
    page.write_text(signed + "\nOtra frase.\n", encoding="utf-8")
    serving.wait("the banner", serving.page_shows("es/care/", "Borrador: cambió después"))
    # A second edit of the draft (the preview may re-render the page alone): still a draft.
    page.write_text(signed + "\nOtra frase distinta.\n", encoding="utf-8")
    serving.wait("the second edit", serving.page_shows("es/care/", "Otra frase distinta."))
    assert "Borrador: cambió después" in serving.fetch("es/care/")
    if serving.process.args[1] == PREVIEW[0]:  # the draft stays a draft: one page re-rendered
        assert any("Rebuilt 'docs_es/care.md'" in line for line in serving.output), "\n".join(
            serving.output
        )
    # Back to the signed-off text: the banner goes.
    page.write_text(signed, encoding="utf-8")
    serving.wait("the signed text", lambda: "Otra frase" not in serving.fetch("es/care/"))
    assert "Borrador" not in serving.fetch("es/care/")
    page.write_text(signed + "\nOtra frase.\n", encoding="utf-8")
    serving.wait("the banner again", serving.page_shows("es/care/", "Borrador: cambió después"))
    report = BeautifulSoup(serving.fetch("_editor/editorial-report.html"), "lxml")
    rows = {
        " ".join(row.th.code.get_text().split()): " ".join(row.get_text(" ", strip=True).split())
        for row in report.select("tbody tr")
        if row.th and row.th.code
    }
    assert "changed since its sign-off of 2023-08-28" in rows["docs_es/care.md"]
    link = report.select_one("tbody a")
    assert link is not None and str(link["href"]).startswith("../")


def anchored(text: str) -> str:
    """A ledger as the command wrote it before issue 19: the date and the reviewer list
    every entry shares written once, with anchors (``&id001``) and aliases (``*id001``)."""
    data = yaml.safe_load(text)
    shared: dict[object, object] = {}
    for entry in data["pages"].values():
        for key in ("revised", "reviewed_by"):
            entry[key] = shared.setdefault((key, repr(entry[key])), entry[key])
    body = yaml.safe_dump(data, sort_keys=False, width=1000)
    assert "&id001" in body and "*id001" in body
    return text.split("version:", 1)[0] + body


def test_a_sign_off_changes_the_lines_of_its_page_only(tmp_path: Path) -> None:
    """Issue 22: a sign-off rewrote the anchors (&id001) of unrelated entries. Every entry
    of this ledger has the same reviewers and date (what made PyYAML write anchors)."""
    project = make_project(tmp_path / "project", "minimal")
    sign_everything(project.root)
    ledger = project.root / "sign-offs.yml"
    before = ledger.read_text(encoding="utf-8")
    at = before.splitlines().index("  docs/index.md:")
    signed_off(project, "docs/index.md")
    removed, added = changed_lines(before, ledger.read_text(encoding="utf-8"))
    assert removed == before.splitlines()[at + 1 : at + 3]  # its fingerprint and date
    assert [line[:24] for line in added] == ["    fingerprint: sha256:", f"    revised: {TODAY}"]
    # An old ledger, with anchors: the page's entry is written out, the others stay.
    ledger.write_text(anchored(ledger.read_text(encoding="utf-8")), encoding="utf-8")
    before = ledger.read_text(encoding="utf-8")
    at = before.splitlines().index("  docs/index.md:")
    signed_off(project, "docs/index.md")  # a second sign-off, on the same day
    removed, added = changed_lines(before, ledger.read_text(encoding="utf-8"))
    assert removed == [before.splitlines()[at + 1], "    reviewed_by: *id001"], before
    assert added[1:] == ["    reviewed_by:", "    - content-team"]
    assert added[0].startswith("    fingerprint: sha256:")


def signed_off(project: Project, page: str, *args: str) -> None:
    path = project.root / page
    path.write_text(path.read_text(encoding="utf-8") + "\nOne more sentence.\n", "utf-8")
    signed = command(project, "sign-off", page, "--by", "content-team", *args)
    assert signed.returncode == 0, signed.stderr


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines a diff shows as removed, and those it shows as added, in file order."""
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [line[2:] for line in diff if line[:2] == "- "], [
        line[2:] for line in diff if line[:2] == "+ "
    ]
