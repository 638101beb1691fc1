"""The robustness catalogue, ``./tasks check`` (tools/check.py): a project it cannot read
and a wrong command line, each with its exact output and exit status, never a traceback.
A problem in the project is an ERROR line and exit status 1, like a build; a wrong command
line is exit status 2.

Replicate a case: copy tests/fixtures/minimal, make the case's edit, then run
``SOURCE_DATE_EPOCH=1735689600 python tools/check.py -f <copy>/mkdocs.yml`` from the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import Project, make_project, sign_everything
from test_check_command import check
from test_robustness import links_page

STOPPED = "Check stopped before reading the pages: 1 error, 0 warnings, 0 notes"


def edit_config(old: str, new: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        path = project.root / "mkdocs.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text, f"mkdocs.yml has no {old!r}: update the case"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return edit


def not_utf8(project: Project) -> None:
    path = project.root / "mkdocs.yml"
    path.write_bytes(path.read_bytes() + "# Información\n".encode("latin-1"))


def conflicted(project: Project) -> None:
    path = project.root / "mkdocs.yml"
    path.write_text(
        "<<<<<<< HEAD\nsite_name: Ours\n=======\nsite_name: Theirs\n>>>>>>> main\n"
        + path.read_text(encoding="utf-8"),
        encoding="utf-8",
    )


def no_bibliography(project: Project) -> None:
    (project.root / "bibliography.bib").unlink()


STOPPING = {  # name -> (edit, the ERROR line)
    "mkdocs-yml-not-yaml": (
        edit_config("site_name: Cancer", "site_name: [Cancer"),
        "Config file 'mkdocs.yml' is not valid YAML (line 1, column 12: expected ',' or ']', "
        "but got ':')",
    ),
    "mkdocs-yml-not-utf8": (
        not_utf8,
        "Config file 'mkdocs.yml' is not UTF-8 text (line {last}: invalid continuation "
        "byte); save it as UTF-8",
    ),
    "mkdocs-yml-conflict-markers": (
        conflicted,
        "Config file 'mkdocs.yml' has merge-conflict markers (line 1: '<<<<<<< HEAD'): keep "
        "one side and remove the markers",
    ),
    "docs-dir-not-text": (
        edit_config("docs_dir: docs", "docs_dir: [docs]"),
        "mkdocs.yml: docs_dir must be text (found ['docs'])",
    ),
    "docs-dir-missing": (
        edit_config("docs_dir: docs", "docs_dir: pages"),
        "mkdocs.yml: docs_dir 'pages' is not a folder of the project",
    ),
    "extension-not-installed": (
        edit_config("- tables\n", "- tables\n- admonitions\n"),
        "mkdocs.yml: markdown_extensions: 'admonitions' cannot be loaded "
        "(ModuleNotFoundError: No module named 'admonitions')",
    ),
    "bibliography-missing": (
        no_bibliography,
        "Bibliography 'bibliography.bib' not found: create it next to mkdocs.yml or fix "
        "'bib_file' of the bibtex plugin in mkdocs.yml",
    ),
}


@pytest.mark.parametrize("name", list(STOPPING))
def test_a_project_the_check_cannot_read(tmp_path: Path, name: str) -> None:
    project = make_project(tmp_path / "project")
    sign_everything(project.root)
    edit, error = STOPPING[name]
    edit(project)
    last = (project.root / "mkdocs.yml").read_bytes().count(b"\n")
    ran = check(project)
    assert (ran.returncode, ran.lines, ran.stderr) == (
        1,
        [f"ERROR   -  {error.format(last=last)}", STOPPED],
        "",
    ), ran.explain()


def test_a_page_that_is_not_utf8(tmp_path: Path) -> None:
    """Named with its line, as the build names it; the other pages are still checked."""
    project = make_project(tmp_path / "project")
    sign_everything(project.root)
    (project.root / "docs_es" / "care.md").write_bytes(
        links_page("care", "es", "Información.").encode("latin-1")
    )
    ran = check(project)
    assert (ran.returncode, ran.lines, ran.stderr) == (
        1,
        [
            "ERROR   -  Doc file 'docs_es/care.md' (es): is not UTF-8 text (line 11: invalid "
            "continuation byte); save it as UTF-8",
            "INFO    -  No About page 'about.md' in 'en': reviewers not linked",
            "INFO    -  No About page 'about.md' in 'es': reviewers not linked",
            "Check failed: 4 pages (2 en, 2 es), 1 error, 0 warnings, 2 notes; ./tasks build "
            "would refuse to publish",
        ],
        "",
    ), ran.explain()


def test_a_wrong_command_line(project: Project) -> None:
    ran = check(project, None, "--strict")
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        2,
        "",
        "usage: ./tasks check [-h] [--config-file CONFIG_FILE]\n"
        "./tasks check: error: unrecognized arguments: --strict\n",
    )
    nowhere = project.root / "nowhere.yml"
    ran = check(project, None, "-f", str(nowhere))
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        2,
        "",
        f"check: cannot read {nowhere} (No such file or directory)\n",
    )


def test_an_entry_the_house_style_cannot_print_as_the_build_says_it(tmp_path: Path) -> None:
    """Issue 22: an entry no page cites is not a problem (the @book below lacks its
    publisher); a page citing one is refused, naming the entry, the field and the line."""
    project = make_project(tmp_path / "project")
    sign_everything(project.root)
    bibliography = project.root / "bibliography.bib"
    text = bibliography.read_text(encoding="utf-8").replace("  year    = {2022},\n", "")
    bibliography.write_text(
        text + "\n@book{uncited,\n  author = {Smith, Jean},\n  title = {T},\n  year = {2020},\n}\n",
        encoding="utf-8",
    )
    problem = (
        "cites reference key 'emery2022management', whose entry must be fixed first: "
        "bibliography.bib, line 1: @article entry 'emery2022management' has no 'year' (or "
        "biblatex 'date')"
    )
    ran = check(project)
    assert (ran.returncode, ran.lines, ran.stderr) == (
        1,
        [
            f"ERROR   -  Doc file 'docs/care.md' (en): {problem}",
            f"ERROR   -  Doc file 'docs_es/care.md' (es): {problem}",
            "INFO    -  No About page 'about.md' in 'en': reviewers not linked",
            "INFO    -  No About page 'about.md' in 'es': reviewers not linked",
            "Check failed: 4 pages (2 en, 2 es), 2 errors, 0 warnings, 2 notes; ./tasks build "
            "would refuse to publish",
        ],
        "",
    ), ran.explain()
