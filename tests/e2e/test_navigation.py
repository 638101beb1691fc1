"""Each page's navigation holds the top-level items and its own section only
(`navigation.prune` without `navigation.sections`), so a page's weight does not grow
with the number of sections: other sections are one link each, to their first page.

Replicate: python bench/sitegen.py /tmp/site 6 && mkdocs build --strict -f
/tmp/site/mkdocs.yml, then open /tmp/site/site/es/section-02/topic-0001/index.html.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from oncopress.cli.benchsite import generate


def nav_links(site: Path, page: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup((site / page).read_text("utf-8"), "lxml")
    nav = soup.select_one("nav.md-nav--primary")
    assert nav is not None
    return [(str(a["href"]), a.get_text(" ", strip=True)) for a in nav.select("a.md-nav__link")]


def test_a_page_shows_its_own_section_and_one_link_per_other_section(tmp_path: Path) -> None:
    config = generate(tmp_path / "site", 6)
    site = config.parent / "site"
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert nav_links(site, "es/section-02/topic-0001/index.html") == [
        ("../../", "Inicio"),
        ("../../about/", "Acerca de"),
        ("../../section-01/topic-0000/", "Section 01"),
        ("./", "Tema 1 de la sección 2"),
        ("#lo-que-debe-saber-1", "Lo que debe saber 1"),
        ("#lo-que-debe-saber-2", "Lo que debe saber 2"),
        ("#lo-que-debe-saber-3", "Lo que debe saber 3"),
        ("#referencias", "Referencias"),
        ("../../section-03/topic-0002/", "Section 03"),
        ("../../section-04/topic-0003/", "Section 04"),
        ("../../section-05/topic-0004/", "Section 05"),
        ("../../section-06/topic-0005/", "Section 06"),
    ]
    assert nav_links(site, "index.html")[:3] == [
        (".", "Home"),
        ("about/", "About"),
        ("section-01/topic-0000/", "Section 01"),
    ]
