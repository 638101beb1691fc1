"""The preview re-renders only the saved page when nothing else can have changed
(tools/incremental.py), and what it serves then is byte for byte what a full build
serves: the edited pages, their neighbours in the navigation and their counterparts.

The site is a small generated one (bench/sitegen.py: 4 pages per language in
sections, with prev/next neighbours). Edits to a page's text are re-rendered alone
("Rebuilt '...'" in the terminal); a new heading, a changed title or another
citation make a full build ("Building documentation...").

Replicate: python bench/sitegen.py /tmp/site 4, then python tools/serve.py -f
/tmp/site/mkdocs.yml, edit /tmp/site/docs_es/section-02/topic-0001.md and compare
the page with the one served after `touch /tmp/site/mkdocs.yml`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from served import PREVIEW, Server

sys.path.insert(0, str(ROOT / "bench"))
from sitegen import generate

EN = "docs/section-01/topic-0000.md"
ES = "docs_es/section-02/topic-0001.md"
PAGES = [  # the edited pages, their neighbours in the nav, their counterparts, home
    "section-01/topic-0000/",
    "es/section-01/topic-0000/",
    "section-02/topic-0001/",
    "es/section-02/topic-0001/",
    "es/section-01/topic-0000/",
    "es/section-03/topic-0002/",
    "section-03/topic-0002/",
    "",
    "es/",
]


def without_live_reload(html: str) -> str:
    """The page as written to disk: MkDocs' server adds its script before </body>."""
    start = html.rindex("<script>\nvar livereload")
    end = html.index("</script>", start) + len("</script>")
    return html[:start] + html[end:]


def without_warnings_panel(html: str) -> tuple[str, list[str]]:
    """The page without the preview's panel of the last full build's warnings (never
    written to disk), and the panel's lines. A single-page rebuild logs no new warning:
    the panel keeps the last full build's lines, whose quotes of a stale translation's
    changed English paragraphs may lag behind (README, "The preview")."""
    soup = BeautifulSoup(html, "lxml")
    panel = soup.select_one("aside#preview-problems")
    lines = panel.find("pre").get_text().split("\n") if panel else []
    if panel is not None:
        panel.decompose()
    return str(soup), lines


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Path, Server]]:
    config = generate(tmp_path / "site", 4)
    server = Server(config.parent, PREVIEW)
    try:
        server.wait("the first build", server.page_shows("es/", "Inicio"))
        yield config.parent, server
    finally:
        server.stop()


def edit(server: Server, root: Path, page: str, old: str, new: str) -> str:
    """Replace ``old`` by ``new`` in ``page`` and wait for the browsers' reload;
    returns the terminal line saying how it was rebuilt."""
    before = len(server.output)
    path = root / page
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")
    server.wait(
        "the reload", lambda: any("Reloading browsers" in line for line in server.output[before:])
    )
    return next(
        line.split("-  ", 1)[1]
        for line in server.output[before:]
        if "Rebuilt '" in line or "Building documentation..." in line
    )


def test_saved_pages_match_a_full_build(site: tuple[Path, Server]) -> None:
    root, server = site
    steps = [
        (ES, "Escriba sus preguntas", "Anote sus preguntas"),
        (EN, "Write your questions down", "Note your questions"),
        (ES, "Anote sus preguntas", "Apunte sus preguntas"),
        (EN, "- take notes", "- take short notes"),
    ]
    ways = [edit(server, root, *step).split(" in ")[0] for step in steps]
    # The first edit of a signed-off page makes it a draft (and its translation stale):
    # a full build says so on every page concerned; later edits keep those states.
    full = "Building documentation..."
    assert ways == [full, full, f"Rebuilt '{ES}'", f"Rebuilt '{EN}'"]
    served = {url: without_live_reload(server.fetch(url)) for url in PAGES}
    assert "Apunte sus preguntas" in served["es/section-02/topic-0001/"]
    assert "take short notes" in served["section-01/topic-0000/"]

    before = len(server.output)
    (root / "mkdocs.yml").touch()  # any other file changed: a full build
    server.wait(
        "the full build",
        lambda: any("Reloading browsers" in line for line in server.output[before:]),
    )
    assert any("Building documentation..." in line for line in server.output[before:])
    for url in PAGES:
        full, full_lines = without_warnings_panel(without_live_reload(server.fetch(url)))
        single, single_lines = without_warnings_panel(served[url])
        assert full == single, url
        assert [line.split(" (")[0] for line in full_lines] == [
            line.split(" (")[0] for line in single_lines
        ], url  # the same warnings about the same pages


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("## Lo que debe saber 3", "## Otra sección"),  # a heading other pages may link to
        ("title: Tema 1 de", "title: Tema uno de"),  # front matter: nav, counterpart
        ("; @gotze2019fear]", "]"),  # citations: footnotes, JSON-LD
    ],
)
def test_changes_other_pages_can_see_make_a_full_build(
    site: tuple[Path, Server], old: str, new: str
) -> None:
    root, server = site
    assert edit(server, root, ES, old, new) == "Building documentation..."
    # the next edit of the text alone is re-rendered alone again
    assert edit(server, root, ES, "- tomar notas", "- tomar apuntes").startswith(
        f"Rebuilt '{ES}' in "
    )


def test_full_rebuilds_the_whole_site_on_every_save(tmp_path: Path) -> None:
    config = generate(tmp_path / "site", 2)
    server = Server(config.parent, (*PREVIEW, "--full"))
    try:
        server.wait("the first build", server.page_shows("es/", "Inicio"))
        edit_es = "docs_es/section-02/topic-0001.md"
        assert edit(server, config.parent, edit_es, "- tomar notas", "- tomar apuntes") == (
            "Building documentation..."
        )
    finally:
        server.stop()
