"""Robustness cases of the editor's loop (issue 13), each with its exact message:
a broken mkdocs.yml while the preview runs, damaged caches (readability scores,
compiled templates) and caches that cannot be written.

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
from conftest import Project, make_project, site_files
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
        served.wait("the first build", served.page_shows("es/care/", "Última actualización"))
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
    preview.wait("the site again", preview.page_shows("es/care/", "Última actualización"))


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


def test_compiled_templates_are_kept_and_a_damaged_cache_is_compiled_again(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "project", "minimal")
    first = project.build()
    assert first.returncode == 0, first.explain()
    cache = project.root / ".cache" / "jinja"
    kept = sorted(cache.iterdir())
    assert len(kept) > 20 and all(path.name.startswith("__jinja2_") for path in kept)
    pages = site_files(first.site, "*.html")
    for path in kept:
        path.write_bytes(b"not bytecode")
    damaged = project.build()
    assert (damaged.returncode, damaged.warnings) == (0, []), damaged.explain()
    assert site_files(damaged.site, "*.html") == pages
    assert all(path.read_bytes() != b"not bytecode" for path in kept)  # compiled again


def test_a_changed_template_is_compiled_again(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    assert project.build().returncode == 0
    meta = project.root / "overrides" / "partials" / "page-meta.html"
    meta.write_text(meta.read_text("utf-8").replace("page-meta__revised", "page-meta__when"))
    changed = project.build()
    assert changed.returncode == 0, changed.explain()
    html = (changed.site / "care" / "index.html").read_text("utf-8")
    assert 'class="page-meta__when"' in html and "page-meta__revised" not in html


def test_a_cache_folder_that_cannot_be_made_only_costs_the_compiling(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    (project.root / ".cache").mkdir()
    (project.root / ".cache" / "jinja").write_text("a file where the folder goes", "utf-8")
    built = project.build()
    assert (built.returncode, built.warnings) == (0, []), built.explain()
    assert "Last Revised" in (built.site / "care" / "index.html").read_text("utf-8")
