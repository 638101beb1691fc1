"""Robustness catalogue, part 2: references as real tools export them (issue 12).

- inputs that must just work, in one strict build with all of them: a biblatex entry
  (Zotero's Better BibLaTeX), a Crossref export, Better BibTeX citation keys with ':',
  '.', '/' and '+'; each checked on the parsed HTML, in exact house style;
- a doubled backslash in a name: a WARNING with the file and line (strict fails);
- a biblatex date with no year in it, in an entry a page cites: stops the build, naming
  the pages, the entry, the file and the line;
- every kind of reference (book, chapter, conference paper, report, thesis, web page,
  misc) in one strict build, each in house style in both languages;
- an entry no page cites never stops a build, whatever it lacks: ./tasks status lists
  its problems; a page that cites an entry lacking a field its type needs is refused;
- a Better BibTeX key missing from the bibliography: reported whole, not cut at ':'.

Replicate a case: copy tests/fixtures/minimal, make the case's edit, then run
``SOURCE_DATE_EPOCH=1795651200 mkdocs build --strict -f <copy>/mkdocs.yml``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from conftest import Build, Project, make_project
from pybtex.database import parse_string
from test_ledger import command
from test_robustness import (
    PLUGIN_ERROR,
    assert_failed_cleanly,
    english,
    error_blocks,
    replace,
    run,
    spanish,
)

from oncopress.citations.bibfile import entry_lines
from oncopress.citations.references import format_reference, reference_html
from oncopress.citations.reflang import language_note, reference_language, with_language_note

EMERY = (
    "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, &amp; Jefford M. Management "
    "of common clinical problems experienced by survivors of cancer. The Lancet. "
    "2022;399(10334):1537-1550. "
)
GOTZE = (
    "Götze H, Taubenheim S, Dietz A, Lordick F, &amp; Mehnert-Theuerkauf A. Fear of cancer "
    "recurrence across the survivorship trajectory: Results from a survey of adult long-term "
    "cancer survivors. Psycho-Oncology. 2019;28(10):2033-2041. "
)
EMERY_DOI = (
    '<a href="https://doi.org/10.1016/S0140-6736(22)00242-2">'
    "doi.org/10.1016/S0140-6736(22)00242-2</a>"
)
EMERY_DOI_AS_GIVEN = (
    '<a href="https://doi.org/10.1016/s0140-6736(22)00242-2">'
    "doi.org/10.1016/s0140-6736(22)00242-2</a>"
)
GOTZE_DOI = '<a href="https://doi.org/10.1002/pon.5188">doi.org/10.1002/pon.5188</a>'

# As Crossref writes it (doi.org content negotiation): one line, upper-case field
# names, a lower-case DOI, an en dash in the pages, a month macro, ISSN and URL.
CROSSREF = Path(__file__).resolve().parents[1] / "fixtures" / "exports" / "crossref.bib"


def biblatex(project: Project) -> None:
    """gotze2019fear as Better BibLaTeX writes it: journaltitle and date."""
    replace("bibliography.bib", "journal = {Psycho-Oncology}", "journaltitle = {Psycho-Oncology}")(
        project
    )
    replace("bibliography.bib", "year    = {2019}", "date    = {2019-10}")(project)


def crossref(project: Project) -> None:
    path = project.root / "bibliography.bib"
    text = path.read_text(encoding="utf-8") + "\n" + CROSSREF.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")


def better_bibtex_keys(project: Project) -> None:
    """Copies of the two real entries under keys Better BibTeX makes."""
    path = project.root / "bibliography.bib"
    text = path.read_text(encoding="utf-8")
    copies = text.replace("@article{emery2022management,", "@article{emery:2022.lancet,")
    copies = copies.replace("@article{gotze2019fear,", "@article{gotze/2019+fear,")
    path.write_text(text + "\n" + copies, encoding="utf-8")


def citing_page(locale: str, citations: str) -> str:
    page = english("inputs") if locale == "en" else spanish("inputs")
    return page.replace("[@emery2022management]", citations)


CITATIONS = "[@gotze2019fear]. Crossref [@Emery_2022]. Keys [@emery:2022.lancet; @gotze/2019+fear]"
# footnote id -> (number, the reference's HTML without its backlink)
FOOTNOTES = {
    "gotze2019fear": (1, GOTZE + GOTZE_DOI),  # biblatex
    "Emery_2022": (2, EMERY + EMERY_DOI_AS_GIVEN),  # Crossref
    "emery:2022.lancet": (3, EMERY + EMERY_DOI),  # Better BibTeX keys
    "gotze/2019+fear": (4, GOTZE + GOTZE_DOI),
}


@pytest.fixture(scope="module")
def inputs_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("inputs") / "project")
    for edit in (biblatex, better_bibtex_keys, crossref):
        edit(project)
    project.write("docs/inputs.md", citing_page("en", CITATIONS))
    project.write("docs_es/inputs.md", citing_page("es", CITATIONS))
    return run(project)


def page(site: Path, relative: str) -> BeautifulSoup:
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "lxml")


def test_the_exported_references_build_strictly_without_a_warning(inputs_build: Build) -> None:
    assert inputs_build.returncode == 0, inputs_build.explain()
    assert inputs_build.warnings == [], inputs_build.explain()
    assert error_blocks(inputs_build) == [], inputs_build.explain()


@pytest.mark.parametrize("relative", ["inputs/index.html", "es/inputs/index.html"])
@pytest.mark.parametrize("key", list(FOOTNOTES))
def test_each_exported_reference_in_house_style(
    inputs_build: Build, relative: str, key: str
) -> None:
    number, expected = FOOTNOTES[key]
    html = page(inputs_build.site, relative)
    note = html.find("li", id=f"fn:{key}")
    assert isinstance(note, Tag), inputs_build.explain()
    paragraph = note.find("p")
    assert isinstance(paragraph, Tag)
    backlink = paragraph.find("a", class_="footnote-backref")
    assert isinstance(backlink, Tag) and backlink["href"] == f"#fnref:{key}"
    backlink.extract()
    if relative.startswith("es/"):  # English titles are marked on Spanish pages (issue 10)
        for journal in ("The Lancet", "Psycho-Oncology"):
            expected = expected.replace(f". {journal}.", f" (en inglés). {journal}.")
    assert paragraph.decode_contents().strip() == expected
    [mark] = html.select(f'a.footnote-ref[href="#fn:{key}"]')
    assert mark.get_text() == str(number)


def test_the_references_are_numbered_in_citation_order(inputs_build: Build) -> None:
    html = page(inputs_build.site, "inputs/index.html")
    notes = [li["id"] for li in html.select(".footnote li")]
    assert notes == [f"fn:{key}" for key in FOOTNOTES]


def test_a_doubled_backslash_is_a_warning_naming_the_file_and_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    replace("bibliography.bib", 'G{\\"o}tze', 'G{\\\\"o}tze')(project)
    result = run(project)
    assert_failed_cleanly(result, "Aborted with 1 warnings in strict mode!")
    assert result.warnings == [
        "bibliography.bib, line 13: entry 'gotze2019fear': 'author' has a doubled backslash "
        "in 'G{\\\\\"o}tze', published as 'G\\\\\"otze'; write one backslash: 'G{\\\"o}tze' "
        "('Götze')"
    ], result.explain()
    assert error_blocks(result) == [], result.explain()


CITED_ENTRY_PROBLEMS = {  # case -> (edit of bibliography.bib, the entry's problem)
    "biblatex-date-with-no-year": (
        ("year    = {2022}", "date    = {Oct 2022}"),
        "bibliography.bib, line 5: @article entry 'emery2022management': 'date' is not a date "
        "biblatex reads (found 'Oct 2022'); write it as YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    "missing-year": (
        ("  year    = {2022},\n", ""),
        "bibliography.bib, line 1: @article entry 'emery2022management' has no 'year' (or "
        "biblatex 'date')",
    ),
    "lone-backslash": (
        ("journal = {The Lancet}", "journal = {The Lancet\\}"),
        "bibliography.bib, line 4: @article entry 'emery2022management': 'journal' is not "
        "valid LaTeX (a lone '\\' that starts no command); check its backslashes and braces",
    ),
}


@pytest.mark.parametrize("case", list(CITED_ENTRY_PROBLEMS))
def test_an_entry_a_page_cites_stops_the_build_naming_the_pages_entry_and_line(
    tmp_path: Path, case: str
) -> None:
    """Was a "Bibliography check failed" for any entry, cited or not (issue 22): the
    same problem in an entry no page cites stops nothing (below)."""
    (old, new), problem = CITED_ENTRY_PROBLEMS[case]
    project = make_project(tmp_path / "project")
    replace("bibliography.bib", old, new)(project)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    cites = f"cites reference key 'emery2022management', whose entry must be fixed first: {problem}"
    assert error_blocks(result) == [
        "Editorial check failed: 2 problems in 2 pages\n"
        f"  Doc file 'docs/care.md' (en): {cites}\n"
        f"  Doc file 'docs_es/care.md' (es): {cites}"
    ], result.explain()


def refused_citing(project: Project, english: str, spanish: str) -> Build:
    """The build of ``project`` with a page citing ``english`` and its translation
    citing ``spanish``, refused by the editorial check."""
    project.write("docs/inputs.md", citing_page("en", english))
    project.write("docs_es/inputs.md", citing_page("es", spanish))
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    return result


def test_an_unknown_better_bibtex_key_is_named_whole(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    result = refused_citing(project, "[@emery:2022.lancet]", "[@emery2022management]")
    assert error_blocks(result) == [
        "Editorial check failed: 1 problem in 1 page\n"
        "  Doc file 'docs/inputs.md' (en): cites unknown reference key 'emery:2022.lancet' "
        "(not in bibliography.bib)"
    ], result.explain()


def test_the_biblatex_names_reach_the_structured_data(inputs_build: Build) -> None:
    html = page(inputs_build.site, "inputs/index.html")
    [script] = html.find_all("script", type="application/ld+json")
    cited = {
        item["identifier"]["value"]: item for item in json.loads(script.get_text())["citation"]
    }
    gotze = cited["10.1002/pon.5188"]
    assert (gotze["isPartOf"]["name"], gotze["datePublished"]) == ("Psycho-Oncology", "2019")
    assert cited["10.1016/s0140-6736(22)00242-2"]["url"] == (
        "https://doi.org/10.1016/s0140-6736(22)00242-2"
    )


# Every kind of reference (issue 22) -----------------------------------------------------

EVERY_TYPE = Path(__file__).resolve().parents[1] / "fixtures" / "exports" / "every-type.bib"
KINDS = [key for key, _ in entry_lines(EVERY_TYPE.read_text(encoding="utf-8"))]
NCI = "https://www.cancer.gov/about-cancer/coping/survivorship/follow-up-care"


def every_type(project: Project) -> None:
    path = project.root / "bibliography.bib"
    text = path.read_text(encoding="utf-8") + "\n" + EVERY_TYPE.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def types_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_project(tmp_path_factory.mktemp("types") / "project")
    every_type(project)
    cited = "[" + "; ".join(f"@{key}" for key in KINDS) + "]"
    project.write("docs/types.md", citing_page("en", cited))
    project.write("docs_es/types.md", citing_page("es", cited))
    return run(project)


def test_every_kind_builds_strictly_without_a_warning(types_build: Build) -> None:
    assert types_build.returncode == 0, types_build.explain()
    assert types_build.warnings == [], types_build.explain()


def footnote(build: Build, relative: str, key: str) -> str:
    """A footnote's HTML without its backlink."""
    note = page(build.site, relative).find("li", id=f"fn:{key}")
    assert isinstance(note, Tag), build.explain()
    paragraph = note.find("p")
    assert isinstance(paragraph, Tag)
    backlink = paragraph.find("a", class_="footnote-backref")
    assert isinstance(backlink, Tag)
    backlink.extract()
    return paragraph.decode_contents().strip()


@pytest.mark.parametrize(("relative", "locale"), [("types/index.html", "en"),
                                                  ("es/types/index.html", "es")])  # fmt: skip
@pytest.mark.parametrize("key", KINDS)
def test_each_kind_in_house_style_in_the_page_language(
    types_build: Build, relative: str, locale: str, key: str
) -> None:
    """The exact text of each kind is tests/unit/test_reference_types.py's; the build
    prints the same, in the page's language, through Markdown unchanged."""
    entry = parse_string(EVERY_TYPE.read_text(encoding="utf-8"), "bibtex").entries[key]
    note = language_note(reference_language(entry.fields), locale)
    expected = reference_html(with_language_note(format_reference(key, entry), note), locale)
    assert footnote(types_build, relative, key) == as_parsed(expected)


def as_parsed(fragment: str) -> str:
    """``fragment`` as an HTML parser writes it back (entities as their characters)."""
    body = BeautifulSoup(fragment, "lxml").body
    assert body is not None
    return body.decode_contents()


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        ("types/index.html", "National Cancer Institute. Follow-up care after cancer treatment. "
         f'2023 [accessed 3 December 2026]. <a href="{NCI}">{NCI}</a>'),
        ("es/types/index.html", "National Cancer Institute. Follow-up care after cancer "
         "treatment (en inglés). 2023 [consultado el 3 de diciembre de 2026]. "
         f'<a href="{NCI}">{NCI}</a>'),
    ],
)  # fmt: skip
def test_a_web_page_says_when_it_was_opened_in_the_page_language(
    types_build: Build, relative: str, expected: str
) -> None:
    assert footnote(types_build, relative, "nci2023followup") == expected


def test_each_kind_has_its_schema_org_type(types_build: Build) -> None:
    [script] = page(types_build.site, "es/types/index.html").find_all(
        "script", type="application/ld+json"
    )
    cited = json.loads(script.get_text())["citation"]
    assert [item["@type"] for item in cited] == [
        "Book", "Book", "Chapter", "ScholarlyArticle", "Report", "Thesis", "WebPage",
        "CreativeWork",
    ]  # fmt: skip


# Entries no page cites, and entries a page cites that lack a field ---------------------

UNCITED = """
@online{zotero:web,
  title   = {Follow-up care},
  url     = {https://www.cancer.gov/about-cancer/coping/survivorship/follow-up-care},
}

@book{zotero:book,
  author = {Smith, Jean},
  title  = {Life after cancer},
  year   = {2020},
}

@incollection{zotero:chapter,
  author    = {Smith, Jean},
  title     = {Fear},
  publisher = {Springer},
  year      = {2020},
}
"""


def uncited(project: Project) -> None:
    path = project.root / "bibliography.bib"
    path.write_text(path.read_text(encoding="utf-8") + UNCITED, encoding="utf-8")


def test_entries_no_page_cites_never_stop_a_build_and_status_lists_them(tmp_path: Path) -> None:
    """Issue 22: an @online, @book or @incollection entry no page cites stopped every
    build with "entry '...' has no 'journal'"."""
    project = make_project(tmp_path / "project")
    uncited(project)
    result = run(project)
    assert result.returncode == 0, result.explain()
    assert result.warnings == [] and error_blocks(result) == [], result.explain()
    status = command(project, "status", "--json")
    assert status.returncode == 0, status.stderr  # nothing blocks publishing
    later = " (no page cites '{key}' yet; a page that cites it is refused until it is fixed)"
    items = json.loads(status.stdout)["items"]
    assert [
        (item["path"], item["need"], item["blocking"], item["detail"])
        for item in items
        if item["need"] == "reference"
    ] == [
        ("bibliography.bib", "reference", False, detail + later.format(key=key))
        for key, detail in [
            ("zotero:web", "line 23: @online entry 'zotero:web' has no 'author' (or "
             "'organization')"),
            ("zotero:web", "line 23: @online entry 'zotero:web' has no 'year' (or biblatex "
             "'date')"),
            ("zotero:web", "line 23: @online entry 'zotero:web' has no 'urldate'"),
            ("zotero:book", "line 28: @book entry 'zotero:book' has no 'publisher'"),
            ("zotero:chapter", "line 34: @incollection entry 'zotero:chapter' has no "
             "'booktitle'"),
        ]
    ]  # fmt: skip
    text = command(project, "status")
    assert (
        "bibliography.bib  -     reference  no      line 28: @book entry 'zotero:book' has no"
        in text.stdout
    ), text.stdout


def test_a_page_citing_an_entry_that_lacks_a_field_its_type_needs_is_refused(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project")
    uncited(project)
    result = refused_citing(project, "[@zotero:book]", "[@zotero:chapter]")
    assert error_blocks(result) == [
        "Editorial check failed: 2 problems in 2 pages\n"
        "  Doc file 'docs/inputs.md' (en): cites reference key 'zotero:book', whose entry must "
        "be fixed first: bibliography.bib, line 28: @book entry 'zotero:book' has no "
        "'publisher'\n"
        "  Doc file 'docs_es/inputs.md' (es): cites reference key 'zotero:chapter', whose entry "
        "must be fixed first: bibliography.bib, line 34: @incollection entry 'zotero:chapter' "
        "has no 'booktitle'"
    ], result.explain()
