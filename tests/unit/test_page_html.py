"""A page's HTML without MkDocs (oncopress.checks.page_html): Python-Markdown with the
extensions of mkdocs.yml, citations removed (oncopress.citations.references)."""

import pytest

from oncopress.checks.page_html import MarkdownSetupError, PageRenderer, PageRenderError
from oncopress.citations.references import strip_citations
from oncopress.settings.platform import BUILTIN_EXTENSIONS

COMMANDS = ("\\bibliography", "\\full_bibliography")


@pytest.mark.parametrize(
    ("markdown", "stripped"),
    [
        ("Cancer can come back [@emery2022management].", "Cancer can come back."),
        ("Two sources [@a; @b:2020.x], one line.", "Two sources, one line."),
        ("Fear\n[@gotze2019fear]. More.", "Fear\n. More."),
        ("Write to [me@clinic.org] or see [the page](care.md).", None),
        ("A [link] and [@] stay: the editorial check refuses [@].", None),
        ("Before.\n\n\\bibliography\n", "Before.\n\n\n"),
    ],
)
def test_citations_are_removed(markdown: str, stripped: str | None) -> None:
    assert strip_citations(markdown, COMMANDS) == (markdown if stripped is None else stripped)


def test_a_page_renders_with_the_extensions_of_mkdocs_yml() -> None:
    renderer = PageRenderer(
        (*BUILTIN_EXTENSIONS, "admonition", "attr_list", "md_in_html", "footnotes"),
        {"toc": {"permalink": False}},
        COMMANDS,
    )
    body = (
        "# Care\n\nRest helps [@a].\n{: .lead }\n\n!!! note\n    Ask.\n\n"
        "```\n<script>alert(1)</script>\n```\n"
    )
    assert renderer.html(body) == (
        '<h1 id="care">Care</h1>\n<p class="lead">Rest helps.</p>\n'
        '<div class="admonition note">\n<p class="admonition-title">Note</p>\n<p>Ask.</p>\n'
        "</div>\n<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>"
    )
    assert renderer.html("Again.") == "<p>Again.</p>"  # one Markdown, reset between pages


def test_an_extension_that_cannot_be_loaded_is_named() -> None:
    with pytest.raises(MarkdownSetupError) as error:
        PageRenderer(("toc", "no_such_extension"), {})
    assert str(error.value) == (
        "mkdocs.yml: markdown_extensions: 'no_such_extension' cannot be loaded "
        "(ModuleNotFoundError: No module named 'no_such_extension')"
    )
    with pytest.raises(MarkdownSetupError) as error:
        PageRenderer(("toc",), {"toc": {"no_such_option": 1}})
    assert str(error.value) == (
        "mkdocs.yml: markdown_extensions: 'toc' cannot be loaded (KeyError: 'no_such_option')"
    )


def test_a_page_python_markdown_fails_on_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    renderer = PageRenderer(BUILTIN_EXTENSIONS, {})

    def fail(text: str) -> str:
        raise IndexError("list index out of range")

    monkeypatch.setattr(renderer._markdown, "convert", fail)
    with pytest.raises(PageRenderError) as error:
        renderer.html("Text.")
    assert str(error.value) == (
        "cannot be rendered by Python-Markdown (IndexError: list index out of range)"
    )
