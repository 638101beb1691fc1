"""The robustness catalogue, languages: each language's pages in a folder of its own with
no symbolic link in the repository, and a language added by configuration. Each case
with its exact message, in the build and in ``./tasks check``, never a traceback.

Replicate a case: copy tests/fixtures/minimal (``make_project``), make the case's edit,
then ``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml`` or
``python tools/check.py -f <copy>/mkdocs.yml`` (every failing assertion prints what it ran).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, Project, make_project, sign_everything
from test_check_command import check
from test_robustness import PLUGIN_ERROR, assert_failed_cleanly, error_blocks, run

STOPPED = "Check stopped before reading the pages: 1 error, 0 warnings, 0 notes"


def set_extra(project: Project, key: str, value: object) -> None:
    config = yaml.safe_load((project.root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["extra"][key] = value
    project.set_config(config)


def title(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    heading = soup.find("h1")
    assert heading is not None, path
    return heading.get_text(strip=True)


# No symbolic links: the Spanish pages from docs_es/ ---------------------------------------


def test_git_tracks_no_symbolic_link() -> None:
    """A Windows checkout turns a symbolic link into a text file (issue 21)."""
    listed = subprocess.run(
        ["git", "ls-files", "-s"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert [line for line in listed if line.startswith("120000 ")] == []


def test_the_spanish_pages_build_from_docs_es_without_a_link(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert not (project.root / "docs" / "es").exists()
    result = run(project)
    assert result.returncode == 0, result.explain()
    assert title(result.site / "es" / "care" / "index.html") == "Cuidado después del tratamiento"


MISSING = (
    "Source folder check failed: 1 problem\n"
    "  Folder 'docs_es' of the pages in language 'es' does not exist: create it and put the "
    "pages there, or name their folder in mkdocs.yml (extra.languages.es.docs)"
)


def test_a_missing_spanish_folder_stops_the_build_and_the_check(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    sign_everything(project.root)
    project.auto_sign = False
    shutil.rmtree(project.root / "docs_es")
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [MISSING], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.stdout, ran.stderr) == (
        1,
        f"ERROR   -  {MISSING}\n{STOPPED}\n",
        "",
    ), ran.explain()


LEFT_OVER = (
    "Source folder check failed: 1 problem\n"
    "  Folder 'docs/es' is named like the site's language 'es', whose pages are in "
    "'docs_es/': move any page of it there, then delete 'docs/es'"
)


def test_a_folder_docs_es_left_from_an_old_checkout(tmp_path: Path) -> None:
    """Before: the link's own check ("'docs/es' must be a symbolic link"); a real
    folder there would hold Spanish pages nobody edits."""
    project = make_project(tmp_path / "project")
    shutil.copytree(project.root / "docs_es", project.root / "docs" / "es")
    sign_everything(project.root)
    project.auto_sign = False
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [LEFT_OVER], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.stdout) == (1, f"ERROR   -  {LEFT_OVER}\n{STOPPED}\n"), (
        ran.explain()
    )


def test_the_spanish_folder_named_in_mkdocs_yml(tmp_path: Path) -> None:
    """extra.languages.es.docs: the pages, their messages and sign-offs use that folder."""
    project = make_project(tmp_path / "project")
    (project.root / "docs_es").rename(project.root / "spanish")
    set_extra(project, "languages", {"es": {"docs": "spanish"}})
    sign_everything(project.root)
    project.auto_sign = False
    assert "spanish/care.md:" in (project.root / "sign-offs.yml").read_text("utf-8")
    result = run(project)
    assert result.returncode == 0, result.explain()
    assert title(result.site / "es" / "care" / "index.html") == "Cuidado después del tratamiento"
    care = project.root / "spanish" / "care.md"
    care.write_text(care.read_text("utf-8").replace("reviewed_by", "reviewd_by"), "utf-8")
    ran = check(project)
    assert ran.returncode == 1, ran.explain()
    assert next(line for line in ran.lines if "care.md" in line).startswith(
        "ERROR   -  Doc file 'spanish/care.md' (es): "
    ), ran.explain()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {"es": {"docs": ["x"]}},
            "mkdocs.yml: extra.languages.es.docs must be a folder name, like docs_es (found ['x'])",
        ),
        (
            {"es": {"docs": "../elsewhere"}},
            "mkdocs.yml: extra.languages.es.docs must be a folder inside the project, like "
            "docs_es (found '../elsewhere')",
        ),
        (
            {"es": {"docs": "docs/es"}},
            "mkdocs.yml: extra.languages.es.docs must be a folder beside docs_dir, not inside "
            "it (found 'docs/es')",
        ),
        (
            {"fr": {"docs": "docs_fr"}},
            "mkdocs.yml: extra.languages.fr: the site has no language 'fr' (its languages, in "
            "the i18n plugin's 'languages': en, es)",
        ),
        (
            {"es": {"folder": "docs_es"}},
            "mkdocs.yml: extra.languages.es: unknown setting 'folder' (known: docs)",
        ),
        (
            ["es"],
            "mkdocs.yml: extra.languages must list languages as 'locale: settings' (found ['es'])",
        ),
    ],
)
def test_a_wrong_language_folder_setting(tmp_path: Path, value: object, message: str) -> None:
    project = make_project(tmp_path / "project")
    sign_everything(project.root)
    project.auto_sign = False
    set_extra(project, "languages", value)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
    ran = check(project)
    assert (ran.returncode, ran.lines) == (1, [f"ERROR   -  {message}", STOPPED]), ran.explain()
