"""``./tasks check``: the build's editorial gates without MkDocs, as one command
(tools/check.py). Its whole output is asserted, line by line, and each line it gives for
a problem is the line the strict build logs for the same problem.

Replicate: copy tests/fixtures/minimal (or the real site), make the case's edit, then run
``SOURCE_DATE_EPOCH=1735689600 python tools/check.py -f <copy>/mkdocs.yml`` and, to
compare, ``SOURCE_DATE_EPOCH=1735689600 mkdocs build --strict -f <copy>/mkdocs.yml``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, ROOT, Build, Project, make_project, sign_everything
from test_robustness import english, error_blocks, links_page, spanish

DAY = {"SOURCE_DATE_EPOCH": "1735689600"}  # 2025-01-01: the fixtures' pages are not overdue
ABOUT = [
    "INFO    -  No About page 'about.md' in 'en': reviewers not linked",
    "INFO    -  No About page 'about.md' in 'es': reviewers not linked",
]
LOADS = (
    "(every reader's browser would tell that host which page they read: copy the file into "
    "docs/assets/ and load it from there, or make it a plain link)"
)


@dataclass
class Checked:
    """One run of ``./tasks check``."""

    returncode: int
    stdout: str
    stderr: str
    command: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()

    def explain(self) -> str:
        return f"replicate with: {self.command}\n--- stdout ---\n{self.stdout}\n{self.stderr}"


def check(project: Project, env: dict[str, str] | None = None, *args: str) -> Checked:
    command = [sys.executable, str(ROOT / "tools" / "check.py"), "-f", "mkdocs.yml", *args]
    environment = {**os.environ, **(DAY if env is None else env)}
    ran = subprocess.run(
        command, cwd=project.root, env=environment, capture_output=True, text=True, check=False
    )
    shown = " ".join(command).replace(sys.executable, "python")
    return Checked(ran.returncode, ran.stdout, ran.stderr, f"cd {project.root} && {shown}")


def build(project: Project) -> Build:
    return project.build(env=DAY)


def message(line: str) -> str:
    """A check line without its level (``WARNING -  ``)."""
    return line.split(" -  ", 1)[1]


# The sample site: it passes, and the check writes no site ---------------------------------


def last_sign_off(root: Path) -> str:
    """SOURCE_DATE_EPOCH of the day of the ledger's newest sign-off: a day on which no
    page of the sample is overdue or revised in the future."""
    pages = yaml.safe_load((root / "sign-offs.yml").read_text(encoding="utf-8"))["pages"]
    newest = max(entry["revised"] for entry in pages.values())
    return str(int(datetime.combine(newest, time(), UTC).timestamp()))


def test_the_sample_passes_and_nothing_is_written(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "real")
    english_pages = [p for p in project.docs.rglob("*.md") if "es" not in p.parts[:-1]]
    spanish_pages = list(project.docs_es.rglob("*.md"))
    before = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    ran = check(project, {"SOURCE_DATE_EPOCH": last_sign_off(project.root)})
    pages = len(english_pages) + len(spanish_pages)
    assert (ran.returncode, ran.lines, ran.stderr) == (
        0,
        [
            f"Check passed: {pages} pages ({len(english_pages)} en, {len(spanish_pages)} es), "
            "0 errors, 0 warnings, 0 notes"
        ],
        "",
    ), ran.explain()
    after = sorted(p.relative_to(project.root) for p in project.root.rglob("*"))
    cache = [Path(".cache"), Path(".cache/readability-check.json")]
    assert sorted(set(after) - set(before)) == cache, "the check writes its scores' cache only"


def test_the_check_runs_without_mkdocs(project: Project) -> None:
    """Nothing of MkDocs, Material or their plugins is imported."""
    code = (
        "import sys; from oncopress.cli.check import main; main(['-f', 'mkdocs.yml']); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'mkdocs', 'material', 'mkdocs_static_i18n', 'mkdocs_bibtex', 'jinja2'}))"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code],
        cwd=project.root,
        env={**os.environ, **DAY},
        capture_output=True,
        text=True,
        check=True,
    )
    assert ran.stdout.splitlines()[-1] == "[]", ran.stdout


# Warnings: the build completes and refuses to publish (strict) -----------------------------

WARNINGS = [
    "WARNING -  Doc file 'docs/unsigned.md' (en): has never been signed off; once its "
    "reviewers have approved this text, run: ./tasks sign-off docs/unsigned.md --by "
    "content-team",
    "WARNING -  Doc file 'docs_es/unsigned.md' (es): has never been signed off; once its "
    "reviewers have approved this text, run: ./tasks sign-off docs_es/unsigned.md --by "
    "content-team --translation-by translation-team",
    f"WARNING -  Doc file 'docs/image.md' (en): loads an image from another host: "
    f"https://cdn.other-host.net/chart.png {LOADS}",
    "WARNING -  Doc file 'docs/placeholder.md' (en): links to "
    "'https://donate.example.org/give', a placeholder address ('donate.example.org' is "
    "reserved for examples and reaches no real site); link to the real address or remove "
    "the link",
    "WARNING -  Doc file 'docs/surveillance.md' (en): is harder to read than the target: "
    "Flesch-Kincaid grade 32.2 (target <= 8, 50 words); use shorter sentences and everyday "
    "words",
    "WARNING -  Doc file 'docs_es/surveillance.md' (es): is harder to read than the target: "
    "Fernández-Huerta -3.1 (target >= 60, 67 words); use shorter sentences and everyday words",
]


@pytest.fixture(scope="module")
def warned(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """The minimal fixture with a page of each warning case; every page but the new
    medical one signed off."""
    project = make_project(tmp_path_factory.mktemp("warned") / "project")
    for folder in ("docs", "docs_es"):
        shutil.copy(
            FIXTURES / "hard-to-read" / folder / "surveillance.md",
            project.root / folder / "surveillance.md",
        )
    image = "![Chart](https://cdn.other-host.net/chart.png)"
    project.write("docs/image.md", links_page("image", "en", image))
    project.write("docs_es/image.md", links_page("image", "es", "Texto."))
    donate = "[Donate](https://donate.example.org/give)"
    project.write("docs/placeholder.md", links_page("placeholder", "en", donate))
    project.write("docs_es/placeholder.md", links_page("placeholder", "es", "Texto."))
    sign_everything(project.root)
    project.auto_sign = False
    project.write("docs/unsigned.md", english("unsigned"))
    project.write("docs_es/unsigned.md", spanish("unsigned"))
    return project


def test_each_warning_case_has_its_line_and_exit_status_1(warned: Project) -> None:
    ran = check(warned)
    assert (ran.returncode, ran.lines, ran.stderr) == (
        1,
        [
            *WARNINGS,
            *ABOUT,
            "Check failed: 12 pages (6 en, 6 es), 0 errors, 6 warnings, 2 notes; "
            "./tasks build would refuse to publish",
        ],
        "",
    ), ran.explain()


def test_the_warnings_are_the_lines_the_build_logs(warned: Project) -> None:
    built = build(warned)
    assert built.returncode == 1, built.explain()
    assert sorted(built.warnings) == sorted(message(line) for line in WARNINGS), built.explain()
    infos = built.lines("INFO")
    assert all(message(line) in infos for line in ABOUT), built.explain()


# Errors: the build stops at the first gate that fails; the check gives them all -----------

UNKNOWN_REVIEWER = (
    "ERROR   -  Doc file 'docs/cases/unknown.md' (en): unknown reviewer id 'dr-smith' in "
    "'reviewed_by' (ids in reviewers.yml: content-team, translation-team)"
)
SCRIPT = (
    "ERROR   -  Doc file 'docs/script.md' (en): line 10: has the element <script>, which "
    "pages may not contain (it would run in readers' browsers); remove it (a publisher can "
    "allow it: extra.html_policy.allow_elements in mkdocs.yml)"
)


@pytest.fixture(scope="module")
def refused(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("refused") / "project")
    reviewers = english("unknown").replace("[content-team]", "[content-team, dr-smith]")
    project.write("docs/cases/unknown.md", reviewers)
    project.write("docs_es/cases/unknown.md", spanish("unknown"))
    project.write("docs/script.md", links_page("script", "en", "<script>alert(1)</script>"))
    project.write("docs_es/script.md", links_page("script", "es", "Texto."))
    sign_everything(project.root)
    return project


def test_errors_of_every_gate_at_once_with_exit_status_1(refused: Project) -> None:
    ran = check(refused)
    assert (ran.returncode, ran.lines, ran.stderr) == (
        1,
        [
            UNKNOWN_REVIEWER,
            SCRIPT,
            *ABOUT,
            "Check failed: 8 pages (4 en, 4 es), 2 errors, 0 warnings, 2 notes; "
            "./tasks build would refuse to publish",
        ],
        "",
    ), ran.explain()


def test_each_error_is_the_line_of_the_block_the_build_stops_with(refused: Project) -> None:
    first = build(refused)  # stops at the editorial check, before any page is rendered
    assert error_blocks(first) == [
        f"Editorial check failed: 1 problem in 1 page\n  {message(UNKNOWN_REVIEWER)}"
    ], first.explain()
    (refused.root / "docs" / "cases" / "unknown.md").unlink()
    (refused.root / "docs_es" / "cases" / "unknown.md").unlink()
    second = build(refused)  # then at the HTML policy
    assert error_blocks(second) == [
        f"HTML policy check failed: 1 problem in 1 page\n  {message(SCRIPT)}"
    ], second.explain()
    ran = check(refused)
    assert [line for line in ran.lines if line.startswith("ERROR")] == [SCRIPT], ran.explain()
