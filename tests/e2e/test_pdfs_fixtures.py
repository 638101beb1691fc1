"""PDFs of small fixture sites: refused images, the cache, and builds without PDFs.

Replicate a failure: copy the fixture with tests/conftest.py's make_project (or by
hand: the fixture's docs/ and docs_es/ next to hooks/, overrides/ and mkdocs.yml),
then run SITE_PDFS=1 mkdocs build --strict -f <project>/mkdocs.yml
"""

from __future__ import annotations

import re
from pathlib import Path

import pypdf
import pytest
from conftest import Build, Project, make_project
from site_pages import parse

from oncopress.i18n.labels import label


def pdf_line(build: Build) -> str:
    lines = [line for line in build.lines("INFO") if line.startswith("PDF:")]
    assert len(lines) == 1, build.explain()
    return re.sub(r"in \d+\.\d s$", "in N s", lines[0])


def rendered(build: Build) -> list[str]:
    return sorted(
        line.removeprefix("PDF rendered: ")
        for line in build.lines("DEBUG")
        if line.startswith("PDF rendered: ")
    )


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())


def refused(path: str, locale: str, url: str) -> str:
    return (
        f"Doc file '{path}' ({locale}): the PDF was made without '{url}': "
        "only data: URLs and files of the built site can go into a PDF"
    )


def third_party(path: str, locale: str) -> str:
    return (
        f"Doc file '{path}' ({locale}): loads an image from another host: "
        "https://upload.wikimedia.org/x.png (every reader's browser would tell that host which page "
        "they read: copy the file into docs/assets/ and load it from there, or make it a "
        "plain link)"
    )


def test_images_from_outside_the_site_are_left_out_with_a_warning(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "pdf-unsafe")
    # Not strict: a strict build now stops at the privacy gate's warning on the Spanish
    # page, before any PDF is made; the PDF fetcher is the second line of defence.
    build = project.build(strict=False, env={"SITE_PDFS": "1"})
    assert build.returncode == 0, build.explain()
    assert build.warnings == [
        # the page itself links to a file of one computer (hooks/safeguards.py)
        "Doc file 'docs/passwd.md' (en): links to 'file:///etc/passwd', a file on one computer "
        "that readers cannot open; copy the file into the site's sources and link to it with "
        "a relative path",
        # the page loads an image from another host (hooks/privacy_gate.py)
        third_party("docs/remote.md", "en"),
        third_party("docs_es/remote.md", "es"),
        refused("docs/passwd.md", "en", "file:///etc/passwd"),
        refused("docs/remote.md", "en", "https://upload.wikimedia.org/x.png"),
        refused("docs_es/remote.md", "es", "https://upload.wikimedia.org/x.png"),
    ], build.explain()
    for relative, words in [
        ("pdf/passwd.pdf", "Before the image. After the image."),
        ("pdf/remote.pdf", "Before the image. After the image."),
        ("es/pdf/remote.pdf", "Antes de la imagen. Después de la imagen."),
    ]:
        path = build.site / relative
        reader = pypdf.PdfReader(path)
        assert [image for page in reader.pages for image in page.images] == [], relative
        assert words in pdf_text(path)
        assert b"root:" not in path.read_bytes()
    booklet = pypdf.PdfReader(build.site / "pdf/booklet.pdf")
    assert [image for page in booklet.pages for image in page.images] == []


def check_fixture_pdfs(site: Path) -> None:
    """The fixture's PDFs: accents, dates, page numbers, the site's own image, the list."""
    care = pypdf.PdfReader(site / "es/pdf/care.pdf")
    assert len([image for page in care.pages for image in page.images]) == 1
    text = pdf_text(site / "es/pdf/care.pdf")
    assert "¿cuándo?, ¿dónde?, ¿quién? Año, niño, corazón." in text
    assert "Última actualización: 29 de febrero de 2024" in text
    assert "Página 1 de 1" in text
    english = pdf_text(site / "pdf/care.pdf")
    assert "Last Revised: February 29, 2024" in english
    assert "Page 1 of 1" in english
    soup = parse(site, "es/pdfs/index.html")
    assert [a.get_text() for a in soup.select(".site-pdf-list td a")] == [
        "Información sobre la supervivencia al cáncer: todas las páginas en un folleto",
        "Inicio de la prueba de PDF",
        "Cuidado después del tratamiento",
        "Cancer Survivorship Information: all pages in one booklet",
        "PDF fixture home",
        "Care after treatment",
    ]


@pytest.fixture
def pdf_project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project", "pdf-site")


def test_cache_reuses_everything_then_only_the_edited_page(pdf_project: Project) -> None:
    first = pdf_project.build("--verbose", env={"SITE_PDFS": "1"})
    assert first.returncode == 0, first.explain()
    assert first.warnings == [], first.explain()
    assert pdf_line(first) == "PDF: 6 rendered, 0 reused in N s"
    assert rendered(first) == [
        "es/pdf/booklet.pdf", "es/pdf/care.pdf", "es/pdf/index.pdf",
        "pdf/booklet.pdf", "pdf/care.pdf", "pdf/index.pdf",
    ]  # fmt: skip
    check_fixture_pdfs(first.site)

    second = pdf_project.build("--verbose", env={"SITE_PDFS": "1"})
    assert second.returncode == 0, second.explain()
    assert pdf_line(second) == "PDF: 0 rendered, 6 reused in N s"
    assert rendered(second) == []
    assert (second.site / "es/pdf/care.pdf").read_bytes() == (
        first.site / "es/pdf/care.pdf"
    ).read_bytes()

    page = pdf_project.docs_es / "care.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace("Año, niño", "Año, niña"), encoding="utf-8"
    )
    third = pdf_project.build("--verbose", env={"SITE_PDFS": "1"})
    assert third.returncode == 0, third.explain()
    assert pdf_line(third) == "PDF: 2 rendered, 4 reused in N s"
    assert rendered(third) == ["es/pdf/booklet.pdf", "es/pdf/care.pdf"]
    assert "Año, niña, corazón" in pdf_text(third.site / "es/pdf/care.pdf")
    assert "Año, niña, corazón" in pdf_text(third.site / "es/pdf/booklet.pdf")


def test_without_pdfs_the_pages_show_no_links_and_the_list_says_why(pdf_project: Project) -> None:
    build = pdf_project.build(env={"SITE_PDFS": "0"})
    assert build.returncode == 0, build.explain()
    assert build.warnings == []
    assert not any(line.startswith("PDF:") for line in build.lines("INFO"))
    assert list(build.site.rglob("*.pdf")) == []
    for prefix, locale in (("", "en"), ("es/", "es")):
        assert parse(build.site, f"{prefix}care/index.html").select(".site-pdf-links") == []
        notice = parse(build.site, f"{prefix}pdfs/index.html").select(".site-pdf-list--unavailable")
        assert [n.get_text() for n in notice] == [label("pdf_list_unavailable", locale)]
