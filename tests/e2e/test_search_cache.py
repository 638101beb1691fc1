"""Search sections kept between builds (hooks/search_cache.py) give the same site,
byte for byte, as Material's search parsing every page (SITE_SEARCH_CACHE=0): on the
first build (nothing cached), the next (everything cached), and after an edit.

Replicate: build the site with SITE_SEARCH_CACHE=0, then twice without it, and
diff -r the three.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import Build, Project, make_project, site_files

EXCLUDED = """
## For the care team { data-search-exclude }

Staff read this part; the search leaves it out.
"""


def _keep(build: Build, name: str) -> Path:
    kept = build.site.parent.parent / name
    shutil.move(str(build.site), str(kept))
    return kept


def _cached_pages(project: Project) -> dict[str, list[list[str | None]]]:
    saved = json.loads((project.root / ".cache" / "search.json").read_text("utf-8"))
    assert saved["format"] == 1 and saved["version"].startswith("mkdocs-material-")
    sections: dict[str, list[list[str | None]]] = saved["sections"]
    return sections


def test_the_real_site_is_the_same_with_search_sections_cached(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "real")
    plain = project.build(env={"SITE_SEARCH_CACHE": "0"})
    assert plain.returncode == 0, plain.explain()
    assert not (project.root / ".cache" / "search.json").exists()
    plain_site = _keep(plain, "plain")
    cold = project.build()
    cold_site = _keep(cold, "cold")
    cache = project.root / ".cache" / "search.json"
    saved = cache.stat().st_mtime_ns
    warm = project.build()
    assert (cold.returncode, warm.returncode) == (0, 0), cold.explain() + warm.explain()
    assert site_files(cold_site) == site_files(plain_site)
    assert site_files(warm.site) == site_files(plain_site)
    assert cache.stat().st_mtime_ns == saved  # nothing new: not written again
    pages = {
        (index, entry["location"].split("#")[0])
        for index in ("search/search_index.json", "es/search/search_index.json")
        for entry in json.loads((warm.site / index).read_text("utf-8"))["docs"]
    }
    assert len(_cached_pages(project)) == len(pages) == 10


def test_an_edited_page_is_parsed_again_and_excluded_parts_stay_out(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    first = project.build(strict=False)
    assert first.returncode == 0, first.explain()
    assert len(_cached_pages(project)) == 4  # index and care, in each language
    care = project.root / "docs" / "care.md"
    care.write_text(care.read_text("utf-8") + EXCLUDED, "utf-8")
    index = project.root / "docs_es" / "index.md"
    text = index.read_text("utf-8")
    front, body = text.split("\n---\n", 1)
    index.write_text(f"{front}\nsearch:\n  exclude: true\n---\n{body}", "utf-8")
    edited = project.build(strict=False)
    edited_site = _keep(edited, "edited")
    plain = project.build(strict=False, env={"SITE_SEARCH_CACHE": "0"})
    assert site_files(edited_site) == site_files(plain.site)
    english = json.loads((plain.site / "search" / "search_index.json").read_text("utf-8"))
    spanish = json.loads((plain.site / "es" / "search" / "search_index.json").read_text("utf-8"))
    assert [entry["location"] for entry in english["docs"]] == ["", "care/", "care/#references"]
    assert [entry["location"] for entry in spanish["docs"]] == ["care/", "care/#referencias"]
    assert "Staff read" not in json.dumps(english)
    assert len(_cached_pages(project)) == 3  # the excluded page is not parsed
