"""The project's documents stay short and their links work: README.md (at most 150
lines), BENCHMARKS.md (at most 250), CONTRIBUTING.md, CONTENT-LICENSE.md and the guides
in guides/. Every relative link points at a file that exists, and every anchor at a
heading of that file (as GitHub makes anchors from headings). No link points into docs/
or docs_es/, the published pages, as if it were a guide.

Replicate: ./tasks test tests/test_documents.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOP = ["README.md", "BENCHMARKS.md", "CONTRIBUTING.md", "CONTENT-LICENSE.md"]
DOCUMENTS = [*(ROOT / name for name in TOP), *sorted((ROOT / "guides").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
CODE = re.compile(r"`[^`\n]*`")


def anchors(path: Path) -> set[str]:
    """The anchors GitHub gives the headings of a Markdown file."""
    found: set[str] = set()
    for line in FENCE.sub("", path.read_text(encoding="utf-8")).splitlines():
        if not line.startswith("#"):
            continue
        title = line.lstrip("#").strip().lower()
        slug = re.sub(r"[^\w\- ]", "", title).replace(" ", "-")
        anchor, n = slug, 0
        while anchor in found:
            n += 1
            anchor = f"{slug}-{n}"
        found.add(anchor)
    return found


def links(path: Path) -> list[str]:
    text = CODE.sub("", FENCE.sub("", path.read_text(encoding="utf-8")))
    return [target for target in LINK.findall(text) if not re.match(r"[a-z]+:", target)]


def test_the_guides_exist_beside_the_readme() -> None:
    names = {p.name for p in DOCUMENTS}
    assert {"editors.md", "publishers.md", "developers.md"} <= names


@pytest.mark.parametrize(("name", "most"), [("README.md", 150), ("BENCHMARKS.md", 250)])
def test_the_document_is_short(name: str, most: int) -> None:
    lines = (ROOT / name).read_text(encoding="utf-8").count("\n")
    assert lines <= most, f"{name} has {lines} lines; at most {most}"


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_relative_link_and_anchor_resolves(document: Path) -> None:
    broken = []
    for target in links(document):
        file, _, anchor = target.partition("#")
        destination = (document.parent / file).resolve() if file else document
        published = [ROOT / "docs", ROOT / "docs_es"]
        if any(destination.is_relative_to(folder) for folder in published):
            broken.append(f"{target}: a published page, not a guide")
        elif not destination.exists():
            broken.append(f"{target}: no such file")
        elif anchor and anchor not in anchors(destination):
            broken.append(f"{target}: no heading '{anchor}' in {destination.name}")
    assert broken == []
