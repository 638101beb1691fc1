"""ProperDocs, the drop-in runner of the exit plan (guides/publishers.md: "The way
out"), builds the real site as MkDocs does: the same files, byte for byte, PDFs
included, except

- the generator tag of every HTML page (``<meta name="generator">`` names the runner);
- the gzip header of ``sitemap.xml.gz``, which holds the time of the build (MkDocs and
  ProperDocs write the same XML).

The MkDocs side is the session's ``real_site`` build. The ProperDocs build runs in a
copy of its own (its own PDF cache, so every PDF is rendered again), on the same day
as that build (``SOURCE_DATE_EPOCH``), so the editorial report's date is the same too.

Replicate: properdocs build --strict -d /tmp/pd; mkdocs build --strict -d /tmp/mk;
diff -r /tmp/mk /tmp/pd
"""

from __future__ import annotations

import calendar
import gzip
import json
import os
import subprocess
import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path

import pypdf
import pytest
from bs4 import BeautifulSoup
from conftest import Build, Project, make_project

PROPERDOCS = Path(sys.executable).with_name("properdocs")
MKDOCS_GENERATOR = f"mkdocs-{version('mkdocs')}, mkdocs-material-{version('mkdocs-material')}"
PROPERDOCS_GENERATOR = (
    f"mkdocs-ProperDocs {version('properdocs')}, mkdocs-material-{version('mkdocs-material')}"
)
GZIP_MTIME = slice(4, 8)  # RFC 1952: bytes 4-7 of the header are the modification time


def properdocs_build(project: Project, *args: str, env: dict[str, str] | None = None) -> Build:
    """Build ``project`` with ProperDocs, as ``Project.build`` does with MkDocs."""
    site = project.root / "site"
    command = [str(PROPERDOCS), "build", "--strict", "-f", str(project.root / "mkdocs.yml")]
    command += ["--site-dir", str(site), *args]
    environment = {**os.environ, "SITE_PDFS": "0", **(env or {})}
    result = subprocess.run(
        command, cwd=project.root, env=environment, capture_output=True, text=True, check=False
    )
    return Build(result.returncode, result.stdout + result.stderr, site, " ".join(command))


@pytest.fixture(scope="module")
def built(real_site: Build, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Build]:
    """The MkDocs site and the ProperDocs build of the same sources, on the same day."""
    report = json.loads(
        (real_site.site.parent / "reports" / "editorial-report.json").read_text(encoding="utf-8")
    )
    day = date.fromisoformat(report["generated"])
    project = make_project(tmp_path_factory.mktemp("properdocs") / "project", "real")
    epoch = str(calendar.timegm(day.timetuple()))
    result = properdocs_build(project, env={"SITE_PDFS": "1", "SOURCE_DATE_EPOCH": epoch})
    assert result.returncode == 0, result.explain()
    return real_site.site, result


def files(site: Path) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def generator(html: bytes) -> list[str]:
    page = BeautifulSoup(html, "lxml")
    return [str(meta.get("content")) for meta in page.find_all("meta", attrs={"name": "generator"})]


def test_properdocs_builds_the_site_strictly_without_a_warning(built: tuple[Path, Build]) -> None:
    _, result = built
    assert result.warnings == [], result.explain()
    assert result.lines("ERROR") == [], result.explain()


def test_both_write_the_same_files(built: tuple[Path, Build]) -> None:
    mkdocs, result = built
    assert files(result.site) == files(mkdocs)
    assert (
        sum(name.endswith(".pdf") for name in files(mkdocs)) == 10
    )  # 4 pages (not the PDF list) + booklet, x2


def test_html_differs_only_in_the_generator_tag(built: tuple[Path, Build]) -> None:
    mkdocs, result = built
    pages = [name for name in files(mkdocs) if name.endswith(".html")]
    assert len(pages) == 12  # 6 pages x2 (the editorial report is beside the site)
    for name in pages:
        theirs, ours = (mkdocs / name).read_bytes(), (result.site / name).read_bytes()
        assert generator(theirs) == [MKDOCS_GENERATOR], name
        assert generator(ours) == [PROPERDOCS_GENERATOR], name
        same = ours.replace(PROPERDOCS_GENERATOR.encode(), MKDOCS_GENERATOR.encode(), 1)
        assert same == theirs, f"{name} differs in more than the generator tag"


def test_the_editorial_reports_are_identical(built: tuple[Path, Build]) -> None:
    mkdocs, result = built
    for name in ("editorial-report.json", "editorial-report.html"):
        theirs = (mkdocs.parent / "reports" / name).read_bytes()
        assert (result.site.parent / "reports" / name).read_bytes() == theirs, name


def test_other_files_are_identical_but_the_sitemaps_gzip_time(built: tuple[Path, Build]) -> None:
    mkdocs, result = built
    others = [n for n in files(mkdocs) if not n.endswith((".html", ".pdf", "sitemap.xml.gz"))]
    assert {name: (result.site / name).read_bytes() for name in others} == {
        name: (mkdocs / name).read_bytes() for name in others
    }
    theirs, ours = (
        (mkdocs / "sitemap.xml.gz").read_bytes(),
        (result.site / "sitemap.xml.gz").read_bytes(),
    )
    assert gzip.decompress(ours) == gzip.decompress(theirs)
    assert ours[: GZIP_MTIME.start] + ours[GZIP_MTIME.stop :] == (
        theirs[: GZIP_MTIME.start] + theirs[GZIP_MTIME.stop :]
    )


def test_pdfs_have_the_same_text_metadata_and_bytes(built: tuple[Path, Build]) -> None:
    mkdocs, result = built
    for name in (n for n in files(mkdocs) if n.endswith(".pdf")):
        theirs, ours = pypdf.PdfReader(mkdocs / name), pypdf.PdfReader(result.site / name)
        assert dict(ours.metadata or {}) == dict(theirs.metadata or {}), name
        assert [p.extract_text() for p in ours.pages] == [p.extract_text() for p in theirs.pages]
        assert (result.site / name).read_bytes() == (mkdocs / name).read_bytes(), name


def test_strict_counts_the_hooks_warnings_under_properdocs_too(project: Project) -> None:
    """Our hooks log under ``mkdocs.hooks.*``; ProperDocs counts that logger for --strict."""
    project.write(
        "docs/care.md",
        (project.docs / "care.md").read_text(encoding="utf-8")
        + "\nSee [the leaflet](file:///C:/leaflets/care.pdf).\n",
    )
    with_mkdocs = project.build()
    with_properdocs = properdocs_build(project)
    assert (with_properdocs.returncode, with_mkdocs.returncode) == (1, 1)
    assert with_properdocs.warnings == with_mkdocs.warnings, with_properdocs.explain()
    assert len(with_mkdocs.warnings) == 1, with_mkdocs.explain()
