"""Citations rendered once per sequence (hooks/citation_cache.py) give the same site,
byte for byte, as every page's footnotes rendered by Markdown (SITE_CITATION_CACHE=0):
the real site, and a fixture with citations in a table, an admonition, a list, a
quote, a heading, code, raw HTML, and next to a footnote of the page's own.

Replicate: build the site twice, once with SITE_CITATION_CACHE=0, and diff -r them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import Build, Project, make_project, site_files

WITH_THE_PAGE = "rendered with the page (own footnotes, a key twice...)"
AGAIN = "rendered again with the page (a heading, code...)"


def _both_ways(project: Project, *args: str, strict: bool) -> tuple[Build, Build, Path, Path]:
    cached = project.build(*args, strict=strict)
    kept = project.root.parent / "cached-site"
    shutil.move(str(cached.site), str(kept))
    plain = project.build(*args, strict=strict, env={"SITE_CITATION_CACHE": "0"})
    return cached, plain, kept, plain.site


def _debug(build: Build, opening: str) -> list[str]:
    return [line for line in build.lines("DEBUG") if line.startswith(opening)]


def test_the_real_site_is_the_same_with_citations_rendered_once(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "real")
    cached, plain, cached_site, plain_site = _both_ways(project, strict=True)
    assert (cached.returncode, plain.returncode) == (0, 0), cached.explain() + plain.explain()
    assert site_files(cached_site) == site_files(plain_site)


def test_every_place_a_citation_can_be_gives_the_same_page(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "citations")
    cached, plain, cached_site, plain_site = _both_ways(project, strict=False)
    assert (
        cached.warnings
        == plain.warnings
        == [
            f"Doc file '{page}' contains a link '#fnref:gotze2019fear', but there is no such "
            "anchor on this page. This seems to be a footnote that is never referenced."
            for page in ("docs/code.md", "docs/raw.md", "docs_es/code.md", "docs_es/raw.md")
        ]
    )
    assert site_files(cached_site) == site_files(plain_site)
    verbose = project.build("-v", strict=False)  # (MkDocs checks no anchor at DEBUG level)
    assert sorted(_debug(verbose, "Citations of")) == [
        "Citations of 'care.md': rendered once per sequence",
        f"Citations of 'code.md': {AGAIN}",
        "Citations of 'es/care.md': rendered once per sequence",
        f"Citations of 'es/code.md': {AGAIN}",
        f"Citations of 'es/heading.md': {AGAIN}",
        f"Citations of 'es/notes.md': {WITH_THE_PAGE}",
        f"Citations of 'es/raw.md': {AGAIN}",
        f"Citations of 'es/twice.md': {WITH_THE_PAGE}",
        f"Citations of 'heading.md': {AGAIN}",
        f"Citations of 'notes.md': {WITH_THE_PAGE}",
        f"Citations of 'raw.md': {AGAIN}",
        f"Citations of 'twice.md': {WITH_THE_PAGE}",
    ]
    plain = project.build("-v", strict=False, env={"SITE_CITATION_CACHE": "0"})
    assert _debug(plain, "Citations of") == []


def test_footnotes_numbered_in_reading_order_are_left_to_markdown(tmp_path: Path) -> None:
    """With ``USE_DEFINITION_ORDER: false`` the extension numbers footnotes in the order
    it reaches them (nested blocks last), which the cache cannot follow: it stands aside."""
    project = make_project(tmp_path / "project", "citations")
    config = project.config()
    extensions = config["markdown_extensions"]
    extensions[extensions.index("footnotes")] = {"footnotes": {"USE_DEFINITION_ORDER": False}}
    project.set_config(config)
    cached, plain, cached_site, plain_site = _both_ways(project, strict=False)
    assert cached.warnings == plain.warnings
    assert site_files(cached_site) == site_files(plain_site)
    verbose = project.build("-v", strict=False)
    assert _debug(verbose, "Citations of") == []
