"""The robustness catalogue: mistakes editors really make, each with the exact message
the build gives and its exit status, never a traceback, and always the file's name
(and line, where there is one).

Four kinds of case, each kind checked in as few builds as it allows (a build takes
a second or two, and each case is still asserted on its own):

- page cases: every bad page of the catalogue is added to one copy of
  tests/fixtures/minimal, at ``docs/cases/<case>.md`` or ``docs_es/cases/<case>.md``
  (with a good counterpart in the other language). The editorial check reports
  every page's problems in one ERROR block (exit status 1); each case owns exactly
  its lines of it;
- warning cases: links and titles MkDocs and the hooks report as WARNING lines;
  --strict turns them into exit status 1. One build with all of them;
- setup cases: a broken bibliography, reviewer registry or source folder stops
  the build at once with one ERROR message (exit status 1). One build each, except
  the broken symbolic links, which are all listed by one build;
- inputs that must just work (byte order mark, Windows line endings, HTML in a
  title, a description or a reference, a 10,000-paragraph page): one build with
  all of them, exit status 0, no warning, and the parsed HTML checked.

Replicate a case: copy tests/fixtures/minimal, make the case's edit, then run
``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml``
(every failing assertion prints the command it ran).
"""

from __future__ import annotations

import json
import re
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Build, Project, make_project

TODAY = {"SOURCE_DATE_EPOCH": "1795651200"}  # 2026-11-26
PLUGIN_ERROR = "Aborted with a BuildError!"
CONFIG_ERROR = "Aborted with a configuration error!"
NO_REVIEWER = (
    "medical page has no 'reviewed_by' in front matter (name reviewer ids from reviewers.yml, "
    "or set 'medical: false')"
)
SITE_KEYS = (
    "title, description, last_revised, medical, reviewed_by, translation_of, "
    "translation_reviewed_by, translation_status, pdf, review_interval_months"
)
NO_DATE = (
    "has no 'last_revised' in front matter; add the date of the last revision, "
    "like last_revised: 2023-08-28"
)
LOCAL_FILE = (
    "a file on one computer that readers cannot open; copy the file into the site's sources "
    "and link to it with a relative path"
)


def english(name: str) -> str:
    """A good English medical page (front matter on lines 1-6)."""
    return (
        f"---\ntitle: Case {name}\ndescription: A case.\nlast_revised: 2023-08-28\n"
        f"reviewed_by: [content-team]\n---\n\n# Case {name}\n\n"
        "Cancer can come back after treatment [@emery2022management].\n"
    )


def spanish(name: str) -> str:
    """A good Spanish medical page (front matter on lines 1-8)."""
    return (
        f"---\ntitle: Caso {name}\ndescription: Un caso.\nlast_revised: 2023-08-28\n"
        "translation_of: 2023-08-28\nreviewed_by: [content-team]\n"
        f"translation_reviewed_by: [translation-team]\n---\n\n# Caso {name}\n\n"
        "El cáncer puede regresar después del tratamiento [@emery2022management].\n"
    )


def sub(old: str, new: str) -> Callable[[str], str]:
    """An edit of a good page: ``old`` (which must be there) becomes ``new``."""

    def edit(text: str) -> str:
        assert old in text, f"the good page no longer contains {old!r}: update the case"
        return text.replace(old, new, 1)

    return edit


def encoded(encoding: str) -> Callable[[str], bytes]:
    return lambda text: text.encode(encoding)


def run(project: Project, seconds: int = 120) -> Build:
    with deadline(seconds):
        return project.build(env=TODAY)


@contextmanager
def deadline(seconds: int) -> Iterator[None]:
    """Fail instead of hanging (a symbolic link loop can make MkDocs walk for ever)."""

    def expire(signum: int, frame: object) -> None:
        raise TimeoutError(f"the build did not finish in {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


LOG_LINE = ("DEBUG ", "INFO ", "WARNING ", "ERROR ", "Aborted with")


def error_blocks(result: Build) -> list[str]:
    """Each ERROR message with its continuation lines, prefix removed."""
    blocks: list[list[str]] = []
    inside = False
    for line in result.log.splitlines():
        if line.startswith("ERROR "):
            blocks.append([line.removeprefix("ERROR").lstrip(" -")])
            inside = True
        elif line.startswith(LOG_LINE) or not line.strip():
            inside = False
        elif inside:
            blocks[-1].append(line)
    return ["\n".join(block) for block in blocks]


def assert_failed_cleanly(result: Build, aborted: str) -> None:
    """Exit status 1, the abort line, no traceback."""
    assert result.returncode == 1, result.explain()
    assert aborted in result.log, result.explain()
    assert "Traceback" not in result.log, result.explain()


def assert_names(message: str, path: str, line: int | None) -> None:
    assert path in message, message
    if line is not None:
        assert re.search(rf"\blines? {line}\b", message), message


# Page cases: one build, each bad page owns its lines of the one ERROR block -------------


@dataclass(frozen=True)
class PageCase:
    """A bad page: the edit of a good page in ``locale``, and its problems."""

    locale: str
    edit: Callable[[str], str | bytes]
    problems: tuple[str, ...]
    line: int | None = None  # the line the first problem must name
    counterpart: bool = True  # False: the page has no page in the other language


PAGE_CASES: dict[str, PageCase] = {
    "yaml-unclosed-bracket": PageCase(
        "en",
        sub("reviewed_by: [content-team]", "reviewed_by: [content-team"),
        (
            "front matter is not valid YAML (line 5, column 14: expected ',' or ']', but got "
            "'<stream end>')",
        ),
        line=5,
    ),
    "yaml-colon-in-title": PageCase(
        "es",
        sub("title: Caso", "title: Caso: uno,"),
        (
            "front matter is not valid YAML (line 2, column 12: mapping values are not allowed "
            "here)",
        ),
        line=2,
    ),
    "yaml-unclosed-quote": PageCase(
        "en",
        sub("description: A case.", 'description: "A case.'),
        ("front matter is not valid YAML (line 3, column 14: found unexpected end of stream)",),
        line=3,
    ),
    "yaml-tab-indent": PageCase(
        "en",
        sub("reviewed_by: [content-team]", "reviewed_by:\n\t- content-team"),
        (
            "front matter is not valid YAML (line 6, column 1: found character '\\t' that "
            "cannot start any token: indent with spaces, not tabs)",
        ),
        line=6,
    ),
    "control-character-pasted-in": PageCase(
        "en",
        sub("description: A case.", "description: A\x0bcase."),
        (
            "front matter is not valid YAML (line 3: unacceptable character #x000b: special "
            "characters are not allowed)",
        ),
        line=3,
    ),
    "yaml-not-key-value": PageCase(
        "en",
        lambda text: "---\n- Care after treatment\n- 2023-08-28\n---\n\nText.\n",
        ("front matter must be 'key: value' lines (found a list)",),
    ),
    "front-matter-never-closed": PageCase(
        "es",
        sub("translation_reviewed_by: [translation-team]\n---\n", "translation_reviewed_by: []\n"),
        (
            "front matter opened by '---' on line 1 is never closed; end it with a line of "
            "three dashes (---)",
        ),
        line=1,
    ),
    "unknown-key-typo": PageCase(
        "en",
        sub("reviewed_by:", "reviewd_by:"),
        ("unknown front matter key 'reviewd_by' (line 5: did you mean 'reviewed_by'?)",),
        line=5,
    ),
    "unknown-key": PageCase(
        "es",
        sub("translation_of: 2023-08-28\n", "translation_of: 2023-08-28\ncolour: blue\n"),
        (f"unknown front matter key 'colour' (line 6); this site's keys: {SITE_KEYS}",),
        line=6,
    ),
    "key-written-twice": PageCase(
        "en",
        sub("reviewed_by:", "last_revised: 2025-01-10\nreviewed_by:"),
        ("front matter key 'last_revised' is written twice (lines 4 and 5); keep one",),
        line=4,
    ),
    "empty-page": PageCase(
        "en",
        lambda text: "",
        ("is empty; write the page's front matter and text, or delete it",),
    ),
    "only-front-matter": PageCase(
        "es",
        lambda text: text[: text.index("---\n", 4) + 4],
        ("has front matter but no text; write the page's text after the closing '---' line",),
    ),
    "unknown-reviewer": PageCase(
        "en",
        sub("[content-team]", "[content-team, dr-smith]"),
        (
            "unknown reviewer id 'dr-smith' in 'reviewed_by' "
            "(ids in reviewers.yml: content-team, translation-team)",
        ),
    ),
    "reviewers-not-a-list": PageCase(
        "en",
        sub("reviewed_by: [content-team]", "reviewed_by:\n  content-team: yes"),
        (
            "'reviewed_by' must be a list of reviewer ids, like [content-team] "
            "(found {'content-team': True})",
        ),
    ),
    "no-reviewer": PageCase("en", sub("reviewed_by: [content-team]\n", ""), (NO_REVIEWER,)),
    "medical-not-boolean": PageCase(
        "en",
        sub("reviewed_by:", "medical: nope\nreviewed_by:"),
        ("'medical' must be true or false (found 'nope')",),
    ),
    "review-interval-in-years": PageCase(
        "en",
        sub("reviewed_by:", "review_interval_months: 2 years\nreviewed_by:"),
        (
            "'review_interval_months' must be a whole number of months from 1 to 120, like "
            "review_interval_months: 6 (found '2 years')",
        ),
    ),
    "review-interval-zero": PageCase(
        "es",
        sub("reviewed_by:", "review_interval_months: 0\nreviewed_by:"),
        (
            "'review_interval_months' must be a whole number of months from 1 to 120, like "
            "review_interval_months: 6 (found 0)",
        ),
    ),
    "unknown-citation-key": PageCase(
        "en",
        sub("@emery2022management", "@emery2022"),
        ("cites unknown reference key 'emery2022' (not in bibliography.bib)",),
    ),
    "citation-without-key": PageCase(
        "es",
        sub("[@emery2022management]", "[@]"),
        ("citation [@] has no reference key right after '@'; cite as [@key]",),
    ),
    "citation-space-after-at": PageCase(
        "en",
        sub("[@emery2022management]", "[@ emery2022management]"),
        ("citation [@ emery2022management] has no reference key right after '@'; cite as [@key]",),
    ),
    "citation-with-page": PageCase(
        "en",
        sub("[@emery2022management]", "[@emery2022management, p. 1540]"),
        (
            "citation [@emery2022management, p. 1540] has text besides the key; "
            "cite as [@emery2022management]",
        ),
    ),
    "page-latin1": PageCase(
        "es",
        encoded("latin-1"),
        ("is not UTF-8 text (line 12: invalid continuation byte); save it as UTF-8",),
        line=12,
    ),
    "page-utf16": PageCase(
        "en",
        encoded("utf-16"),
        ("is not UTF-8 text (line 1: invalid start byte); save it as UTF-8",),
        line=1,
    ),
    "spanish-page-without-english": PageCase(
        "es",
        lambda text: text,
        (
            "has no English original 'docs/cases/spanish-page-without-english.md': a "
            "translation must have the same path as its original (move it, or add the "
            "original)",
        ),
        counterpart=False,
    ),
}

# Dates in every wrong shape (English pages): what is written -> what the build says.


def wrong_shape(found: str) -> str:
    return f"'last_revised' must be a date written YYYY-MM-DD, like 2023-08-28 (found {found})"


def not_real(written: str, reason: str) -> str:
    return f"'last_revised' is not a real date: {written} ({reason})"


DATE_SHAPES: dict[str, tuple[str | None, str]] = {
    "day-month-year": ("28/08/2023", wrong_shape("'28/08/2023'")),
    "month-in-words": ("August 28, 2023", wrong_shape("'August 28, 2023'")),
    "spanish-words": ("28 de agosto de 2023", wrong_shape("'28 de agosto de 2023'")),
    "no-dashes": ("20230828", wrong_shape("20230828")),
    "single-digit-month": ("2023-8-28", wrong_shape("'2023-8-28'")),
    "with-a-time": ("2023-08-28 10:00", wrong_shape("'2023-08-28 10:00'")),
    "iso-timestamp": ("2023-08-28T10:00:00Z", wrong_shape("'2023-08-28T10:00:00Z'")),
    "five-digit-year": ("10000-01-01", wrong_shape("'10000-01-01'")),
    "a-list": ("[2023, 8, 28]", wrong_shape("[2023, 8, 28]")),
    "february-29-common-year": (
        "2023-02-29",
        not_real("2023-02-29", "day is out of range for month"),
    ),
    "month-13": ("2023-13-01", not_real("2023-13-01", "month must be in 1..12")),
    "year-zero": ("0000-01-01", not_real("0000-01-01", "year 0 is out of range")),
    "year-typo": (
        "0023-08-28",
        "'last_revised' is before 1900: 0023-08-28; check the year (like 2023-08-28)",
    ),
    "tomorrow": ("2026-11-27", "'last_revised' is in the future: 2026-11-27 (today is 2026-11-26)"),
    "empty": ("", NO_DATE),
    "missing": (None, NO_DATE),
}
for _shape, (_written, _said) in DATE_SHAPES.items():
    _line = "" if _written is None else f"last_revised: {_written}\n"
    PAGE_CASES[f"date-{_shape}"] = PageCase(
        "en", sub("last_revised: 2023-08-28\n", _line), (_said,)
    )


def case_path(name: str, locale: str) -> str:
    return f"{'docs' if locale == 'en' else 'docs_es'}/cases/{name}.md"


@pytest.fixture(scope="module")
def pages_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("pages") / "project")
    for name, case in PAGE_CASES.items():
        for locale, good in (("en", english(name)), ("es", spanish(name))):
            path = project.root / case_path(name, locale)
            path.parent.mkdir(parents=True, exist_ok=True)
            if locale == case.locale:
                bad = case.edit(good)
                path.write_bytes(bad if isinstance(bad, bytes) else bad.encode("utf-8"))
            elif case.counterpart:
                path.write_text(good, encoding="utf-8")
    return run(project)


@pytest.mark.parametrize("name", list(PAGE_CASES))
def test_a_bad_page(pages_build: Build, name: str) -> None:
    case = PAGE_CASES[name]
    assert_failed_cleanly(pages_build, PLUGIN_ERROR)
    [block] = error_blocks(pages_build)
    path = case_path(name, case.locale)
    mine = [line for line in block.splitlines() if f"Doc file '{path}' " in line]
    assert mine == [f"  Doc file '{path}' ({case.locale}): {p}" for p in case.problems], (
        pages_build.explain()
    )
    assert_names(mine[0], path, case.line)


def test_the_bad_pages_give_one_message_with_nothing_else(pages_build: Build) -> None:
    """The whole ERROR block: a count, then every case's lines, by file, and no others."""
    problems = sorted(
        f"  Doc file '{case_path(name, case.locale)}' ({case.locale}): {problem}"
        for name, case in PAGE_CASES.items()
        for problem in case.problems
    )
    header = f"Editorial check failed: {len(problems)} problems in {len(PAGE_CASES)} pages"
    assert error_blocks(pages_build) == ["\n".join([header, *problems])], pages_build.explain()
    assert pages_build.warnings == [], pages_build.explain()


# Warning cases: one build, every WARNING line exact ---------------------------------------


@dataclass(frozen=True)
class WarningCase:
    """A page pair (``docs/links/<case>.md`` and its Spanish counterpart), one of
    them edited, and the WARNING line the build gives."""

    locale: str
    body: str  # the page's text after its heading
    warning: str
    names: str  # the file the warning names, as it names it
    title: str | None = None  # the edited page's title, if not its own


WARNING_CASES: dict[str, WarningCase] = {
    "link-to-missing-page": WarningCase(
        "en",
        "See [the diet page](diet.md).",
        "Doc file 'docs/links/link-to-missing-page.md' contains a link 'diet.md', but the "
        "target 'docs/links/diet.md' is not found among documentation files.",
        "docs/links/link-to-missing-page.md",
    ),
    "link-to-missing-anchor": WarningCase(
        "es",
        "Vea [los síntomas](../care.md#sintomas).",
        "Doc file 'docs_es/links/link-to-missing-anchor.md' contains a link "
        "'../care.md#sintomas', but the doc 'docs_es/care.md' does not contain an anchor '#sintomas'.",
        "docs_es/links/link-to-missing-anchor.md",
    ),
    "missing-image": WarningCase(
        "en",
        "![A nurse and a patient](images/nurse.jpg)",
        "Doc file 'docs/links/missing-image.md' contains a link 'images/nurse.jpg', but the "
        "target 'docs/links/images/nurse.jpg' is not found among documentation files.",
        "docs/links/missing-image.md",
    ),
    "image-up-out-of-the-site": WarningCase(
        "en",
        "![Scan](../../../etc/passwd)",
        "Doc file 'docs/links/image-up-out-of-the-site.md' contains an unrecognized relative link "
        "'../../../etc/passwd', it was left as is.",
        "docs/links/image-up-out-of-the-site.md",
    ),
    "image-absolute-path": WarningCase(
        "en",
        "![Scan](/etc/passwd)",
        "Doc file 'docs/links/image-absolute-path.md' contains an absolute link '/etc/passwd', it "
        "was left as is.",
        "docs/links/image-absolute-path.md",
    ),
    "image-file-url": WarningCase(
        "en",
        "![Scan](file:///etc/passwd)",
        f"Doc file 'docs/links/image-file-url.md' (en): links to 'file:///etc/passwd', "
        f"{LOCAL_FILE}",
        "docs/links/image-file-url.md",
    ),
    "image-windows-path": WarningCase(
        "es",
        "![Escaneo](C:\\Users\\ana\\Pictures\\scan.png)",
        "Doc file 'docs_es/links/image-windows-path.md' (es): links to "
        f"'C:\\Users\\ana\\Pictures\\scan.png', {LOCAL_FILE}",
        "docs_es/links/image-windows-path.md",
    ),
    "duplicate-titles": WarningCase(
        "es",
        "Texto.",
        "Doc file 'docs_es/links/duplicate-titles.md' (es): has the same title as "
        "'docs_es/care.md' ('Cuidado después del tratamiento'); give each page its own title",
        "docs_es/links/duplicate-titles.md",
        title="Cuidado después del tratamiento",  # docs_es/care.md's
    ),
}


def links_page(name: str, locale: str, body: str, title: str | None = None) -> str:
    heading = title or (f"Case {name}" if locale == "en" else f"Caso {name}")
    translated = "translation_of: 2023-08-28\n" if locale == "es" else ""
    return (
        f"---\ntitle: {heading}\ndescription: A case.\nlast_revised: 2023-08-28\n{translated}"
        f"medical: false\n---\n\n# {heading}\n\n{body}\n"
    )


@pytest.fixture(scope="module")
def warnings_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("warnings") / "project")
    for name, case in WARNING_CASES.items():
        for locale in ("en", "es"):
            folder = "docs" if locale == "en" else "docs_es"
            edited = locale == case.locale
            project.write(
                f"{folder}/links/{name}.md",
                links_page(
                    name,
                    locale,
                    case.body if edited else "Text.",
                    case.title if edited else None,
                ),
            )
    return run(project)


@pytest.mark.parametrize("name", list(WARNING_CASES))
def test_a_bad_link_or_title(warnings_build: Build, name: str) -> None:
    case = WARNING_CASES[name]
    assert_failed_cleanly(warnings_build, "warnings in strict mode!")
    assert warnings_build.warnings.count(case.warning) == 1, warnings_build.explain()
    assert_names(case.warning, case.names, None)


def test_the_bad_links_give_their_warnings_and_nothing_else(warnings_build: Build) -> None:
    expected = sorted(case.warning for case in WARNING_CASES.values())
    assert sorted(warnings_build.warnings) == expected, warnings_build.explain()
    assert error_blocks(warnings_build) == [], warnings_build.explain()


# Setup cases: a broken data file or source folder stops the build at once -----------------


@dataclass(frozen=True)
class SetupCase:
    """An edit of the project; the one ERROR message it gives (``{root}``: the
    project's folder)."""

    edit: Callable[[Project], None]
    error: str
    names: str
    line: int | None = None
    aborted: str = PLUGIN_ERROR


def replace(relative: str, old: str, new: str) -> Callable[[Project], None]:
    """Replace ``old`` (which must be there) in the file's bytes, keeping the rest."""

    def edit(project: Project) -> None:
        path = project.root / relative
        data, before = path.read_bytes(), old.encode("utf-8")
        assert before in data, f"{relative} no longer contains {old!r}: update the case"
        path.write_bytes(data.replace(before, new.encode("utf-8"), 1))

    return edit


def overwrite(relative: str, text: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        project.write(relative, text)

    return edit


def reencode(
    relative: str, encoding: str, old: str = "", new: str = ""
) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        path = project.root / relative
        path.write_bytes(path.read_text(encoding="utf-8").replace(old, new).encode(encoding))

    return edit


def delete(relative: str, watched: bool = True) -> Callable[[Project], None]:
    """Delete data file ``relative``; ``watched=False`` also takes it out of ``watch:``
    (MkDocs checks the paths there before any hook runs)."""

    def edit(project: Project) -> None:
        (project.root / relative).unlink()
        if not watched:
            config = project.config()
            config["watch"] = [path for path in config.get("watch", []) if path != relative]
            project.set_config(config)

    return edit


def bib_problem(line: int, message: str) -> str:
    return (
        "Bibliography check failed: 1 problem in 'bibliography.bib'\n"
        f"  bibliography.bib, line {line}: {message}"
    )


SETUP_CASES: dict[str, SetupCase] = {
    "registry-deleted": SetupCase(
        delete("reviewers.yml"),
        "Config value 'watch': The path '{root}/reviewers.yml' isn't an existing file or "
        "directory.",
        "reviewers.yml",
        aborted=CONFIG_ERROR,
    ),
    "registry-deleted-unwatched": SetupCase(
        delete("reviewers.yml", watched=False),
        "Reviewer registry 'reviewers.yml' not found next to mkdocs.yml: create it with each "
        "reviewer id's 'name' and 'credentials' in en, es, or set extra.editorial.reviewers "
        "in mkdocs.yml to its file name",
        "reviewers.yml",
    ),
    "registry-broken-yaml": SetupCase(
        replace(
            "reviewers.yml",
            "  credentials:\n    en: a stand-in",
            "  credentials\n    en: a stand-in",
        ),
        "Reviewer registry 'reviewers.yml' is not valid YAML (line 9, column 3: could not find "
        "expected ':')",
        "reviewers.yml",
        line=9,
    ),
    "registry-tab": SetupCase(
        replace(
            "reviewers.yml", "  name:\n    en: sample reviewer", "  name:\n\ten: sample reviewer"
        ),
        "Reviewer registry 'reviewers.yml' is not valid YAML (line 7, column 1: found character "
        "'\\t' that cannot start any token: indent with spaces, not tabs)",
        "reviewers.yml",
        line=7,
    ),
    "registry-a-list": SetupCase(
        overwrite("reviewers.yml", "- content-team\n- translation-team\n"),
        "Reviewer registry 'reviewers.yml' must map reviewer ids to their 'name' and "
        "'credentials' in en, es, like:\ncontent-team:\n  name:\n    en: ...\n  credentials:\n"
        "    en: ...",
        "reviewers.yml",
    ),
    "registry-missing-spanish": SetupCase(
        replace("reviewers.yml", "    es: revisor de traducción de ejemplo\n", ""),
        "Reviewer registry 'reviewers.yml' has 1 problem:\n"
        "  reviewer 'translation-team' has no 'name' in 'es'",
        "reviewers.yml",
    ),
    "registry-not-utf8": SetupCase(
        reencode("reviewers.yml", "latin-1"),
        "Reviewer registry 'reviewers.yml' is not UTF-8 text (line 17: invalid continuation "
        "byte); save it as UTF-8",
        "reviewers.yml",
        line=17,
    ),
    "bib-deleted-unwatched": SetupCase(
        delete("bibliography.bib", watched=False),
        "Bibliography 'bibliography.bib' not found: create it next to mkdocs.yml or fix "
        "'bib_file' of the bibtex plugin in mkdocs.yml",
        "bibliography.bib",
    ),
    "bib-entry-not-closed": SetupCase(
        replace("bibliography.bib", "00242-2},\n}\n", "00242-2},\n"),
        bib_problem(
            1,
            "entry 'emery2022management' is missing a closing '}' "
            "(it runs on into entry 'gotze2019fear' at line 11)",
        ),
        "bibliography.bib",
        line=1,
    ),
    "bib-field-not-closed": SetupCase(
        replace("bibliography.bib", "year    = {2019},", "year    = {2019,"),
        bib_problem(
            12, "entry 'gotze2019fear' is missing a closing '}' (it runs on to the end of the file)"
        ),
        "bibliography.bib",
        line=12,
    ),
    "bib-missing-comma": SetupCase(
        replace("bibliography.bib", "journal = {The Lancet},", "journal = {The Lancet}"),
        bib_problem(5, "syntax error: '}' expected (entry 'emery2022management' starts at line 1)"),
        "bibliography.bib",
        line=5,
    ),
    "bib-duplicate-key": SetupCase(
        replace("bibliography.bib", "@article{gotze2019fear,", "@article{emery2022management,"),
        bib_problem(12, "key 'emery2022management' is used twice (first at line 1)"),
        "bibliography.bib",
        line=12,
    ),
    "bib-not-utf8": SetupCase(
        reencode("bibliography.bib", "latin-1", 'G{\\"o}tze', "Götze"),
        "Bibliography 'bibliography.bib' is not UTF-8 text (line 13: invalid start byte); "
        "save it as UTF-8",
        "bibliography.bib",
        line=13,
    ),
}


@pytest.mark.parametrize("name", list(SETUP_CASES))
def test_a_broken_data_file(tmp_path: Path, name: str) -> None:
    case = SETUP_CASES[name]
    project = make_project(tmp_path / "project")
    case.edit(project)
    result = run(project)
    assert_failed_cleanly(result, case.aborted)
    expected = case.error.replace("{root}", str(project.root))
    assert error_blocks(result) == [expected], result.explain()
    assert result.warnings == [], result.explain()
    assert_names(expected, case.names, case.line)


# Broken symbolic links: one build lists them all, before MkDocs walks the folder ----------

SYMLINKS = {  # link -> (what it points to, the line of the message)
    "docs/loop.md": (
        "loop.md",
        "Symbolic link 'docs/loop.md' leads back to itself (a loop): remove the link",
    ),
    "docs_es/extra/up": (
        "..",
        "Symbolic link 'docs_es/extra/up' leads back to 'docs_es', a folder that contains it "
        "(a loop): remove the link",
    ),
    "docs/extra/down": (
        "../extra",
        "Symbolic link 'docs/extra/down' leads back to 'docs/extra', a folder that contains it "
        "(a loop): remove the link",
    ),
    "docs/old-care.md": (
        "care-v1.md",
        "Symbolic link 'docs/old-care.md' points to 'care-v1.md', which does not exist: "
        "remove the link or restore the file",
    ),
}


@pytest.fixture(scope="module")
def symlinks_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("symlinks") / "project")
    for link, (target, _) in SYMLINKS.items():
        path = project.root / link
        path.parent.mkdir(parents=True, exist_ok=True)
        path.symlink_to(target)
    return run(project, seconds=60)


@pytest.mark.parametrize("link", list(SYMLINKS))
def test_a_broken_symbolic_link(symlinks_build: Build, link: str) -> None:
    assert_failed_cleanly(symlinks_build, PLUGIN_ERROR)
    [block] = error_blocks(symlinks_build)
    assert block.splitlines()[0] == f"Source folder check failed: {len(SYMLINKS)} problems"
    message = SYMLINKS[link][1]
    assert block.splitlines().count(f"  {message}") == 1, symlinks_build.explain()
    assert_names(message, link, None)


# Inputs that must just work: one build, checked on the parsed HTML ----------------------

INJECTED = "<script>alert(1)</script>"
EVENT = 'Care" onmouseover="alert(1)'
PARAGRAPHS = 10_000


def prepend_bom(relative: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        path = project.root / relative
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())

    return edit


def windows_line_endings(relative: str) -> Callable[[Project], None]:
    def edit(project: Project) -> None:
        path = project.root / relative
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))

    return edit


def long_page(project: Project) -> None:
    text = "\n\n".join(f"Paragraph {n} says that rest helps." for n in range(PARAGRAPHS))
    project.write(
        "docs/long.md",
        f"---\ntitle: Long\nlast_revised: 2023-08-28\nmedical: false\n---\n\n# Long\n\n{text}\n",
    )
    project.write(
        "docs_es/long.md",
        "---\ntitle: Largo\nlast_revised: 2023-08-28\n"
        "translation_of: 2023-08-28\nmedical: false\n---\n\n# Largo\n\nTexto.\n",
    )


def parse(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "lxml")


def jsonld(page: BeautifulSoup) -> dict[str, object]:
    [script] = page.find_all("script", type="application/ld+json")
    return json.loads(script.get_text())  # type: ignore[no-any-return]


def stamp(page: BeautifulSoup) -> str:
    found = page.find("p", class_="page-meta__revised")
    assert isinstance(found, Tag)
    return found.get_text(" ", strip=True)


def first_reference(page: BeautifulSoup) -> str:
    found = page.select_one(".footnote li")
    assert found is not None
    return found.get_text(" ", strip=True)


def check_bom(site: Path) -> None:
    page = parse(site, "index.html")
    assert page.title is not None
    assert page.title.get_text() == "Home - Cancer Survivorship Information"
    assert stamp(page) == "Last Revised: August 28, 2023"


def check_windows_line_endings(site: Path) -> None:
    page = parse(site, "es/care/index.html")
    assert page.title is not None
    assert page.title.get_text().startswith("Cuidado después del tratamiento - ")
    assert stamp(page) == "Última actualización: 28 de agosto de 2023"


def check_data_files(site: Path) -> None:
    care = parse(site, "care/index.html")
    reviewed = care.select_one(".page-meta__reviewed")
    assert reviewed is not None
    assert "sample reviewer" in reviewed.get_text()
    assert first_reference(care).startswith("Emery J, Butow P, Lai-Kwon J")


def check_title(site: Path) -> None:
    title = f"Care {INJECTED} & after"
    page = parse(site, "care/index.html")
    assert page.title is not None
    assert page.title.get_text() == f"{title} - Cancer Survivorship Information"
    topic = page.select(".md-header__topic .md-ellipsis")[-1].get_text(strip=True)
    assert topic == title
    active = page.select_one("nav.md-nav--primary .md-nav__link--active")
    assert active is not None and active.get_text(" ", strip=True) == title
    assert jsonld(page)["name"] == title


def check_description(site: Path) -> None:
    page = parse(site, "es/index.html")
    [meta] = page.find_all("meta", attrs={"name": "description"})
    assert meta.attrs == {"name": "description", "content": EVENT}


def check_reference(site: Path) -> None:
    for relative in ("care/index.html", "es/care/index.html"):
        page = parse(site, relative)
        assert first_reference(page).startswith(
            "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. "
            f"{INJECTED} Management of common"
        )
        [cited] = jsonld(page)["citation"]  # type: ignore[misc]
        assert cited["name"].startswith(f"{INJECTED} Management")


def check_long_page(site: Path) -> None:
    page = parse(site, "long/index.html")
    said = [p for p in page.find_all("p") if p.get_text().startswith("Paragraph ")]
    assert len(said) == PARAGRAPHS


def check_no_script_anywhere(site: Path) -> None:
    """On every page: no script but the JSON-LD data carries the input, no event attribute."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 6
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for script in page.find_all("script"):
            if "alert(" in script.get_text():
                assert script.get("type") == "application/ld+json", (path, script)
        for tag in page.find_all(True):
            assert not [name for name in tag.attrs if name.startswith("on")], (path, tag)


MUST_WORK: dict[str, tuple[list[Callable[[Project], None]], Callable[[Path], None]]] = {
    "page-with-byte-order-mark": ([prepend_bom("docs/index.md")], check_bom),
    "page-with-windows-line-endings": (
        [windows_line_endings("docs_es/care.md"), prepend_bom("docs_es/care.md")],
        check_windows_line_endings,
    ),
    "data-files-with-bom-and-windows-line-endings": (
        [
            windows_line_endings("bibliography.bib"),
            prepend_bom("bibliography.bib"),
            windows_line_endings("reviewers.yml"),
            prepend_bom("reviewers.yml"),
        ],
        check_data_files,
    ),
    "script-and-ampersand-in-title": (
        [
            replace(
                "docs/care.md", "title: Care after treatment", f"title: 'Care {INJECTED} & after'"
            )
        ],
        check_title,
    ),
    "quotes-in-description": (
        [
            replace(
                "docs_es/index.md",
                "description: Página de inicio de prueba.",
                f"description: '{EVENT}'",
            )
        ],
        check_description,
    ),
    "script-in-bibtex-title": (
        [
            replace(
                "bibliography.bib",
                "title   = {Management",
                "title   = {" + INJECTED + " Management",
            )
        ],
        check_reference,
    ),
    "ten-thousand-paragraphs": ([long_page], check_long_page),
}


@pytest.fixture(scope="module")
def odd_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, float]:
    project = make_project(tmp_path_factory.mktemp("odd") / "project")
    for edits, _ in MUST_WORK.values():
        for edit in edits:
            edit(project)
    started = time.monotonic()
    result = run(project, seconds=90)
    return result, time.monotonic() - started


@pytest.mark.parametrize("name", list(MUST_WORK))
def test_an_odd_but_valid_input_just_works(odd_build: tuple[Build, float], name: str) -> None:
    result, seconds = odd_build
    assert result.returncode == 0, result.explain()
    assert result.warnings == [], result.explain()
    assert "Traceback" not in result.log and error_blocks(result) == [], result.explain()
    assert seconds < 60, f"the build took {seconds:.0f} s"
    MUST_WORK[name][1](result.site)


def test_no_input_puts_a_script_or_an_event_attribute_in_the_html(
    odd_build: tuple[Build, float],
) -> None:
    result, _ = odd_build
    assert result.returncode == 0, result.explain()
    check_no_script_anywhere(result.site)


def test_the_catalogue_has_every_kind_of_case() -> None:
    count = len(PAGE_CASES) + len(WARNING_CASES) + len(SETUP_CASES) + len(SYMLINKS)
    assert count + len(MUST_WORK) >= 25
