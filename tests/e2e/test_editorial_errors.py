"""Every editorial rule stops the build with one exact message and no traceback.

Replicate a case: copy tests/fixtures/minimal, make the edit named in the test, then
run ``mkdocs build --strict -f <copy>/mkdocs.yml`` (the failing command is printed).
"""

from __future__ import annotations

import pytest
from conftest import Build, Project

TODAY = {"SOURCE_DATE_EPOCH": "1795651200"}  # 2026-11-26
REVIEWER = "reviewed_by: [content-team]\n"
NO_REVIEWER = (
    "medical page has no 'reviewed_by' in front matter (name reviewer ids from reviewers.yml, "
    "or set 'medical: false')"
)


def edit(project: Project, relative: str, old: str, new: str) -> None:
    path = project.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{relative} no longer contains {old!r}: update the test"
    path.write_text(text.replace(old, new), encoding="utf-8")


def error_message(result: Build) -> str:
    """The build's one error: its ``ERROR`` line and the indented lines after it."""
    lines = result.log.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("ERROR ")]
    assert len(starts) == 1, result.explain()
    block = [lines[starts[0]].removeprefix("ERROR").lstrip(" -")]
    block += [line for line in lines[starts[0] + 1 :] if line.startswith("  ")]
    return "\n".join(block)


def assert_fails_with(result: Build, message: str) -> None:
    assert result.returncode != 0, result.explain()
    assert error_message(result) == message, result.explain()
    assert "Aborted with a BuildError!" in result.log, result.explain()
    assert "Traceback" not in result.log, result.explain()
    assert not (result.site / "care" / "index.html").exists(), "a page was rendered"


def one_problem(path: str, locale: str, message: str) -> str:
    return f"Editorial check failed: 1 problem in 1 page\n  Doc file '{path}' ({locale}): {message}"


@pytest.mark.parametrize(
    ("relative", "old", "new", "locale", "message"),
    [
        pytest.param("docs/care.md", REVIEWER, "", "en", NO_REVIEWER, id="no-reviewer"),
        pytest.param(
            "docs_es/care.md",
            REVIEWER,
            "reviewed_by: [content-team, dr-who]\n",
            "es",
            "unknown reviewer id 'dr-who' in 'reviewed_by' "
            "(ids in reviewers.yml: content-team, translation-team)",
            id="unknown-reviewer",
        ),
        pytest.param(
            "docs/care.md",
            "last_revised: 2023-08-28",
            "last_revised: 28/08/2023",
            "en",
            "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 "
            "(found '28/08/2023')",
            id="bad-date",
        ),
        pytest.param(
            "docs_es/care.md",
            "last_revised: 2023-08-28",
            "last_revised: 2023-02-30",
            "es",
            "'last_revised' is not a real date: 2023-02-30 (day is out of range for month)",
            id="impossible-date",
        ),
        pytest.param(
            "docs/care.md",
            "last_revised: 2023-08-28",
            "last_revised: 2026-11-27",
            "en",
            "'last_revised' is in the future: 2026-11-27 (today is 2026-11-26)",
            id="future-date",
        ),
        pytest.param(
            "docs_es/care.md",
            "[@emery2022management]",
            "[@emery2022management; @smith2020unknown]",
            "es",
            "cites unknown reference key 'smith2020unknown' (not in bibliography.bib)",
            id="unknown-citation-key",
        ),
        pytest.param(
            "docs/care.md",
            "title: Care after treatment",
            "title: Care: after treatment",
            "en",
            "front matter is not valid YAML (line 2, column 12: mapping values are not "
            "allowed here)",
            id="malformed-front-matter",
        ),
    ],
)
def test_a_content_problem_fails_the_build(
    project: Project, relative: str, old: str, new: str, locale: str, message: str
) -> None:
    edit(project, relative, old, new)
    assert_fails_with(project.build(env=TODAY), one_problem(relative, locale, message))


def test_every_problem_in_both_languages_is_reported_once(project: Project) -> None:
    for relative in ("docs/care.md", "docs_es/care.md"):
        edit(project, relative, REVIEWER, "")
        edit(project, relative, "2023-08-28\n", "yesterday\n")
    result = project.build(strict=False, env=TODAY)  # not only a --strict failure
    bad_date = (
        "'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 (found 'yesterday')"
    )
    bad_translation_of = bad_date.replace("'last_revised'", "'translation_of'")
    assert_fails_with(
        result,
        "Editorial check failed: 5 problems in 2 pages\n"
        f"  Doc file 'docs/care.md' (en): {bad_date}\n"
        f"  Doc file 'docs/care.md' (en): {NO_REVIEWER}\n"
        f"  Doc file 'docs_es/care.md' (es): {bad_date}\n"
        f"  Doc file 'docs_es/care.md' (es): {bad_translation_of}\n"
        f"  Doc file 'docs_es/care.md' (es): {NO_REVIEWER}",
    )
    assert result.log.count("Doc file 'docs_es/care.md' (es)") == 3, result.explain()
    assert result.log.count("Doc file 'docs/care.md' (en)") == 2, result.explain()


def test_a_broken_bibliography_names_the_file_and_line(project: Project) -> None:
    bib = (project.root / "bibliography.bib").read_text(encoding="utf-8")
    project.write("bibliography.bib", bib.replace("year    = {2022},", "year    = {2022,"))
    assert_fails_with(
        project.build(),
        "Bibliography check failed: 1 problem in 'bibliography.bib'\n"
        "  bibliography.bib, line 1: entry 'emery2022management' is missing a closing '}' "
        "(it runs on into entry 'gotze2019fear' at line 12)",
    )


def test_a_repeated_key_and_a_missing_journal_are_refused(project: Project) -> None:
    bib = (project.root / "bibliography.bib").read_text(encoding="utf-8")
    extra = "\n@article{emery2022management,\n  author = {Emery, Jon},\n  title = {T},\n  year = {2022},\n}\n"
    project.write("bibliography.bib", bib + extra)
    assert_fails_with(
        project.build(),
        "Bibliography check failed: 1 problem in 'bibliography.bib'\n"
        "  bibliography.bib, line 23: key 'emery2022management' is used twice (first at line 1)",
    )


def forget(project: Project, name: str) -> None:
    """Delete data file ``name`` (and stop watching it: MkDocs would refuse that first)."""
    (project.root / name).unlink()
    config = project.config()
    config["watch"] = [path for path in config.get("watch", []) if path != name]
    project.set_config(config)


def test_a_missing_bibliography_says_what_to_do(project: Project) -> None:
    forget(project, "bibliography.bib")
    assert_fails_with(
        project.build(),
        "Bibliography 'bibliography.bib' not found: create it next to mkdocs.yml or fix "
        "'bib_file' of the bibtex plugin in mkdocs.yml",
    )


def test_a_missing_reviewer_registry_says_what_to_do(project: Project) -> None:
    forget(project, "reviewers.yml")
    assert_fails_with(
        project.build(),
        "Reviewer registry 'reviewers.yml' not found next to mkdocs.yml: create it with each "
        "reviewer id's 'name' and 'credentials' in en, es, or set extra.editorial.reviewers "
        "in mkdocs.yml to its file name",
    )
