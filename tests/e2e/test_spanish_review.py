"""Issue 23: no phrase of the Spanish review's "Must not remain" list (../shared/
spanish-review.md, section 4) is left in the Spanish sources, the site's own code and
templates, or the built Spanish pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, Build

MUST_NOT_REMAIN = (
    "Muchos médicos también la llaman recidiva",
    "está en los ganglios linfáticos o en el",
    "se redujo por lo menos a",
    "para asegurarse de que no empiece a",
    "la fecha de la última revisión de su texto",
    "tres años después de su última revisión",
    "Última revisión",
    "Traducción en revisión",
    'placeholder="Búsqueda"',
    "Teclee para comenzar",
    "Inicializando búsqueda",
    "No se encontraron documentos",
    "1 documento encontrado",
    "documentos encontrados",
    '"search.result.term.missing": "Falta"',
    'aria-label="Cabecera"',
)
SOURCES = ("docs_es", "hooks", "overrides", "mkdocs.yml")


def texts(paths: list[Path]) -> dict[str, str]:
    return {
        path.as_posix(): path.read_text(encoding="utf-8")
        for path in paths
        if path.is_file() and path.suffix in {".md", ".py", ".html", ".yml", ".js", ".css", ".json"}
    }


def found(files: dict[str, str]) -> list[tuple[str, str]]:
    return [
        (name, phrase)
        for name, text in files.items()
        for phrase in MUST_NOT_REMAIN
        if phrase in text
    ]


def test_the_sources_keep_none_of_the_phrases() -> None:
    paths = [
        p
        for name in SOURCES
        for p in ([ROOT / name] if name.endswith(".yml") else (ROOT / name).rglob("*"))
    ]
    assert found(texts(paths)) == []


@pytest.mark.parametrize("kind", ["html", "json"])
def test_the_built_spanish_pages_keep_none_of_the_phrases(real_site: Build, kind: str) -> None:
    built = texts(sorted((real_site.site / "es").rglob(f"*.{kind}")))
    assert built, "no Spanish pages were built"
    assert found(built) == []
