"""What differs between Windows, macOS and Linux (oncopress.system, issue 21), each
system's branch run here by naming the platform: the command a message tells the user to
type, the stop signals, whether a process runs (never by ``os.kill(pid, 0)`` on Windows,
which ends it), the child's process group and how it is stopped, and how PDF workers start
(spawn on macOS and Windows: tested here with the spawn context, and a real PDF).

Replicate: ./tasks test tests/unit/test_system.py
"""

from __future__ import annotations

import ntpath
import os
import signal
import subprocess
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath
from types import SimpleNamespace
from typing import Any

import pytest
from conftest import site_files
from test_pdf_render import JOBS, FakeEngine

from oncopress import system
from oncopress.checks.preflight import source_path
from oncopress.cli.editor import ledger_key
from oncopress.pdf import render
from oncopress.pdf.cache import PdfCache
from oncopress.pdf.engine import WeasyPrintEngine
from oncopress.pdf.render import PdfJob, RenderReport, render_all

# The command a message names ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", "./tasks build site"),
        ("darwin", "./tasks build site"),
        ("win32", "py tasks.py build site"),
    ],
)
def test_a_command_is_worded_as_the_user_types_it_there(platform: str, expected: str) -> None:
    assert system.tasks_command("build site", platform) == expected


def test_the_command_follows_the_running_system(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert system.tasks_command("sign-off docs/care.md --by ID") == (
        "py tasks.py sign-off docs/care.md --by ID"
    )


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", "./tasks sign-off docs_es/care.md --by lopez"),
        ("win32", "py tasks.py sign-off docs_es/care.md --by lopez"),
    ],
)
def test_the_sign_off_a_message_suggests_is_the_systems(
    monkeypatch: pytest.MonkeyPatch, platform: str, expected: str
) -> None:
    from oncopress.ledger.signoff import suggested_command

    record = SimpleNamespace(
        path="docs_es/care.md", reviewers=("lopez",), locale="en", medical=False
    )
    monkeypatch.setattr(sys, "platform", platform)
    assert suggested_command(record, "en") == expected


@pytest.mark.parametrize(
    ("locale", "end"),
    [
        ("en", "(py tasks.py build says how to install them)."),
        ("es", "(py tasks.py build indica cómo instalarlas)."),
    ],
)
def test_the_preview_pdfs_page_names_the_windows_command(
    monkeypatch: pytest.MonkeyPatch, locale: str, end: str
) -> None:
    from oncopress.pdf.listing import render_unavailable

    monkeypatch.setattr(sys, "platform", "win32")
    assert render_unavailable(locale, no_libraries=True).endswith(f"{end}</p>")


# Ledger keys ---------------------------------------------------------------------------------


def test_ledger_keys_are_posix_paths_on_windows_too() -> None:
    root = PureWindowsPath(r"C:\Users\Ana\survivorship")
    assert ledger_key(root / "docs_es" / "care.md", root) == "docs_es/care.md"
    assert ledger_key(PureWindowsPath(r"C:\Users\Ana\survivorship\docs\a b\é.md"), root) == (
        "docs/a b/é.md"
    )
    assert ledger_key(PureWindowsPath(r"D:\other\care.md"), root) is None
    posix = PurePosixPath("/home/ana/survivorship")
    assert ledger_key(posix / "docs" / "care.md", posix) == "docs/care.md"


def test_source_paths_use_slashes_on_windows_too() -> None:
    root = str(PureWindowsPath(r"C:\Users\Ana\survivorship"))
    page = str(PureWindowsPath(root) / "docs_es" / "survivorship" / "care.md")
    assert source_path(page, "es/survivorship/care.md", root, ntpath) == (
        "docs_es/survivorship/care.md"
    )
    assert source_path(None, "es/care.md", root, ntpath) == "es/care.md"


# Stop signals ------------------------------------------------------------------------------

# What Windows' signal module has (CPython 3.11-3.14 on win32): no SIGHUP, no SIGKILL.
WINDOWS_SIGNAL = SimpleNamespace(
    SIGINT=signal.SIGINT, SIGTERM=signal.SIGTERM, SIGBREAK=21, SIGABRT=22, SIGFPE=8
)


def test_the_stop_signals_of_each_system() -> None:
    assert system.stop_signals() == (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
    assert system.stop_signals(WINDOWS_SIGNAL) == (signal.SIGINT, signal.SIGTERM, 21)


# Whether a process runs --------------------------------------------------------------------


class Kernel32:
    """Windows' kernel32 as is_running uses it: ``processes`` maps a pid to its exit code
    (259: still running); any other pid does not exist; ``denied``, one we may not open."""

    def __init__(self, processes: dict[int, int], denied: tuple[int, ...] = ()) -> None:
        self.processes, self.denied = processes, denied
        self.error = 0
        self.closed: list[int] = []

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        assert access == 0x1000 and inherit is False
        if pid in self.denied:
            self.error = 5
            return 0
        if pid not in self.processes:
            self.error = 87  # ERROR_INVALID_PARAMETER
            return 0
        return pid + 1000

    def GetExitCodeProcess(self, handle: int, code: Any) -> int:
        code._obj.value = self.processes[handle - 1000]
        return 1

    def CloseHandle(self, handle: int) -> int:
        self.closed.append(handle)
        return 1

    def last_error(self) -> int:
        return self.error


def refuse(pid: int, signum: int) -> None:
    raise AssertionError(f"os.kill({pid}, {signum}) on Windows ends the process")


def test_windows_asks_the_process_and_never_signals_it() -> None:
    kernel32 = Kernel32({40: 259, 41: 0}, denied=(42,))
    running = [system.is_running(pid, "win32", kernel32, refuse) for pid in (40, 41, 42, 43)]
    assert running == [True, False, True, False]  # running, ended, someone else's, none
    assert kernel32.closed == [1040, 1041]


def test_posix_checks_with_signal_zero() -> None:
    sent: list[tuple[int, int]] = []

    def kill(pid: int, signum: int) -> None:
        sent.append((pid, signum))
        if pid == 2:
            raise ProcessLookupError
        if pid == 3:
            raise PermissionError

    assert [system.is_running(pid, "linux", kill=kill) for pid in (1, 2, 3)] == [
        True,
        False,
        True,
    ]
    assert sent == [(1, 0), (2, 0), (3, 0)]
    assert system.is_running(os.getpid()) is True


def test_the_build_and_the_preview_never_signal_a_process_to_test_it() -> None:
    root = Path(__file__).resolve().parents[2] / "src" / "oncopress"
    found = [
        f"{path.relative_to(root)}:{number}"
        for path in sorted(root.rglob("*.py"))
        if path.name != "system.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "os.kill(" in line or "os.killpg(" in line or "preexec_fn=" in line
    ]
    assert found == []


# The child's process group -----------------------------------------------------------------


def test_a_child_gets_a_group_of_its_own_on_each_system() -> None:
    def preexec() -> None:
        pass

    assert system.group_options("linux", preexec) == {
        "start_new_session": True,
        "preexec_fn": preexec,
    }
    assert system.group_options("darwin", preexec)["start_new_session"] is True
    # Windows: no preexec_fn (Popen refuses it there), a new process group instead.
    assert system.group_options("win32", preexec) == {"creationflags": 0x200}


class Child:
    """A Popen as stop_group uses it: it stops within the grace time, or lingers."""

    pid = 4242

    def __init__(self, stops: bool) -> None:
        self.stops = stops
        self.calls: list[str] = []

    def wait(self, timeout: float | None = None) -> int:
        self.calls.append(f"wait {timeout}")
        if timeout is not None and not self.stops:
            raise subprocess.TimeoutExpired("mkdocs", timeout)
        return 0

    def kill(self) -> None:
        self.calls.append("kill")


@pytest.mark.parametrize("stops", [True, False], ids=["stops", "lingers"])
def test_windows_stops_the_tree_with_ctrl_break_then_taskkill(stops: bool) -> None:
    child, calls = Child(stops), list[object]()

    def kill(pid: int, signum: int) -> None:
        calls.append(("kill", pid, signum))

    def run(command: list[str], **options: object) -> None:
        calls.append(tuple(command))

    system.stop_group(child, 10, "win32", kill, run)
    taskkill = ("taskkill", "/T", "/F", "/PID", "4242")
    ctrl_break = getattr(signal, "CTRL_BREAK_EVENT", 1)
    if stops:
        assert calls == [("kill", 4242, ctrl_break), taskkill]
        assert child.calls == ["wait 10"]
    else:
        assert calls == [("kill", 4242, ctrl_break), taskkill, taskkill]
        assert child.calls == ["wait 10", "kill", "wait None"]


def test_posix_stops_the_group_with_sigterm_then_sigkill() -> None:
    child, calls = Child(False), list[tuple[int, int]]()

    def killpg(pid: int, signum: int) -> None:
        calls.append((pid, signum))
        if len(calls) == 3:
            raise ProcessLookupError  # nothing left in the group

    system.stop_group(child, 10, "linux", killpg)
    assert calls == [(4242, signal.SIGTERM), (4242, signal.SIGKILL), (4242, signal.SIGKILL)]
    assert child.calls == ["wait 10", "wait None"]


# PDF workers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("platform", "method"), [("linux", "fork"), ("darwin", "spawn"), ("win32", "spawn")]
)
def test_pdf_workers_fork_on_linux_only(platform: str, method: str) -> None:
    assert system.worker_context(platform).get_start_method() == method


def render_spawned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: list[PdfJob], engine: object
) -> RenderReport:
    """render_all with two workers started as on macOS and Windows (spawn), here."""
    used: list[str] = []

    def spawn() -> object:
        context = system.worker_context("darwin")
        used.append(context.get_start_method())
        return context

    monkeypatch.setattr(render, "worker_context", spawn)
    (tmp_path / "site").mkdir(exist_ok=True)
    report = render_all(
        jobs,
        stylesheet="h1 { color: navy }",
        engine=engine,  # type: ignore[arg-type]
        site_dir=tmp_path / "site",
        cache=PdfCache(tmp_path / "cache"),
        workers=2,
    )
    assert used == ["spawn"]
    return report


def test_the_pool_renders_with_spawned_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = render_spawned(tmp_path, monkeypatch, JOBS, FakeEngine())
    assert report.rendered == 3
    assert site_files(tmp_path / "site") == {
        "es/pdf/b.pdf": b"%PDF-fake <p>b</p>",
        "pdf/a.pdf": b"%PDF-fake <p>a</p>",
        "pdf/booklet.pdf": b"%PDF-fake <p>a b</p>",
    }


def test_weasyprint_renders_in_spawned_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = '<html lang="{0}"><head><title>{1}</title></head><body><h1>{1}</h1></body></html>'
    jobs = [
        PdfJob(f"pdf/{name}.pdf", f"docs/{name}.md", "en", name, None, html.format("en", name))
        for name in ("one", "two")
    ]
    report = render_spawned(tmp_path, monkeypatch, jobs, WeasyPrintEngine())
    assert [(result.job.output, result.reused) for result in report.results] == [
        ("pdf/one.pdf", False),
        ("pdf/two.pdf", False),
    ]
    assert all((tmp_path / "site" / job.output).read_bytes()[:5] == b"%PDF-" for job in jobs)


def test_a_worker_on_windows_asks_whether_its_parent_still_runs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[int, str | None]] = []

    def is_running(pid: int, platform: str | None = None) -> bool:
        asked.append((pid, platform))
        return pid == 7

    monkeypatch.setattr(render, "is_running", is_running)
    # On Windows an orphan keeps its dead parent's id: getppid() would say it lives.
    monkeypatch.setattr(os, "getppid", lambda: 8)
    assert render.parent_alive(7, "win32") is True
    assert render.parent_alive(8, "win32") is False
    assert asked == [(7, "win32"), (8, "win32")]
    assert render.parent_alive(8, "linux") is True
    assert render.parent_alive(7, "darwin") is False
