"""The preview's search keeps answering after an edit (issue 24): a page re-rendered
alone leaves the search index as the last full build wrote it, and a full build indexes
the new text.

Replicate: python bench/sitegen.py /tmp/site 4; python tools/serve.py -f
/tmp/site/mkdocs.yml; search "tema" on http://127.0.0.1:8000/es/; append a sentence to
docs_es/section-02/topic-0001.md and search again; add a heading and search its word.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import browser as fixtures
import pytest
from search_relevance import Case, search
from served import PREVIEW, Server
from test_preview_incremental import ES, edit

from oncopress.cli.benchsite import generate

browser = fixtures.browser
pytestmark = pytest.mark.browser


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[Path, Server]]:
    config = generate(tmp_path / "site", 4)
    server = Server(config.parent, PREVIEW)
    try:
        server.wait("the first build", server.page_shows("es/", "Inicio"))
        yield config.parent, server
    finally:
        server.stop()


def _found(browser, server: Server, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server.base}es/", wait_until="load")  # live reload keeps a request open
    ranked = search(page, server.base, Case("es", query, "")).ranked
    context.close()
    return ranked


def test_search_answers_after_an_edit_and_finds_new_words_after_a_full_build(  # type: ignore[no-untyped-def]
    browser, preview: tuple[Path, Server]
) -> None:
    root, server = preview
    status, settings = server.get("es/search/search_index.json")
    assert status == 200  # the preview serves the index
    assert "section-02/topic-0001/" in _found(browser, server, "tema 1")
    how = edit(server, root, ES, "Venga con un amigo", "Venga con una amiga")
    assert how.startswith("Rebuilt ")  # re-rendered alone: the index is the last build's
    assert server.get("es/search/search_index.json") == (200, settings)
    assert "section-02/topic-0001/" in _found(browser, server, "tema 1")
    how = edit(server, root, ES, "## Lo que debe saber 1", "## Girasoles\n\n## Lo que debe saber 1")
    assert how == "Building documentation..."
    assert _found(browser, server, "girasoles") == ["section-02/topic-0001/"]
