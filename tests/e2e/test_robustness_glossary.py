"""The robustness catalogue, glossary cases (``glossary/<locale>.yml``, issue 22 item 9):
a glossary file that cannot be used stops the build and ``./tasks check`` with one
exact message naming the file and line; a changed definition makes every page showing
it a page to sign off again, named in a strict build's warning.

Replicate a case: copy tests/fixtures/minimal, write glossary/en.yml and glossary/es.yml
as ``GOOD_EN``/``GOOD_ES`` below, make the case's edit, then run
``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml`` or
``python tools/check.py -f <copy>/mkdocs.yml`` (every failing assertion prints what it ran).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Project, make_project, sign_everything
from test_check_command import check, message
from test_robustness import PLUGIN_ERROR, assert_failed_cleanly, assert_names, error_blocks, run

GOOD_EN = """\
# The fixture's glossary.
treatment:
  term: treatment
  variants: [treatments]
  definition: The care that doctors give for an illness.
"""
GOOD_ES = """\
# El glosario de prueba.
treatment:
  term: tratamiento
  variants: [tratamientos]
  definition: La atención que dan los médicos para una enfermedad.
"""
COUNTERPARTS = {"en": GOOD_EN, "es": GOOD_ES}


def with_glossary(project: Project, en: str | None = GOOD_EN, es: str | None = GOOD_ES) -> None:
    folder = project.root / "glossary"
    folder.mkdir(exist_ok=True)
    for locale, text in (("en", en), ("es", es)):
        if text is not None:
            (folder / f"{locale}.yml").write_text(text, encoding="utf-8")


@dataclass(frozen=True)
class Case:
    en: str | None
    es: str | None
    error: str  # the one ERROR message of the build, and the check's line
    names: str  # the file it must name
    line: int | None


CASES = {
    "not-yaml": Case(
        GOOD_EN.replace("variants: [treatments]", "variants: [treatments"),
        GOOD_ES,
        "Glossary 'glossary/en.yml' is not valid YAML (line 4, column 13: expected ',' or ']', "
        "but got ':'); fix it",
        "glossary/en.yml",
        4,
    ),
    "no-definition": Case(
        GOOD_EN,
        GOOD_ES.replace("  definition: La atención que dan los médicos para una enfermedad.\n", ""),
        "Glossary 'glossary/es.yml' (line 2): 'treatment' has no 'definition': write a short "
        "plain-language definition",
        "glossary/es.yml",
        2,
    ),
    "same-word-twice": Case(
        GOOD_EN + "care:\n  term: Treatment\n  definition: What doctors do.\n",
        GOOD_ES + "care:\n  term: atención\n  definition: Lo que hacen los médicos.\n",
        "Glossary 'glossary/en.yml' (line 6): 'Treatment' of 'care' is also a term or variant "
        "of 'treatment' (line 2); define each word once",
        "glossary/en.yml",
        6,
    ),
    "same-id-twice": Case(
        GOOD_EN + "treatment:\n  term: therapy\n  definition: Care for an illness.\n",
        GOOD_ES,
        "Glossary 'glossary/en.yml' (line 6): 'treatment' is written twice (also line 2); "
        "keep one entry",
        "glossary/en.yml",
        6,
    ),
    "no-counterpart": Case(
        GOOD_EN + "scan:\n  term: scan\n  definition: A picture of the inside of the body.\n",
        GOOD_ES,
        "Glossary 'glossary/es.yml': 'scan' (glossary/en.yml, line 6) has no entry here; add "
        "it in this language, or remove it from every glossary",
        "glossary/es.yml",
        6,
    ),
    "no-spanish-file": Case(
        GOOD_EN,
        None,
        "Glossary 'glossary/es.yml' not found: every language needs its glossary, as "
        "glossary/en.yml has one; create it with the same term ids, or remove the others",
        "glossary/es.yml",
        None,
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_glossary_stops_the_build(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    project = make_project(tmp_path / "project")
    with_glossary(project, case.en, case.es)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [case.error], result.explain()
    assert_names(case.error, case.names, case.line)


@pytest.mark.parametrize("name", list(CASES))
def test_a_broken_glossary_fails_the_check(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    project = make_project(tmp_path / "project")
    with_glossary(project, case.en, case.es)
    ran = check(project)
    errors = [message(line) for line in ran.lines if line.startswith("ERROR")]
    assert (ran.returncode, errors) == (1, [case.error]), ran.explain()


# A changed definition: the pages showing it need a new sign-off ---------------------------


def signed_with_glossary(tmp_path: Path) -> Project:
    project = make_project(tmp_path / "project")
    with_glossary(project)
    sign_everything(project.root)
    project.auto_sign = False
    return project


def edit(relative: str, old: str, new: str) -> Callable[[Project], None]:
    def change(project: Project) -> None:
        path = project.root / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{relative} has no {old!r}: update the case"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def test_the_signed_glossary_builds_and_marks_its_terms(tmp_path: Path) -> None:
    result = signed_with_glossary(tmp_path).build(env={"SOURCE_DATE_EPOCH": "1795651200"})
    assert (result.returncode, result.warnings) == (0, []), result.explain()
    for page, word in (("care/index.html", "treatment"), ("es/care/index.html", "tratamiento")):
        soup = BeautifulSoup((result.site / page).read_text(encoding="utf-8"), "html.parser")
        terms = [button.get_text() for button in soup.select("article button.glossary__term")]
        assert terms == [word], result.explain()


def test_a_changed_definition_needs_the_pages_signed_off_again(tmp_path: Path) -> None:
    project = signed_with_glossary(tmp_path)
    edit("glossary/es.yml", "para una enfermedad", "para tratar una enfermedad")(project)
    result = project.build(env={"SOURCE_DATE_EPOCH": "1795651200"})
    assert result.returncode == 1, result.explain()
    assert result.warnings == [
        "Doc file 'docs_es/care.md' (es): changed since it was signed off on 2023-08-28 by "
        "content-team; once its reviewers have approved this text, run: ./tasks sign-off "
        "docs_es/care.md --by content-team --translation-by translation-team",
    ], result.explain()


def test_a_changed_english_definition_makes_the_translation_stale(tmp_path: Path) -> None:
    project = signed_with_glossary(tmp_path)
    edit("glossary/en.yml", "for an illness", "to treat an illness")(project)
    result = project.build(env={"SOURCE_DATE_EPOCH": "1795651200"})
    assert result.returncode == 1, result.explain()
    assert result.warnings == [
        "Doc file 'docs/care.md' (en): changed since it was signed off on 2023-08-28 by "
        "content-team; once its reviewers have approved this text, run: ./tasks sign-off "
        "docs/care.md --by content-team",
        "Doc file 'docs_es/care.md' (es): translation is out of date: the English page "
        "'docs/care.md' changed since the revision of 2023-08-28 it translates (1 paragraph "
        'added or changed: "glossary: treatment: The care that doctors give to treat an '
        'illness."; 1 paragraph of the translated revision gone); update the translation, '
        "then run: ./tasks sign-off docs_es/care.md --by content-team --translation-by "
        "translation-team",
    ], result.explain()
