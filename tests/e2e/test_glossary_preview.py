"""The glossary in the preview (./tasks serve): a page saved with a glossary term is
re-rendered alone with its own language's glossary, as a full build renders it, and a
saved glossary file rebuilds the site with the new definition.

Replicate: python bench/sitegen.py /tmp/site 4 (it copies glossary/), then python
tools/serve.py -f /tmp/site/mkdocs.yml, add "recurrence" to
/tmp/site/docs/section-01/topic-0000.md and compare the page with the one served after
`touch /tmp/site/mkdocs.yml`.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from served import Server
from test_preview_incremental import (
    EN,
    ES,
    edit,
    full_build,
    site,  # noqa: F401  (fixture)
    without_live_reload,
    without_warnings_panel,
)

URLS = {EN: "section-01/topic-0000/", ES: "es/section-02/topic-0001/"}


def definitions(server: Server, url: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(server.fetch(url), "lxml")
    return [
        (button.get_text(), soup.select_one(f"#{button['aria-describedby']}").get_text())
        for button in soup.select("article button.glossary__term")
    ]


def test_a_saved_page_marks_its_terms_in_its_language(
    site: tuple[Path, Server],  # noqa: F811
) -> None:
    root, server = site
    glossary = {
        locale: (root / "glossary" / f"{locale}.yml").read_text("utf-8") for locale in ("en", "es")
    }
    assert "When cancer returns after treatment." in " ".join(glossary["en"].split())
    edit(server, root, ES, "Escriba sus preguntas", "Escriba sus preguntas sobre la recurrencia")
    edit(server, root, EN, "Write your questions down", "Write your questions on recurrence down")
    spanish = definitions(server, URLS[ES])
    english = definitions(server, URLS[EN])
    assert [word for word, _ in spanish] == ["recurrencia"]
    assert spanish[0][1].startswith("Cuando el cáncer vuelve a aparecer después del tratamiento.")
    assert english == [
        (
            "recurrence",
            "When cancer returns after treatment. It can come back in the place where it "
            "began or in another part of the body.",
        )
    ]
    served = {url: without_live_reload(server.fetch(url)) for url in URLS.values()}
    full_build(server, root)
    for url in URLS.values():
        full, _ = without_warnings_panel(without_live_reload(server.fetch(url)))
        single, _ = without_warnings_panel(served[url])
        assert full == single, url

    before = len(server.output)
    path = root / "glossary" / "es.yml"
    path.write_text(
        glossary["es"].replace("Cuando el cáncer vuelve", "Cuando el cáncer regresa"), "utf-8"
    )
    server.wait(
        "the full build",
        lambda: any("Reloading browsers" in line for line in server.output[before:]),
    )
    assert any("Building documentation..." in line for line in server.output[before:])
    assert definitions(server, URLS[ES])[0][1].startswith("Cuando el cáncer regresa")
