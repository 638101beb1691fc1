"""The citation extension (``oncopress.citations.markdown_ext``) gives every page that
cites the very HTML the current build gives it (the oncopress plugin's citation steps
over mkdocs-bibtex, ``oncopress.cli.step_citations``), in both languages: each site below is built once with the
current toolchain and a test-only hook (``citation_capture.py``) that keeps each page's
Markdown as MkDocs read it and its HTML as the build rendered it, before the plugin's
other steps add to it; then each citing page's Markdown is rendered by Python-Markdown alone, with
the extensions of mkdocs.yml, the citation extension and (where the site has a glossary)
the glossary extension, and compared, byte for byte.
Each captured HTML also stands, as it is, in the page the build published. And a build
that keeps today's citation cache (``sequence_cache``: each sequence of references
rendered once) over the extension's footnote Markdown renders the pages it caches the
same (``render_once_per_sequence``: the recipe for a MkDocs plugin).

The sites: the real one (docs/, docs_es/), the fixtures with citations (``citations``,
``minimal``) with pages added here for every form a citation takes (the forms the editorial
check refuses stop the build before any page renders), and a 50-page
``bench/sitegen.py`` site. Exact HTML for each form: tests/unit/test_citation_markdown_ext.py.

Replicate: ./tasks test tests/e2e/test_citation_extension.py (a failure shows the first
differing lines of each page).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import yaml
from conftest import ROOT, Project, make_project

from oncopress.citations.library import load_references
from oncopress.citations.markdown_ext import CitationExtension, cite
from oncopress.citations.references import FOOTNOTES_MARKER
from oncopress.citations.sequence_cache import (
    fill_citations,
    holds_token,
    plan_citations,
    skeleton_pieces,
)
from oncopress.cli.benchsite import generate

EXTENSION = "oncopress.citations.markdown_ext"
GLOSSARY = "oncopress.glossary.glossary_markdown"
CAPTURE_HOOK = Path(__file__).resolve().parent / "citation_capture.py"
PAGES = 50  # per language, in the generated site

MORE_ENTRIES = """
@article{rojas2021miedo,
  author  = {Rojas, Ana and Pérez-Gil, José},
  title   = {Miedo a la recurrencia en supervivientes de cáncer},
  journal = {Psicooncología},
  year    = {2021},
  volume  = {18},
  number  = {1},
  pages   = {45--60},
  langid  = {spanish},
}

@article{emery:2022.lancet,
  author  = {Emery, Jon},
  title   = {A key as Better BibTeX writes it},
  journal = {The Lancet},
  date    = {2022-03},
}
"""
EN_FRONT = """---
title: {title}
description: Fixture page with citations in every form.
last_revised: 2023-08-28
reviewed_by: [content-team]
---

"""
ES_FRONT = """---
title: {title}
description: Página de prueba con citas de todas las formas.
last_revised: 2023-08-28
translation_of: 2023-08-28
reviewed_by: [content-team]
translation_reviewed_by: [translation-team]
---

"""
FORMS = """# {title}

Several keys in one block [@gotze2019fear; @emery2022management; @rojas2021miedo].
A key as Better BibTeX writes it [@emery:2022.lancet], and an address in brackets
[help@survivorship.org; @gotze2019fear].

```text
A citation in a fenced block [@emery2022management]
```

\\bibliography

Text after the reference list [@rojas2021miedo].
"""
EVERYTHING = """# {title}

Every reference of the bibliography, none cited here.

\\full_bibliography
"""
AFFIXES = """# {title}

Text around a key [see @gotze2019fear, p. 3] and after it [@emery2022management, ch. 2],
around each of two [e.g. @gotze2019fear; also @rojas2021miedo, table 1], and a key in
another case [@Gotze2019Fear].
"""
REFUSED_AFFIXES = [
    "  Doc file 'docs/affixes.md' (en): citation [@emery2022management, ch. 2] has text besides the key; cite as [@emery2022management]",
    "  Doc file 'docs/affixes.md' (en): citation [e.g. @gotze2019fear; also @rojas2021miedo, table 1] has text besides the key; cite as [@gotze2019fear]",
    "  Doc file 'docs/affixes.md' (en): citation [e.g. @gotze2019fear; also @rojas2021miedo, table 1] has text besides the key; cite as [@rojas2021miedo]",
    "  Doc file 'docs/affixes.md' (en): citation [see @gotze2019fear, p. 3] has text besides the key; cite as [@gotze2019fear]",
    "  Doc file 'docs/affixes.md' (en): cites unknown reference key 'Gotze2019Fear' (not in bibliography.bib)",
    "  Doc file 'docs_es/affixes.md' (es): citation [@emery2022management, ch. 2] has text besides the key; cite as [@emery2022management]",
    "  Doc file 'docs_es/affixes.md' (es): citation [e.g. @gotze2019fear; also @rojas2021miedo, table 1] has text besides the key; cite as [@gotze2019fear]",
    "  Doc file 'docs_es/affixes.md' (es): citation [e.g. @gotze2019fear; also @rojas2021miedo, table 1] has text besides the key; cite as [@rojas2021miedo]",
    "  Doc file 'docs_es/affixes.md' (es): citation [see @gotze2019fear, p. 3] has text besides the key; cite as [@gotze2019fear]",
    "  Doc file 'docs_es/affixes.md' (es): cites unknown reference key 'Gotze2019Fear' (not in bibliography.bib)",
]
BOTH = """# {title}

One reference [@gotze2019fear].

\\full_bibliography
"""
NOTHING = """# {title}

No citation, but the command of the list.

\\bibliography
"""
ADDED = {
    "forms.md": ("Every form", "Todas las formas", FORMS),
    "everything.md": ("Every reference", "Todas las referencias", EVERYTHING),
    "both.md": ("Cited and listed", "Citadas y listadas", BOTH),
    "nothing.md": ("Nothing cited", "Nada citado", NOTHING),
}


@dataclass
class Captured:
    """One build's pages: each page's record (language, page, Markdown, HTML, the
    Markdown extensions and their settings) and the folder the site was written to."""

    records: list[dict[str, Any]]
    site: Path

    def citing(self) -> list[dict[str, Any]]:
        return [record for record in self.records if cites(record["markdown"])]


def capture(project: Project, *, strict: bool) -> Captured:
    """Build ``project`` with the capture hook."""
    config = project.config()
    config.setdefault("hooks", []).append(str(CAPTURE_HOOK))
    project.set_config(config)
    records = project.root / "capture.jsonl"
    built = project.build(strict=strict, env={"CITATION_CAPTURE": str(records)})
    assert built.returncode == 0, built.explain()
    lines = records.read_text(encoding="utf-8").splitlines()
    return Captured([json.loads(line) for line in lines], built.site)


def cites(text: str) -> bool:
    return any(mark in text for mark in ("[@", "\\bibliography", "\\full_bibliography"))


def converter(
    record: dict[str, Any], bibliography: Path | None, glossary: bool = False
) -> markdown.Markdown:
    """A Markdown with mkdocs.yml's extensions, then ours (unless ``bibliography`` is
    None), as MkDocs makes one for each page; with ``glossary``, the glossary extension
    too, with the page's language's file next to the bibliography, if there is one (as
    the oncopress plugin adds it to each language's pass)."""
    extensions, settings = list(record["extensions"]), dict(record["settings"])
    if bibliography is not None:
        extensions.append(EXTENSION)
        settings[EXTENSION] = {"bibliography": str(bibliography), "locale": record["language"]}
        terms = bibliography.parent / "glossary" / f"{record['language']}.yml"
        if glossary and terms.is_file():
            extensions.append(GLOSSARY)
            settings[GLOSSARY] = {"glossary": str(terms), "locale": record["language"]}
    return markdown.Markdown(extensions=extensions, extension_configs=settings)


def render(record: dict[str, Any], bibliography: Path | None, glossary: bool = False) -> str:
    """The page's Markdown through Python-Markdown (see ``converter``)."""
    return str(converter(record, bibliography, glossary).convert(record["markdown"]))


def render_once_per_sequence(record: dict[str, Any], bibliography: Path) -> str | None:
    """The page as a build would render it with the extension and a citation cache
    (``oncopress.citations.sequence_cache``, as hooks/citation_cache.py uses it): the
    page with tokens, its skeleton rendered apart, the pieces put in. None when the
    cache stands aside (a footnote of the page's own, a key cited twice, a citation in
    a heading or code...): the page is then rendered whole."""
    settings = CitationExtension(locale=record["language"]).settings()
    references = load_references([str(bibliography)], record["language"])
    footnoted = cite(record["markdown"], references, settings)
    plan = plan_citations(
        footnoted.markdown, footnoted.runs, footnoted.definitions, FOOTNOTES_MARKER
    )
    if plan is None:
        return None
    pieces = skeleton_pieces(
        converter(record, bibliography, glossary=True).convert(plan.skeleton), plan.runs
    )
    md = converter(record, bibliography, glossary=True)
    html = md.convert(plan.markdown)
    if pieces is None or any(holds_token(token["name"]) for token in _tokens(md.toc_tokens)):
        return None
    return fill_citations(html, pieces)


def _tokens(tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [found for token in tokens for found in (token, *_tokens(token["children"]))]


def differences(captured: Captured, bibliography: Path) -> list[str]:
    """For each citing page the extension renders otherwise than the build, its first
    differing lines; and each whose HTML is not in the page the build published."""
    found = []
    for record in captured.citing():
        name = f"{record['language']} {record['page']}"
        html = render(record, bibliography, glossary=True)
        if html != record["html"]:
            lines = html.splitlines()
            diff = difflib.unified_diff(record["html"].splitlines(), lines, "build", "ours", n=0)
            found.append(f"{name}:\n" + "\n".join(list(diff)[:12]))
        if record["html"] not in published(captured.site, record["page"]):
            found.append(f"{name}: the captured HTML is not in the published page")
    return found


def cached_differences(captured: Captured, bibliography: Path) -> tuple[list[str], int]:
    """Each citing page a citation cache over the extension's footnote Markdown renders
    otherwise than the build; and how many pages it rendered."""
    found, cached = [], 0
    for record in captured.citing():
        html = render_once_per_sequence(record, bibliography)
        cached += html is not None
        if html is not None and html != record["html"]:
            found.append(f"{record['language']} {record['page']}")
    return found, cached


def published(site: Path, page: str) -> str:
    """The HTML file the build wrote for ``page`` (``es/care.md``: ``es/care/index.html``)."""
    stem = page.removesuffix(".md")
    name = f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"
    return (site / name).read_text(encoding="utf-8")


def names(records: list[dict[str, Any]]) -> list[str]:
    return sorted(f"{record['language']} {record['page']}" for record in records)


def test_the_real_sites_citing_pages(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "real")
    captured = capture(project, strict=True)
    assert names(captured.citing()) == [
        "en survivorship/recurrence.md",
        "es es/survivorship/recurrence.md",
    ]
    assert differences(captured, project.root / "bibliography.bib") == []
    assert cached_differences(captured, project.root / "bibliography.bib") == ([], 2)
    others = [record for record in captured.records if not cites(record["markdown"])]
    assert len(others) == 8
    for record in others:  # a page that cites nothing: as Markdown renders it alone
        assert render(record, project.root / "bibliography.bib") == render(record, None)


def test_the_minimal_fixtures_citing_page_with_mkdocs_yml_s_extensions(tmp_path: Path) -> None:
    """The renderings use what MkDocs made of mkdocs.yml: its own three extensions, then
    mkdocs.yml's, as written."""
    project = make_project(tmp_path / "project", "minimal")
    captured = capture(project, strict=True)
    assert names(captured.citing()) == ["en care.md", "es es/care.md"]
    assert differences(captured, project.root / "bibliography.bib") == []
    assert cached_differences(captured, project.root / "bibliography.bib") == ([], 2)
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    written = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    mkdocs_own = ["toc", "tables", "fenced_code"]
    for record in captured.records:
        assert record["extensions"] == list(dict.fromkeys([*mkdocs_own, *written]))
        assert record["settings"] == {"toc": {"permalink": False}}


def citations_project(root: Path, added: dict[str, tuple[str, str, str]]) -> Project:
    """The ``citations`` fixture with two more references (one in Spanish, one with a
    Better BibTeX key) and the pages ``added`` in both languages."""
    project = make_project(root, "citations")
    bibliography = project.root / "bibliography.bib"
    text = bibliography.read_text(encoding="utf-8")
    bibliography.write_text(text + MORE_ENTRIES, encoding="utf-8")
    for page, (english, spanish, body) in added.items():
        project.write(f"docs/{page}", EN_FRONT.format(title=english) + body.format(title=english))
        project.write(
            f"docs_es/{page}", ES_FRONT.format(title=spanish) + body.format(title=spanish)
        )
    return project


def test_every_form_and_place_of_a_citation(tmp_path: Path) -> None:
    project = citations_project(tmp_path / "project", ADDED)
    captured = capture(project, strict=False)
    pages = ["both", "care", "code", "everything", "forms", "heading", "notes", "nothing"]
    pages += ["raw", "twice"]
    assert names(captured.citing()) == [
        *(f"en {page}.md" for page in pages),
        *(f"es es/{page}.md" for page in pages),
    ]
    assert differences(captured, project.root / "bibliography.bib") == []
    # the cache stands aside for all but care.md, as it does in the build
    assert cached_differences(captured, project.root / "bibliography.bib") == ([], 2)


def test_forms_the_editorial_check_refuses_never_reach_the_citations(tmp_path: Path) -> None:
    """Text around a key, and a key in another case than the bibliography's: the build's
    editorial check stops it before any page is rendered, so what the extension makes of
    them (it drops the text and takes the key whatever its case, as mkdocs-bibtex did:
    tests/unit/test_citation_markdown_ext.py) is never published."""
    affixes = {"affixes.md": ("Affixes", "Afijos", AFFIXES)}
    project = citations_project(tmp_path / "project", affixes)
    built = project.build(strict=False)
    assert built.returncode == 1
    assert [line for line in built.log.splitlines() if "affixes.md" in line] == REFUSED_AFFIXES


def test_a_generated_site_of_many_citing_pages(tmp_path: Path) -> None:
    generate(tmp_path / "generated", PAGES)
    captured = capture(Project(tmp_path / "generated", auto_sign=False), strict=True)
    assert len(captured.citing()) == 2 * PAGES
    bibliography = tmp_path / "generated" / "bibliography.bib"
    assert differences(captured, bibliography) == []
    assert cached_differences(captured, bibliography) == ([], 2 * PAGES)
