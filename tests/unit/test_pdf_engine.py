"""The real engine (WeasyPrint) on a tiny document: what it loads, what it refuses."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pypdf
import pytest

from oncopress.pdf.engine import PDF_VARIANT, WeasyPrintEngine

FIXTURE_IMAGE = Path(__file__).parent.parent / "fixtures/pdf-site/docs/assets/checkers.png"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    site = tmp_path_factory.mktemp("site")
    (site / "assets").mkdir()
    shutil.copy(FIXTURE_IMAGE, site / "assets/checkers.png")
    secret = site.parent / "secret.png"
    shutil.copy(FIXTURE_IMAGE, secret)
    html = (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8"><title>Año de corazón</title>'
        '<meta name="author" content="Servicio"></head><body><h1>¿Qué pasa, niño?</h1>'
        '<img src="assets/checkers.png" alt="local"><img src="http://example.com/x.png" alt="web">'
        f'<img src="{secret.as_uri()}" alt="outside"><img src="../secret.png" alt="climb">'
        '<img src="file:///etc/passwd" alt="passwd"><h2>Sección</h2><p>Página</p></body></html>'
    )
    result = WeasyPrintEngine().render(html, "h1 { color: navy }", site)
    return result, secret


def test_refused_urls_are_reported_once_each(rendered) -> None:  # type: ignore[no-untyped-def]
    result, secret = rendered
    # ../secret.png resolves to the same file outside the site as the absolute URL
    assert result.refused == ("http://example.com/x.png", secret.as_uri(), "file:///etc/passwd")


def test_only_the_site_image_is_embedded(rendered) -> None:  # type: ignore[no-untyped-def]
    result, _ = rendered
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    assert len(reader.pages[0].images) == 1


def test_tagged_pdf_with_language_title_and_bookmarks(rendered) -> None:  # type: ignore[no-untyped-def]
    result, _ = rendered
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title == "Año de corazón"
    assert reader.metadata.author == "Servicio"
    outline = reader.outline
    assert outline[0].title == "¿Qué pasa, niño?"
    assert outline[1][0].title == "Sección"
    assert "¿Qué pasa, niño?" in reader.pages[0].extract_text()
    assert PDF_VARIANT == "pdf/ua-1"
