"""Render many PDFs at once: cache first, then the rest in parallel worker processes.

Worker model: the parent looks every job up in the cache and copies the hits into
the site. Only if something is left does it load the engine, then start a
``ProcessPoolExecutor`` of ``min(workers, jobs)`` processes: forked on Linux (the
workers inherit the loaded engine, so none pays for the import again), spawned on macOS
and Windows (``oncopress.system.worker_context``: each worker imports the engine on its
first job; everything it is sent is pickled, so it works either way). Jobs go out largest
first (the booklets), so the pool finishes together. Workers only turn HTML into
bytes; the parent writes every file, through a temporary file and a rename, so a
failed or interrupted render never leaves a partial or empty PDF.

A worker ends when the process that started it dies, even by SIGKILL, which leaves it
no time to stop its pool: on Linux the kernel sends it SIGKILL then (PR_SET_PDEATHSIG),
and on every system a thread in the worker watches its parent and ends the worker
within half a second of the parent's death (``_watch_parent``; on Windows, where a
process keeps its dead parent's id, by asking whether that process still runs).
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from oncopress.pdf.cache import PdfCache, cache_key, copy_atomically
from oncopress.pdf.engine import PdfEngine, Rendered
from oncopress.problems import Problem
from oncopress.system import WINDOWS, is_running, worker_context


@dataclass(frozen=True)
class PdfJob:
    """One PDF to make.

    ``output`` is site-relative (``es/pdf/survivorship/recurrence.pdf``);
    ``source`` names what it is made from, for messages (``docs_es/...md``, or the
    booklet's path); ``resources`` are the site files the document loads.
    """

    output: str
    source: str
    locale: str
    title: str
    revised: date | None
    html: str
    resources: tuple[str, ...] = ()
    booklet: bool = False


@dataclass(frozen=True)
class PdfResult:
    job: PdfJob
    size: int
    refused: tuple[str, ...]
    reused: bool


@dataclass
class RenderReport:
    results: list[PdfResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rendered(self) -> int:
        return sum(not result.reused for result in self.results)

    @property
    def reused(self) -> int:
        return sum(result.reused for result in self.results)

    def summary(self) -> str:
        """``PDF: 8 rendered, 0 reused in 1.9 s``"""
        return f"PDF: {self.rendered} rendered, {self.reused} reused in {self.seconds:.1f} s"


class PdfRenderError(ValueError):
    """One or more PDFs could not be made; the message names each source."""


def render_all(
    jobs: Sequence[PdfJob],
    *,
    stylesheet: str,
    engine: PdfEngine,
    site_dir: Path,
    cache: PdfCache,
    workers: int,
    clock: Callable[[], float] = time.perf_counter,
) -> RenderReport:
    """Make every PDF of ``jobs`` in ``site_dir``, reusing cached ones.

    Raises :class:`PdfRenderError` naming every job that failed (after the others
    are written); a failed job leaves no file at its output path.
    """
    started = clock()
    report = RenderReport()
    identity = engine.identity

    def read(path: str) -> bytes | None:
        try:
            return (site_dir / path).read_bytes()
        except OSError:
            return None

    keys = {
        job.output: cache_key(job.html, stylesheet, job.resources, identity, read) for job in jobs
    }
    todo: list[PdfJob] = []
    for job in jobs:
        cached = cache.load(keys[job.output])
        try:
            if cached is not None:
                copy_atomically(cached.path, site_dir / job.output)
                size = (site_dir / job.output).stat().st_size
                report.results.append(PdfResult(job, size, cached.refused, True))
                continue
        except OSError:
            pass  # the entry went away under us (another build pruned it): render it
        todo.append(job)

    failures: list[str] = []
    for job, outcome in _render(todo, engine, stylesheet, site_dir, workers):
        target = site_dir / job.output
        if isinstance(outcome, str):
            target.unlink(missing_ok=True)
            failures.append(f"PDF '{job.output}' of '{job.source}' ({job.locale}): {outcome}")
            continue
        stored = cache.store(keys[job.output], outcome.pdf, outcome.refused)
        copy_atomically(stored, target)
        report.results.append(PdfResult(job, len(outcome.pdf), outcome.refused, False))
        report.notes.extend(f"{job.output}: {note}" for note in outcome.notes)

    if failures:
        raise PdfRenderError(
            f"{len(failures)} PDF{'s' if len(failures) > 1 else ''} could not be made:\n  "
            + "\n  ".join(sorted(failures))
        )
    cache.prune(keys.values())
    order = {job.output: index for index, job in enumerate(jobs)}
    report.results.sort(key=lambda result: order[result.job.output])
    report.seconds = clock() - started
    return report


def refusal_problems(results: Sequence[PdfResult]) -> list[Problem]:
    """One problem per page and refused URL.

    A booklet repeats its pages, so its refusals are only reported when no page of
    its language reported the same URL (then they are reported against the booklet).
    """
    problems: set[Problem] = set()
    seen: set[tuple[str, str]] = set()
    for result in results:
        if not result.job.booklet:
            for url in result.refused:
                seen.add((result.job.locale, url))
                problems.add(Problem(result.job.source, result.job.locale, _refused(url)))
    for result in results:
        if result.job.booklet:
            for url in result.refused:
                if (result.job.locale, url) not in seen:
                    problems.add(Problem(result.job.source, result.job.locale, _refused(url)))
    return sorted(problems)


def _refused(url: str) -> str:
    return (
        f"the PDF was made without '{url}': only data: URLs and files of the built site "
        "can go into a PDF"
    )


def render_one(engine: PdfEngine, html: str, stylesheet: str, site_dir: Path) -> Rendered | str:
    """Render one document; a failure comes back as text (it crosses processes)."""
    try:
        rendered = engine.render(html, stylesheet, site_dir)
    except Exception as error:  # any engine failure becomes a named build error
        return f"{type(error).__name__}: {error}"
    if not rendered.pdf.startswith(b"%PDF"):
        return "the engine returned no PDF"
    return rendered


def _render(
    jobs: Sequence[PdfJob], engine: PdfEngine, stylesheet: str, site_dir: Path, workers: int
) -> list[tuple[PdfJob, Rendered | str]]:
    if not jobs:
        return []
    engine.prepare()
    largest_first = sorted(jobs, key=lambda job: len(job.html), reverse=True)
    count = max(1, min(workers, len(jobs)))
    if count == 1:
        return [(job, render_one(engine, job.html, stylesheet, site_dir)) for job in largest_first]
    outcomes: list[tuple[PdfJob, Rendered | str]] = []
    pool = ProcessPoolExecutor(
        max_workers=count,
        mp_context=worker_context(),
        initializer=_watch_parent,
        initargs=(os.getpid(),),
    )
    with pool:
        futures: list[tuple[PdfJob, Future[Rendered | str]]] = [
            (job, pool.submit(render_one, engine, job.html, stylesheet, site_dir))
            for job in largest_first
        ]
        for job, future in futures:
            try:
                outcomes.append((job, future.result()))
            except BrokenProcessPool as error:
                outcomes.append((job, f"the PDF worker process died ({error})"))
    return outcomes


WATCH_SECONDS = 0.5  # how often a worker checks that its parent is alive


def _watch_parent(parent: int) -> None:
    """In each worker, first: end it when ``parent`` (the build) dies."""
    if sys.platform.startswith("linux"):
        pr_set_pdeathsig = 1
        try:
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # no prctl: the thread below still does it
    if not parent_alive(parent):  # died before the line above took effect
        os._exit(1)

    def watch() -> None:
        while parent_alive(parent):
            time.sleep(WATCH_SECONDS)
        os._exit(1)  # an orphan: nobody will collect its PDF

    threading.Thread(target=watch, name="watch-parent", daemon=True).start()


def parent_alive(parent: int, platform: str | None = None) -> bool:
    """Whether the process that started this worker still runs. On POSIX an orphan gets
    a new parent id; on Windows it keeps the dead one, so the process itself is asked."""
    if (platform or sys.platform) == WINDOWS:
        return is_running(parent, WINDOWS)
    return os.getppid() == parent
