"""The preview re-renders only the saved page when nothing else can have changed
(tools/incremental.py), and what it serves then is byte for byte what a full build
serves: the edited pages, their neighbours in the navigation and their counterparts.

The site is a small generated one (bench/sitegen.py: 4 pages per language in
sections, with prev/next neighbours, every page signed off). Edits to a page's text are
re-rendered alone ("Rebuilt '...'" in the terminal), with the pages whose notices they
change: the first edit of a signed-off English page makes it a draft and its Spanish
translation stale ("Rebuilt 'docs/...' and 'docs_es/...'"), and so does undoing it. A
new heading, a changed title or another citation make a full build ("Building
documentation...").

Replicate: python bench/sitegen.py /tmp/site 4, then python tools/serve.py -f
/tmp/site/mkdocs.yml, edit /tmp/site/docs_es/section-02/topic-0001.md and compare
the page with the one served after `touch /tmp/site/mkdocs.yml`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from served import PREVIEW, Server

from oncopress.cli.benchsite import generate
from oncopress.cli.livepreview import replace_lines

EN = "docs/section-01/topic-0000.md"
EN_ES = "docs_es/section-01/topic-0000.md"  # its translation
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
    """The page without the preview's panel of the build's warnings (never written to
    disk), and the panel's lines."""
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
    # the pages that show it are re-rendered too; later edits keep those states.
    assert ways == [
        f"Rebuilt '{ES}'",
        f"Rebuilt '{EN}' and '{EN_ES}'",
        f"Rebuilt '{ES}'",
        f"Rebuilt '{EN}'",
    ]
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
        assert full_lines == single_lines, url


def full_build(server: Server, root: Path) -> None:
    """Touch mkdocs.yml (a file other than a page): the preview builds the whole site."""
    before = len(server.output)
    (root / "mkdocs.yml").touch()
    server.wait(
        "the full build",
        lambda: any("Reloading browsers" in line for line in server.output[before:]),
    )
    assert any("Building documentation..." in line for line in server.output[before:])


def pages_and_panel(server: Server) -> tuple[dict[str, str], list[str]]:
    """The edited English page and its translation as served, without the live-reload
    script and the warnings panel, and the panel's lines (the same on every page)."""
    pages, panels = {}, []
    for url in ("section-01/topic-0000/", "es/section-01/topic-0000/"):
        pages[url], lines = without_warnings_panel(without_live_reload(server.fetch(url)))
        panels.append(lines)
    assert panels[0] == panels[1]
    return pages, panels[0]


def notices(html: str) -> list[str]:
    """The titles of the notices above the article (Draft, out-of-date translation)."""
    soup = BeautifulSoup(html, "lxml")
    return [title.get_text() for title in soup.select(".page-notice .admonition-title")]


DRAFT = (
    f"WARNING -  Doc file '{EN}' (en): changed since it was signed off on 2025-03-14 by "
    f"content-team; once its reviewers have approved this text, run: ./tasks sign-off {EN} "
    "--by content-team"
)
# The list is written three times on the page: its first copy changed is "gone" from the
# translated revision, as any changed paragraph is (issue 22; it was not counted).
STALE = (
    f"WARNING -  Doc file '{EN_ES}' (es): translation is out of date: the English page "
    f"'{EN}' changed since the revision of 2025-03-14 it translates (1 paragraph added or "
    'changed: "{quote}"; 1 paragraph of the translated revision gone); update the '
    f"translation, then run: ./tasks sign-off {EN_ES} --by content-team --translation-by "
    "translation-team"
)


def test_the_first_save_of_a_signed_page_and_its_undoing_match_a_full_build(
    site: tuple[Path, Server],
) -> None:
    root, server = site
    signed, panel = pages_and_panel(server)
    assert panel == []
    assert [notices(html) for html in signed.values()] == [[], []]
    original = (root / EN).read_text("utf-8")

    # The first save of the signed-off page: a draft, its translation out of date.
    first = edit(server, root, EN, "- take notes", "- take short notes")
    assert first.split(" in ")[0] == f"Rebuilt '{EN}' and '{EN_ES}'"
    served, panel = pages_and_panel(server)
    quote = "- ask questions - take short notes - get support"
    assert panel == [DRAFT, STALE.format(quote=quote)]
    assert [notices(html) for html in served.values()] == [
        ["Draft: changed since it was signed off"],
        ["Estamos actualizando esta traducción"],
    ]
    full_build(server, root)
    assert pages_and_panel(server) == (served, panel)

    # A second save keeps both states: the saved page alone, the panel's quote follows.
    second = edit(server, root, EN, "- take short notes", "- take brief notes")
    assert second.split(" in ")[0] == f"Rebuilt '{EN}'"
    assert pages_and_panel(server)[1] == [
        DRAFT,
        STALE.format(quote="- ask questions - take brief notes - get support"),
    ]

    # Back to the signed-off text: signed again, the translation current again.
    (root / EN).write_text(original, "utf-8")
    before = len(server.output)
    server.wait(
        "the reload", lambda: any("Reloading browsers" in line for line in server.output[before:])
    )
    assert any(f"Rebuilt '{EN}' and '{EN_ES}' in " in line for line in server.output[before:])
    reverted = pages_and_panel(server)
    assert reverted == (signed, [])
    full_build(server, root)
    assert pages_and_panel(server) == reverted


def test_the_checks_new_lines_take_the_place_of_its_old_ones() -> None:
    other, old = "WARNING -  Doc file 'a.md' (en): unsafe link", f"WARNING -  {DRAFT[11:]}"
    new = [f"WARNING -  {STALE[11:]}"]
    assert replace_lines((other, old), [DRAFT[11:]], new, 0) == (other, *new)
    assert replace_lines((old, other), [DRAFT[11:]], new, 2) == (*new, other)
    assert replace_lines((old, other), [DRAFT[11:]], [], 0) == (other,)
    # None before: where the check logs (after the lines logged before it)
    assert replace_lines((other, other), [], new, 1) == (other, *new, other)
    assert replace_lines((other,), [], new, 5) == (other, *new)


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
