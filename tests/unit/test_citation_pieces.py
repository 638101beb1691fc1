"""The citation cache's core: a page's footnote Markdown split into tokens and a
skeleton, the rendered skeleton cut into pieces, the pieces put in the page."""

from __future__ import annotations

import markdown
import pytest

from oncopress.citations.sequence_cache import (
    CitationPieces,
    fill_citations,
    plan_citations,
    skeleton_pieces,
)

MARKER = "///Footnotes Go Here///"
RUN = "[^a]<sup>,</sup>[^b]"
DEFINITIONS = "[^a]: Paper A.\n[^b]: Paper B."
PAGE = f"# Care\n\nText {RUN}.\n\n## References\n\n{MARKER}\n\n{DEFINITIONS}\n"


def test_a_page_becomes_tokens_and_a_skeleton() -> None:
    plan = plan_citations(PAGE, [RUN], DEFINITIONS, MARKER)
    assert plan is not None
    assert plan.markdown == "# Care\n\nText \\[\ue0000\ue001\\].\n\n## References\n\n\ue002\n\n\n"
    assert plan.skeleton == f"\ue003{RUN}\ue003\n\n\ue003\n\n{MARKER}\n\n{DEFINITIONS}\n"
    assert plan.runs == 1


@pytest.mark.parametrize(
    ("page", "why"),
    [
        (PAGE.replace("Text", "Text[^own]") + "[^own]: Ours.\n", "a footnote of its own"),
        (PAGE.replace(".\n\n## References", f". Again {RUN}.\n\n## References"), "cited twice"),
        (PAGE.replace(MARKER, f"{MARKER} {MARKER}"), "the marker twice"),
        (PAGE.replace(f"\n\n{DEFINITIONS}", f" {DEFINITIONS}"), "definitions in a paragraph"),
        (PAGE.replace("Care", "Care \ue000"), "a private-use character of ours"),
    ],
)
def test_pages_that_keep_their_footnote_markdown(page: str, why: str) -> None:
    assert plan_citations(page, [RUN], DEFINITIONS, MARKER) is None, why


def _render(text: str) -> str:
    md = markdown.Markdown(
        extensions=["footnotes"], extension_configs={"footnotes": {"PLACE_MARKER": MARKER}}
    )
    return md.convert(text)


def test_the_rendered_page_is_the_footnote_pages_html() -> None:
    plan = plan_citations(PAGE, [RUN], DEFINITIONS, MARKER)
    assert plan is not None
    pieces = skeleton_pieces(_render(plan.skeleton), plan.runs)
    assert pieces is not None
    assert pieces.ids == {"fn:a", "fn:b", "fnref:a", "fnref:b"}
    assert fill_citations(_render(plan.markdown), pieces) == _render(PAGE)


def test_a_token_where_no_citation_can_go_gives_none() -> None:
    pieces = CitationPieces(("<sup>1</sup>",), '<div class="footnote"></div>', frozenset())
    listed = "<p>\ue002</p>"
    assert fill_citations(f"<p>x [\ue0000\ue001]</p>{listed}", pieces) == (
        '<p>x <sup>1</sup></p><div class="footnote"></div>'
    )
    assert fill_citations(f'<a title="[\ue0000\ue001]">x</a>{listed}', pieces) is None
    assert fill_citations(f"<p>x</p>{listed}", pieces) is None  # the token is missing
    assert fill_citations("<p>x [\ue0000\ue001]</p>", pieces) is None  # no list
    assert fill_citations(f"<p>[\ue0000\ue001] \ue002</p>{listed}", pieces) is None


def test_a_skeleton_of_another_shape_gives_none() -> None:
    assert skeleton_pieces("<p>\ue003x\ue003</p>\n<p>\ue003</p>\n<div></div>", 1) is not None
    assert skeleton_pieces("<p>\ue003x\ue003</p>\n<p>\ue003</p>", 1) is None
    assert skeleton_pieces("<div>\ue003x\ue003</div>\n<p>\ue003</p>\n<div></div>", 1) is None
