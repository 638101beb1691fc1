from pathlib import Path

import pytest

from oncopress.citations.bibfile import (
    BibliographyError,
    BibProblem,
    check_bibliography,
    entry_lines,
    entry_problems,
    load_bibliography,
    located_problems,
)

ROOT = Path(__file__).resolve().parents[2]
GOOD = "@article{{{key},\n  author = {{Emery, Jon}},\n  title = {{T}},\n  journal = {{J}},\n  year = {{2020}},\n}}\n"


def test_the_real_bibliography_is_usable() -> None:
    data = load_bibliography((ROOT / "bibliography.bib").read_text("utf-8"), "bibliography.bib")
    assert list(data.entries) == ["emery2022management", "gotze2019fear"]


def test_entry_lines() -> None:
    text = "% refs\n@string{x = {y}}\n" + GOOD.format(key="a") + "\n@Article{ b ,\n}\n"
    assert entry_lines(text) == [("a", 3), ("b", 10)]


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            # pybtex only notices the unclosed brace of line 5 where the next entry starts
            GOOD.format(key="a").replace("{2020}", "{2020") + "\n" + GOOD.format(key="b"),
            [
                BibProblem(
                    1, "entry 'a' is missing a closing '}' (it runs on into entry 'b' at line 8)"
                )
            ],
        ),
        (
            GOOD.format(key="a").replace("{T},", "{T}"),
            [BibProblem(4, "syntax error: '}' expected (entry 'a' starts at line 1)")],
        ),
        (
            "@article{a,\n  title = {T},\n",
            [
                BibProblem(
                    1, "entry 'a' is missing a closing '}' (it runs on to the end of the file)"
                )
            ],
        ),
        (
            GOOD.format(key="a") + GOOD.format(key="b") + GOOD.format(key="a"),
            [BibProblem(13, "key 'a' is used twice (first at line 1)")],
        ),
        (
            GOOD.format(key="a").replace("Emery, Jon", "Emery, Jon, Jr, X"),
            [BibProblem(2, "Too many commas in 'Emery, Jon, Jr, X'")],
        ),
    ],
)
def test_every_problem_with_its_line(text: str, problems: list[BibProblem]) -> None:
    data, found = check_bibliography(text)
    assert found == problems
    assert data is None


def test_load_bibliography_names_the_file_and_every_line() -> None:
    text = "@article{a,\n  author = {Emery, Jon},\n  year = {2020},\n}\n" + GOOD.format(key="a")
    with pytest.raises(BibliographyError) as raised:
        load_bibliography(text, "bibliography.bib")
    assert str(raised.value) == (
        "Bibliography check failed: 1 problem in 'bibliography.bib'\n"
        "  bibliography.bib, line 5: key 'a' is used twice (first at line 1)"
    )


@pytest.mark.parametrize(
    ("text", "problems"),
    [
        (
            "@article{a,\n  author = {Emery, Jon},\n  year = {2020},\n}\n",
            {
                "a": (
                    BibProblem(1, "@article entry 'a' has no 'title'"),
                    BibProblem(
                        1, "@article entry 'a' has no 'journal' (or biblatex 'journaltitle')"
                    ),
                )
            },
        ),
        (
            GOOD.format(key="a")
            + "@Article{b,\n  title = {T},\n  journal = {J},\n  year = {},\n}\n",
            {
                "b": (
                    BibProblem(7, "@article entry 'b' has no 'author'"),
                    BibProblem(7, "@article entry 'b' has no 'year' (or biblatex 'date')"),
                )
            },
        ),
    ],
)
def test_an_entry_missing_a_field_is_its_own_problem_not_the_files(
    text: str, problems: dict[str, tuple[BibProblem, ...]]
) -> None:
    """Issue 22: one entry missing a field blocked every build, cited or not."""
    data, found = check_bibliography(text)
    assert found == []
    assert data is not None
    assert entry_problems(text) == problems


def test_located_problems_name_the_file_and_line_of_every_missing_field() -> None:
    text = "@article{a,\n  title = {T},\n}\n"
    assert list(load_bibliography(text, "refs/medical.bib").entries) == ["a"]
    assert located_problems([("refs/medical.bib", text)]) == {
        "a": (
            "refs/medical.bib, line 1: @article entry 'a' has no 'author'",
            "refs/medical.bib, line 1: @article entry 'a' has no 'journal' (or biblatex "
            "'journaltitle')",
            "refs/medical.bib, line 1: @article entry 'a' has no 'year' (or biblatex 'date')",
        )
    }


def test_a_later_file_replaces_an_entry_and_its_problems() -> None:
    """As mkdocs-bibtex merges the files of a bib_dir: the later file's entry wins."""
    broken = "@article{a,\n  title = {T},\n}\n"
    good = GOOD.format(key="a")
    assert located_problems([("one.bib", broken), ("two.bib", good)]) == {}
    assert list(located_problems([("one.bib", good), ("two.bib", broken)])) == ["a"]


def test_an_entry_never_closed_before_the_next_one() -> None:
    text = GOOD.format(key="a").removesuffix("}\n") + "\n" + GOOD.format(key="b")
    data, found = check_bibliography(text)
    assert data is None
    assert found == [
        BibProblem(1, "entry 'a' is missing a closing '}' (it runs on into entry 'b' at line 7)")
    ]


def test_load_bibliography_reads_bytes_with_a_bom_and_windows_line_endings() -> None:
    text = GOOD.format(key="a").replace("Emery", 'G{\\"o}tze')
    data = load_bibliography(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode(), "refs.bib")
    assert list(data.entries) == ["a"]


def test_a_bibliography_that_is_not_utf8_names_the_file_and_line() -> None:
    text = GOOD.format(key="a").replace("Emery, Jon", "Götze, Heide")
    with pytest.raises(BibliographyError) as raised:
        load_bibliography(text.encode("latin-1"), "bibliography.bib")
    assert str(raised.value) == (
        "Bibliography 'bibliography.bib' is not UTF-8 text (line 2: invalid start byte); "
        "save it as UTF-8"
    )


def test_a_field_latex_cannot_read_names_its_line() -> None:
    text = GOOD.format(key="a").replace("journal = {J}", "journal = {The Lancet\\}")
    assert check_bibliography(text)[1] == []
    assert entry_problems(text) == {
        "a": (
            BibProblem(
                4,
                "@article entry 'a': 'journal' is not valid LaTeX (a lone '\\' that starts no "
                "command); check its backslashes and braces",
            ),
        )
    }
