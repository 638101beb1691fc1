import os
from pathlib import Path

import pytest

from oncopress.pages.sourcetree import (
    LANGUAGE_CODE,
    find_language_like_folders,
    link_problems,
    summarize_links,
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """docs/ and docs_es/, each with a page and a folder, as on the real site."""
    (tmp_path / "docs" / "care").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs_es" / "care").mkdir(parents=True)
    (tmp_path / "docs_es" / "index.md").write_text("# Inicio\n")
    return tmp_path


def problems(project: Path) -> list[str]:
    """Each language's folder walked, as the setup gates walk them."""
    return link_problems(project / "docs", project) + link_problems(project / "docs_es", project)


SPANISH = {"es": "docs_es"}


def test_a_link_inside_the_sources_is_fine(project: Path) -> None:
    (project / "docs" / "page.md").symlink_to("index.md")  # a link to a file is fine
    assert problems(project) == []


def test_a_link_to_itself(project: Path) -> None:
    (project / "docs" / "loop.md").symlink_to("loop.md")
    assert problems(project) == [
        "Symbolic link 'docs/loop.md' leads back to itself (a loop): remove the link"
    ]


def test_two_links_to_each_other(project: Path) -> None:
    (project / "docs" / "a.md").symlink_to("b.md")
    (project / "docs" / "b.md").symlink_to("a.md")
    assert problems(project) == [
        "Symbolic link 'docs/a.md' leads back to itself (a loop): remove the link",
        "Symbolic link 'docs/b.md' leads back to itself (a loop): remove the link",
    ]


def test_a_link_to_a_missing_file(project: Path) -> None:
    (project / "docs" / "care" / "old.md").symlink_to("../moved.md")
    assert problems(project) == [
        "Symbolic link 'docs/care/old.md' points to '../moved.md', which does not exist: "
        "remove the link or restore the file"
    ]


def test_folder_loops_in_both_languages_are_found_once_each(project: Path) -> None:
    (project / "docs" / "care" / "up").symlink_to("..")
    (project / "docs_es" / "care" / "back").symlink_to(project / "docs_es")
    assert problems(project) == [
        "Symbolic link 'docs/care/up' leads back to 'docs', a folder that contains it "
        "(a loop): remove the link",
        "Symbolic link 'docs_es/care/back' leads back to 'docs_es', a folder that contains it "
        "(a loop): remove the link",
    ]


def test_a_loop_through_a_folder_outside_docs(project: Path) -> None:
    (project / "shared").mkdir()
    (project / "docs" / "shared").symlink_to(Path("..") / "shared")
    (project / "shared" / "docs").symlink_to(Path("..") / "docs")
    assert problems(project) == [
        "Symbolic link 'shared/docs' leads back to 'docs', a folder that contains it "
        "(a loop): remove the link"
    ]


def test_hidden_files_are_skipped_as_mkdocs_skips_them(project: Path) -> None:
    (project / "docs" / ".git").mkdir()
    (project / "docs" / ".git" / "loop").symlink_to("loop")
    assert problems(project) == []


def test_many_loops_do_not_take_exponential_time(project: Path) -> None:
    for name in "abcdefgh":
        (project / "docs" / name).mkdir()
        (project / "docs" / name / "up").symlink_to("..")
    assert len(problems(project)) == 8


def test_summary() -> None:
    assert summarize_links(["A", "B"]) == "Source folder check failed: 2 problems\n  A\n  B"
    assert summarize_links(["A"]) == "Source folder check failed: 1 problem\n  A"


# Folders named like a language code ---------------------------------------------------


def folder_message(shown: str, name: str) -> str:
    return (
        f"Folder '{shown}' is named like a language code: mkdocs-static-i18n would take it "
        f"for the pages of language '{name}', and they would not be published at '{name}/'; "
        "rename the folder in docs/ and docs_es/ to a name that is not a language code "
        "(a whole word)"
    )


def test_the_pattern_is_the_i18n_plugins_own() -> None:
    from mkdocs_static_i18n.config import RE_LOCALE

    assert LANGUAGE_CODE.pattern == RE_LOCALE.pattern


@pytest.mark.parametrize("name", ["ct", "en", "pt-BR", "pt_BR", "sr-Latn", "zh-Hant-TW"])
def test_a_top_level_folder_named_like_a_language_code(project: Path, name: str) -> None:
    (project / "docs" / name).mkdir()
    assert find_language_like_folders(project / "docs", project, SPANISH) == [
        folder_message(f"docs/{name}", name)
    ]


@pytest.mark.parametrize(
    "name", ["care", "c", "ctx", "CT", "Ct", "ct-", "ct-br", "ct_Br", ".ct", "1a"]
)
def test_folders_the_plugin_does_not_take_for_a_language(project: Path, name: str) -> None:
    (project / "docs" / name).mkdir(exist_ok=True)
    assert find_language_like_folders(project / "docs", project, SPANISH) == []


def test_only_top_level_folders_and_no_files(project: Path) -> None:
    (project / "docs" / "care" / "ct").mkdir()  # docs/care/ct/ keeps its path: fine
    (project / "docs_es" / "ct").mkdir()  # es/ct/: a folder of the Spanish pages
    (project / "docs" / "ab").write_text("a file without extension")
    assert find_language_like_folders(project / "docs", project, SPANISH) == []


def test_a_folder_named_like_a_language_of_the_site(project: Path) -> None:
    """docs/es/ (an old symbolic link made real by a checkout, or a copy) beside docs_es/."""
    (project / "docs" / "es").mkdir()
    assert find_language_like_folders(project / "docs", project, SPANISH) == [
        "Folder 'docs/es' is named like the site's language 'es', whose pages are in "
        "'docs_es/': move any page of it there, then delete 'docs/es'"
    ]


def test_every_such_folder_is_named_in_order(project: Path) -> None:
    for name in ("ct", "ab", "rx"):
        (project / "docs" / name).mkdir()
    assert find_language_like_folders(project / "docs", project, SPANISH) == [
        folder_message("docs/ab", "ab"),
        folder_message("docs/ct", "ct"),
        folder_message("docs/rx", "rx"),
    ]


def test_no_docs_folder_is_left_to_mkdocs(tmp_path: Path) -> None:
    assert find_language_like_folders(tmp_path / "docs", tmp_path, SPANISH) == []


def test_links_out_of_the_project_are_refused_file_or_folder(project: Path) -> None:
    outside = project.parent / f"{project.name}-outside"
    (outside / "secrets").mkdir(parents=True)
    (outside / "passwd").write_text("root:x:0:0\n")
    (project / "docs" / "passwd.md").symlink_to(outside / "passwd")
    (project / "docs_es" / "care" / "secrets").symlink_to(outside / "secrets")
    (project / "docs" / "home.md").symlink_to("index.md")  # inside: fine
    real = os.path.realpath(outside)
    assert problems(project) == [
        f"Symbolic link 'docs/passwd.md' points to '{real}/passwd', outside the project "
        "folder: nothing outside it may be published; copy what it should show into the "
        "sources, or remove the link",
        f"Symbolic link 'docs_es/care/secrets' points to '{real}/secrets', outside the "
        "project folder: nothing outside it may be published; copy what it should show into "
        "the sources, or remove the link",
    ]


def test_a_link_through_another_link_out_of_the_project(project: Path) -> None:
    (project / "docs" / "env.txt").symlink_to("/proc/self/environ")
    (project / "docs" / "again.txt").symlink_to("env.txt")
    assert [p.split(" points to ")[0] for p in problems(project)] == [
        "Symbolic link 'docs/again.txt'",
        "Symbolic link 'docs/env.txt'",
    ]


@pytest.mark.parametrize(
    ("name", "folder", "message"),
    [
        (
            'q"><svg onload=alert(1)>.md',
            False,
            "File name 'docs/q\"><svg onload=alert(1)>.md' has characters a web address cannot "
            "carry safely ('\"', '>', '<', a space, '=', '(', ')'): rename it using only ASCII "
            "letters, digits, '-', '_' and '.' (like 'q-svg-onload-alert-1.md')",
        ),
        (
            "side effects?#2.md",
            False,
            "File name 'docs/side effects?#2.md' has characters a web address cannot carry "
            "safely (a space, '?', '#'): rename it using only ASCII letters, digits, '-', '_' "
            "and '.' (like 'side-effects-2.md')",
        ),
        (
            "después",
            True,
            "Folder name 'docs/después' has characters a web address cannot carry safely "
            "('é'): rename it using only ASCII letters, digits, '-', '_' and '.' "
            "(like 'despues')",
        ),
    ],
)
def test_names_outside_the_safe_set(project: Path, name: str, folder: bool, message: str) -> None:
    path = project / "docs" / name
    path.mkdir() if folder else path.write_text("# Page\n")
    assert problems(project) == [message]


def test_safe_names_and_hidden_names_pass(project: Path) -> None:
    for name in ("care_plan-2.v1.md", "A-Z_09.png", ".hidden file#.md"):
        (project / "docs" / name).write_text("x")
    assert problems(project) == []
