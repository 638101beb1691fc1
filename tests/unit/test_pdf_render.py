from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from conftest import site_files

from oncopress.pdf.cache import PdfCache
from oncopress.pdf.engine import Rendered
from oncopress.pdf.render import (
    PdfJob,
    PdfRenderError,
    PdfResult,
    refusal_problems,
    render_all,
)
from oncopress.problems import Problem


@dataclass(frozen=True)
class FakeEngine:
    """Renders ``%PDF-fake <html>``; refuses every ``refuse:<url>`` word; fails on ``boom``.

    Module level and frozen, so it travels to forked worker processes like the real one.
    """

    identity: str = "fake 1"

    def prepare(self) -> None:
        pass

    def render(self, html: str, stylesheet: str, site_dir: Path) -> Rendered:
        if "boom" in html:
            raise RuntimeError("layout exploded")
        if "empty" in html:
            return Rendered(b"")
        refused = tuple(
            word[len("refuse:") :] for word in html.split() if word.startswith("refuse:")
        )
        return Rendered(
            b"%PDF-fake " + html.encode(), refused, ("a note",) if "note" in html else ()
        )


def job(name: str, html: str, locale: str = "en", booklet: bool = False) -> PdfJob:
    prefix = "" if locale == "en" else f"{locale}/"
    return PdfJob(
        output=f"{prefix}pdf/{name}.pdf",
        source=f"docs{'' if locale == 'en' else '_' + locale}/{name}.md",
        locale=locale,
        title=name.title(),
        revised=None,
        html=html,
        booklet=booklet,
    )


JOBS = [
    job("a", "<p>a</p>"),
    job("b", "<p>b</p>", "es"),
    job("booklet", "<p>a b</p>", booklet=True),
]


def clock(*times: float):  # type: ignore[no-untyped-def]
    return iter(times).__next__


def run(  # type: ignore[no-untyped-def]
    tmp_path: Path,
    jobs: list[PdfJob],
    workers: int = 1,
    times: tuple[float, float] = (0.0, 1.0),
    stylesheet: str = "h1 { color: navy }",
):
    return render_all(
        jobs,
        stylesheet=stylesheet,
        engine=FakeEngine(),
        site_dir=tmp_path / "site",
        cache=PdfCache(tmp_path / "cache"),
        workers=workers,
        clock=clock(*times),
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_every_pdf_is_written_and_counted(tmp_path: Path, workers: int) -> None:
    report = run(tmp_path, JOBS, workers, (10.0, 11.94))
    assert report.summary() == "PDF: 3 rendered, 0 reused in 1.9 s"
    assert site_files(tmp_path / "site") == {
        "es/pdf/b.pdf": b"%PDF-fake <p>b</p>",
        "pdf/a.pdf": b"%PDF-fake <p>a</p>",
        "pdf/booklet.pdf": b"%PDF-fake <p>a b</p>",
    }
    assert [(r.job.output, r.size, r.reused) for r in report.results] == [
        ("pdf/a.pdf", 18, False),
        ("es/pdf/b.pdf", 18, False),
        ("pdf/booklet.pdf", 20, False),
    ]


def test_a_second_run_reuses_everything(tmp_path: Path) -> None:
    run(tmp_path, JOBS)
    first = site_files(tmp_path / "site")
    report = run(tmp_path, JOBS, times=(0.0, 0.04))
    assert report.summary() == "PDF: 0 rendered, 3 reused in 0.0 s"
    assert site_files(tmp_path / "site") == first


def test_a_changed_document_is_the_only_one_rendered_again(tmp_path: Path) -> None:
    run(tmp_path, JOBS)
    changed = [JOBS[0], replace(JOBS[1], html="<p>b, edited</p>"), JOBS[2]]
    report = run(tmp_path, changed)
    assert (report.rendered, report.reused) == (1, 2)
    assert [r.job.output for r in report.results if not r.reused] == ["es/pdf/b.pdf"]
    assert (tmp_path / "site/es/pdf/b.pdf").read_bytes() == b"%PDF-fake <p>b, edited</p>"
    assert len(list((tmp_path / "cache").glob("*.pdf"))) == 4  # b's old entry: pruned in a week


def test_a_changed_image_renders_again(tmp_path: Path) -> None:
    (tmp_path / "site/assets").mkdir(parents=True)
    (tmp_path / "site/assets/x.png").write_bytes(b"1")
    with_image = [replace(JOBS[0], resources=("assets/x.png",))]
    assert run(tmp_path, with_image).rendered == 1
    assert run(tmp_path, with_image).rendered == 0
    (tmp_path / "site/assets/x.png").write_bytes(b"2")
    assert run(tmp_path, with_image).rendered == 1


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failed_pdf_names_its_page_and_leaves_no_file(tmp_path: Path, workers: int) -> None:
    stale = tmp_path / "site/es/pdf/b.pdf"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"%PDF old")
    jobs = [JOBS[0], replace(JOBS[1], html="<p>boom</p>"), replace(JOBS[2], html="empty")]
    with pytest.raises(PdfRenderError) as caught:
        run(tmp_path, jobs, workers)
    assert str(caught.value) == (
        "2 PDFs could not be made:\n"
        "  PDF 'es/pdf/b.pdf' of 'docs_es/b.md' (es): RuntimeError: layout exploded\n"
        "  PDF 'pdf/booklet.pdf' of 'docs/booklet.md' (en): the engine returned no PDF"
    )
    assert site_files(tmp_path / "site") == {"pdf/a.pdf": b"%PDF-fake <p>a</p>"}
    leftovers = [p.name for p in (tmp_path / "site").rglob(".*")]
    assert leftovers == []


def test_refused_urls_come_back_from_the_cache_too(tmp_path: Path) -> None:
    jobs = [job("a", "<p> refuse:http://example.com/x.png </p> note")]
    first = run(tmp_path, jobs)
    assert first.results[0].refused == ("http://example.com/x.png",)
    assert first.notes == ["pdf/a.pdf: a note"]
    again = run(tmp_path, jobs)
    assert again.reused == 1
    assert again.results[0].refused == first.results[0].refused


def test_refusals_are_reported_once_per_page_and_url() -> None:
    page = job("a", "", "es")
    booklet = job("booklet", "", "es", booklet=True)
    other = job("b", "")
    results = [
        PdfResult(page, 1, ("file:///etc/passwd", "http://example.com/x.png"), False),
        PdfResult(booklet, 1, ("file:///etc/passwd", "http://only-in-booklet/"), True),
        PdfResult(other, 1, ("file:///etc/passwd",), False),
    ]
    message = (
        "the PDF was made without '{}': only data: URLs and files of the built site "
        "can go into a PDF"
    )
    assert refusal_problems(results) == [
        Problem("docs/b.md", "en", message.format("file:///etc/passwd")),
        Problem("docs_es/a.md", "es", message.format("file:///etc/passwd")),
        Problem("docs_es/a.md", "es", message.format("http://example.com/x.png")),
        Problem("docs_es/booklet.md", "es", message.format("http://only-in-booklet/")),
    ]
    assert str(refusal_problems(results)[0]) == (
        "Doc file 'docs/b.md' (en): the PDF was made without 'file:///etc/passwd': "
        "only data: URLs and files of the built site can go into a PDF"
    )


def test_nothing_to_do_loads_no_engine(tmp_path: Path) -> None:
    @dataclass(frozen=True)
    class Unloadable(FakeEngine):
        def prepare(self) -> None:
            raise AssertionError("the engine was loaded")

    report = render_all(
        [],
        stylesheet="",
        engine=Unloadable(),
        site_dir=tmp_path,
        cache=PdfCache(tmp_path / "c"),
        workers=os.cpu_count() or 1,
    )
    assert report.results == []


def test_a_changed_stylesheet_renders_everything_again(tmp_path: Path) -> None:
    run(tmp_path, JOBS)
    assert run(tmp_path, JOBS).rendered == 0
    assert run(tmp_path, JOBS, stylesheet="h1 { color: black }").rendered == 3
