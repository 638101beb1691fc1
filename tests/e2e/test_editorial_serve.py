"""Under `mkdocs serve`, an editorial problem shows the build's message, and the
site recovers once the file is fixed; a changed bibliography is formatted in house
style again (mkdocs-bibtex reloads it, hooks/bibliography.py re-installs its registry),
with any HTML or Markdown in its fields shown as text.

Replicate: ./tasks serve, delete `reviewed_by:` from docs/survivorship/recurrence.md,
read the terminal, put it back.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from conftest import Project
from served import Server

NO_REVIEWER = "  Doc file 'docs_es/care.md' (es): medical page has no 'reviewed_by' in front matter"


@pytest.fixture
def server(project: Project) -> Iterator[Server]:
    served = Server(project.root)
    try:
        served.wait("the first build", served.page_shows("es/care/", "Última actualización"))
        yield served
    finally:
        served.stop()


def test_serve_reports_a_problem_and_recovers(project: Project, server: Server) -> None:
    page = project.docs_es / "care.md"
    good = page.read_text(encoding="utf-8")
    page.write_text(good.replace("reviewed_by: [content-team]\n", ""), encoding="utf-8")
    server.wait("the editorial error", server.logged(NO_REVIEWER))
    assert not any("Traceback" in line for line in server.output), "\n".join(server.output)

    page.write_text(good + "\nTexto corregido.\n", encoding="utf-8")
    server.wait("the fixed page", server.page_shows("es/care/", "Texto corregido."))

    bib = project.root / "bibliography.bib"
    changed = "Managing <b>common</b> *clinical* problems_of_survivors"
    text = bib.read_text(encoding="utf-8").replace(
        "Management of common clinical problems", changed
    )
    bib.write_text(text, encoding="utf-8")
    server.wait("the changed reference", server.page_shows("care/", "Managing"))
    item = BeautifulSoup(server.fetch("care/"), "lxml").select_one("li#fn\\:emery2022management p")
    assert item is not None
    assert item.find("b") is None, "HTML from bibliography.bib reached the page"
    assert item.get_text(" ", strip=True).startswith(
        "Emery J, Butow P, Lai-Kwon J, Nekhlyudov L, Rynderman M, & Jefford M. "
        f"{changed} experienced by survivors of cancer. The Lancet."
    ), "not in house style: the registry was not re-installed after the reload"
