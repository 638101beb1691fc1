"""Citations rendered once per sequence of citations, not once per page.

mkdocs-bibtex turns a page's ``[@key]`` blocks into footnote Markdown: each block
becomes a run of references (``[^key]<sup>,</sup>[^key2]``) and each key a definition
(``[^key]: <reference>``) under the reference list's marker. Python-Markdown's
footnotes extension then renders them on every page, which cost about 0.75 ms a page
(as much again as the rest of a typical page's Markdown), while most pages cite the
same few sequences of references.

So a page's footnote Markdown is split in two (``plan_citations``):

- the page, with each run replaced by an escaped token (``\\[\\ue000N\\ue001\\]``, which
  Markdown writes as ``[\\ue000N\\ue001]`` wherever it processes inline text, and
  leaves as it is in code and raw HTML) and the reference list by a paragraph token;
- a skeleton: the runs, one paragraph each, then the marker and the definitions.
  The skeleton is rendered by the same Markdown extensions, once per sequence, and
  cut into the runs' HTML and the reference list's (``skeleton_pieces``).

After the page's own Markdown is rendered, ``fill_citations`` puts the pieces where
the tokens are. A page that cites a reference twice keeps its footnote Markdown: the
extension numbers a reference's second and later uses (``fnref2:key``) in the order
it reaches them, nested blocks last, not in the order of the page. Anything
unexpected (a token missing, inside a tag, the list twice) gives ``None``: the caller
then renders the page's footnote Markdown as before. The result is the same HTML,
byte for byte (tests/e2e/test_citation_cache.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

RUN_OPEN, RUN_CLOSE = "\ue000", "\ue001"  # private-use characters: no page text has them
LIST_TOKEN = "\ue002"
SENTINEL = "\ue003"
_OURS = (RUN_OPEN, RUN_CLOSE, LIST_TOKEN, SENTINEL)
_NOTE = re.compile(r"\[\^([^\]]+)\]")


@dataclass(frozen=True)
class CitationPlan:
    """A page's Markdown with tokens for its citations, and the skeleton to render."""

    markdown: str
    skeleton: str
    runs: int


@dataclass(frozen=True)
class CitationPieces:
    """The rendered skeleton: each run's HTML in page order, the reference list's
    HTML, and the anchor ids they hold (``fn:key``, ``fnref:key``...)."""

    runs: tuple[str, ...]
    reference_list: str
    ids: frozenset[str]


def run_token(number: int) -> str:
    """How the ``number``-th run (from 0) appears in the page's HTML."""
    return f"[{RUN_OPEN}{number}{RUN_CLOSE}]"


def plan_citations(
    markdown: str, runs: Sequence[str], definitions: str, marker: str
) -> CitationPlan | None:
    """Split ``markdown`` (mkdocs-bibtex's output: ``runs`` are its inline texts,
    ``definitions`` the text it put in place of the reference list's command) into
    the page and its skeleton; None when the page is not exactly that (footnotes of
    its own, the list's marker or definitions not once, a full bibliography...)."""
    if not runs or not definitions or any(mark in markdown for mark in _OURS):
        return None
    if markdown.count(marker) != 1 or markdown.count(definitions) != 1:
        return None
    start = markdown.index(definitions)
    end = start + len(definitions)
    if markdown[start - 1 : start] not in ("", "\n") or markdown[end : end + 1] not in ("", "\n"):
        return None  # definitions inside a paragraph: not footnote definitions
    found: list[str] = []

    def token(match: re.Match[str]) -> str:
        found.append(match.group(0))
        return f"\\[{RUN_OPEN}{len(found) - 1}{RUN_CLOSE}\\]"

    pattern = re.compile("|".join(re.escape(run) for run in sorted(set(runs), key=len)[::-1]))
    page = pattern.sub(token, markdown[:start] + markdown[end:]).replace(marker, LIST_TOKEN)
    if "[^" in page:  # footnotes the citations did not make: the extension numbers them all
        return None
    notes = [note for run in found for note in _NOTE.findall(run)]
    if len(notes) != len(set(notes)):
        return None  # a second reference is "fnref2:key" in the order Markdown reaches it
    paragraphs = [f"{SENTINEL}{run}{SENTINEL}" for run in found]
    skeleton = "\n\n".join([*paragraphs, SENTINEL, marker, definitions]) + "\n"
    return CitationPlan(page, skeleton, len(found))


def skeleton_pieces(skeleton_html: str, runs: int) -> CitationPieces | None:
    """Cut the rendered skeleton (``runs`` paragraphs, then the list) into pieces;
    None when it does not have the shape ``plan_citations`` gave it."""
    parts = skeleton_html.split(SENTINEL)
    if len(parts) != 2 * runs + 2 or parts[0] != "<p>":
        return None
    if any(part != "</p>\n<p>" for part in parts[2 : 2 * runs + 1 : 2]):
        return None
    head, _, reference_list = parts[-1].partition("\n")
    if head != "</p>" or not reference_list:
        return None
    pieces = tuple(parts[1 : 2 * runs : 2])
    collector = _Ids()
    collector.feed("".join(pieces) + reference_list)
    collector.close()
    return CitationPieces(pieces, reference_list, frozenset(collector.ids))


def fill_citations(page_html: str, pieces: CitationPieces) -> str | None:
    """``page_html`` with the pieces in place of the tokens; None when a token is not
    where a citation's HTML can go (missing, inside a tag, the list not once)."""
    paragraph = f"<p>{LIST_TOKEN}</p>"
    if page_html.count(paragraph) != 1:
        return None
    page_html = page_html.replace(paragraph, pieces.reference_list)
    out: list[str] = []
    position = 0
    for number, piece in enumerate(pieces.runs):
        token = run_token(number)
        at = page_html.find(token, position)
        if at < 0 or page_html.rfind("<", 0, at) > page_html.rfind(">", 0, at):
            return None
        out += [page_html[position:at], piece]
        position = at + len(token)
    out.append(page_html[position:])
    filled = "".join(out)
    return None if any(mark in filled for mark in _OURS) else filled


def holds_token(text: str) -> bool:
    """True if ``text`` (a heading's name in the table of contents...) has a token."""
    return any(mark in text for mark in _OURS)


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)
