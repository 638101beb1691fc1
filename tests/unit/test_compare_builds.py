"""tools/compare_builds.py: what counts as a difference between two saved builds."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from oncopress.cli.compare import compare, main


def saved(root: Path, files: dict[str, bytes], pdfs: dict[str, object]) -> Path:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    (root / "generated").mkdir(parents=True, exist_ok=True)
    (root / "pdf-text.json").write_text(json.dumps(pdfs), "utf-8")
    return root


def test_the_same_output_in_another_gzip_header_and_pdf_bytes_is_the_same(tmp_path: Path) -> None:
    xml = b"<urlset/>"
    text = {"sample/pdf/a.pdf": {"pages": 1, "text": ["Hello"]}}
    old = saved(
        tmp_path / "old",
        {
            "sample/index.html": b"<p>x</p>",
            "sample/sitemap.xml.gz": gzip.compress(xml, mtime=1),
            "sample/pdf/a.pdf": b"%PDF-1",
        },
        text,
    )
    new = saved(
        tmp_path / "new",
        {
            "sample/index.html": b"<p>x</p>",
            "sample/sitemap.xml.gz": gzip.compress(xml, mtime=2),
            "sample/pdf/a.pdf": b"%PDF-2",
        },
        text,
    )
    assert compare(old, new) == []


def test_each_difference_is_one_line(tmp_path: Path) -> None:
    old = saved(
        tmp_path / "old",
        {
            "sample/index.html": b"<p>x</p>",
            "sample/gone.html": b"",
            "sample/pdf/a.pdf": b"",
            "sample/pdf/b.pdf": b"",
        },
        {
            "sample/pdf/a.pdf": {"pages": 1, "text": ["Hello"]},
            "sample/pdf/b.pdf": {"pages": 1, "text": ["Hello"]},
        },
    )
    new = saved(
        tmp_path / "new",
        {
            "sample/index.html": b"<p>y</p>",
            "generated/new.html": b"",
            "sample/pdf/a.pdf": b"",
            "sample/pdf/b.pdf": b"",
        },
        {
            "sample/pdf/a.pdf": {"pages": 2, "text": ["Hello", ""]},
            "sample/pdf/b.pdf": {"pages": 1, "text": ["Hullo"]},
        },
    )
    assert compare(old, new) == [
        f"only in {old}: sample/gone.html",
        f"only in {new}: generated/new.html",
        "sample/index.html: differs",
        "sample/pdf/a.pdf: 1 page, now 2",
        "sample/pdf/b.pdf: the text differs",
    ]


@pytest.mark.parametrize(("changed", "last_line"), [(1, "1 difference"), (2, "2 differences")])
def test_the_count_of_differences_in_the_right_plural(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], changed: int, last_line: str
) -> None:
    names = [f"sample/{n}.html" for n in range(2)]
    old = saved(tmp_path / "old", dict.fromkeys(names, b"x"), {})
    new_files = {name: (b"y" if n < changed else b"x") for n, name in enumerate(names)}
    new = saved(tmp_path / "new", new_files, {})
    assert main(["compare", str(old), str(new)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == last_line
