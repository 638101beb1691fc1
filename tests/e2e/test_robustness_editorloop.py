"""Robustness cases of the editor's loop (issue 13), each with its exact message:
a broken mkdocs.yml while the preview runs, and a damaged readability cache.

Replicate the first: ./tasks serve, write `name: materiall` under `theme:` in
mkdocs.yml, open http://127.0.0.1:8000/. The second: put `{` into
.cache/readability.json, then ./tasks build.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import Project, make_project
from served import PREVIEW, Server
from test_quality import HARD

THEME_TYPO = (
    "ERROR   -  Config value 'theme': Unrecognised theme name: 'materiall'. "
    "The available installed themes are: mkdocs, readthedocs, material"
)
HARD_TO_READ = [
    "Doc file 'docs/surveillance.md' (en): is harder to read than the target: "
    f"Flesch-Kincaid grade 32.2 (target <= 8, 50 words); {HARD}",
    "Doc file 'docs_es/surveillance.md' (es): is harder to read than the target: "
    f"Fernández-Huerta -3.1 (target >= 60, 67 words); {HARD}",
]


@pytest.fixture
def preview(project: Project) -> Iterator[Server]:
    served = Server(project.root, PREVIEW)
    try:
        served.wait("the first build", served.page_shows("es/care/", "Última revisión"))
        yield served
    finally:
        served.stop()


def listed(text: str) -> list[str]:
    pre = BeautifulSoup(text, "lxml").select_one("#preview-problems pre")
    return [] if pre is None else pre.get_text().split("\n")


def test_a_broken_mkdocs_yml_while_serving_shows_its_message(
    project: Project, preview: Server
) -> None:
    config = project.config()
    config["theme"]["name"] = "materiall"
    good = (project.root / "mkdocs.yml").read_text("utf-8")
    project.set_config(config)
    preview.wait("the problem page", lambda: listed(preview.fetch("es/")) == [THEME_TYPO])
    assert preview.get("care/")[0] == 503
    assert THEME_TYPO in preview.output
    assert not any("Traceback" in line for line in preview.output), "\n".join(preview.output)
    (project.root / "mkdocs.yml").write_text(good, "utf-8")
    preview.wait("the site again", preview.page_shows("es/care/", "Última revisión"))


def test_a_damaged_readability_cache_is_scored_again(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "hard-to-read")
    cache = project.root / ".cache" / "readability.json"
    cache.parent.mkdir()
    cache.write_text("{", "utf-8")
    cold = project.build()
    assert cold.warnings == HARD_TO_READ, cold.explain()
    saved = json.loads(cache.read_text("utf-8"))
    assert saved["format"] == 1 and len(saved["scores"]) == 4  # both languages' 2 pages
    warm = project.build()  # every score from the cache
    assert warm.warnings == HARD_TO_READ, warm.explain()
    reports = [
        (build.site.parent / "reports" / "editorial-report.json").read_text("utf-8")
        for build in (cold, warm)
    ]
    assert json.loads(reports[0])["pages"] == json.loads(reports[1])["pages"]
