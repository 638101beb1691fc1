"""The robustness catalogue, platform cases (issue 12): inputs and events the stack under
the site mishandles on its own, each with the exact message the build gives.

- a top-level English folder named like a language code (``docs/ct/``), which
  mkdocs-static-i18n would take for a language and drop from the English site without a
  word: refused before the build, naming the folder;
- ``./tasks build`` (tools/build_site.py) interrupted by SIGINT or SIGTERM: mkdocs and
  the processes it started are stopped, the staging folder removed, the last good site
  left as it was;
- a build killed with SIGKILL (which nothing can catch): mkdocs stops with it, and the
  next build removes the staging folder it left behind;
- tasks.py, the entry point, on a Python it does not support (older than 3.11, or newer
  than 3.14, even one too old to read tasks.py's syntax), ./tasks where no supported
  Python is on PATH, and a command whose tool this checkout lacks (issue 21);
- a computer without Pango, the system library WeasyPrint draws text with (issue 21): a
  build with PDFs stops with one message naming what to install on that system (the
  exact wording for each system is in tests/unit/test_pdf_native.py), the preview runs
  without PDFs and its PDFs page says why, and WeasyPrint's own notice never shows.
  Replicate: PYTHONPATH=tests/e2e/no_pango ./tasks build /tmp/site (that folder's
  sitecustomize.py makes every library named like Pango fail to load);
- Windows, simulated here (issue 21): a message that names a command names the one a
  Windows user types (``py tasks.py build site``); a build that finds a staging folder asks
  Windows whether its build still runs, and never ``os.kill(pid, 0)``, which there ends
  the process; and every module of the core and the commands imports without SIGHUP,
  SIGKILL, ``os.killpg``, ``os.getuid``, ``os.fork`` or ``fcntl``.

Replicate: copy tests/fixtures/minimal, make the case's edit, then run
``python tools/build_site.py <copy>/public --config-file <copy>/mkdocs.yml`` (or
``mkdocs build --strict -f <copy>/mkdocs.yml``), and send the signal from another shell.
"""

from __future__ import annotations

import ctypes
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT, Project, make_project, sign_everything
from served import PREVIEW, Server
from test_robustness import PLUGIN_ERROR, assert_failed_cleanly, error_blocks, run
from test_tasks import TASKS, shortcut_path

from oncopress.i18n.labels import label
from oncopress.pdf.native import install_advice, os_release

# A top-level folder named like a language code ------------------------------------------

LANGUAGE_FOLDER = (
    "Folder 'docs/ct' is named like a language code: mkdocs-static-i18n would take it for "
    "the pages of language 'ct', and they would not be published at 'ct/'; rename the folder "
    "in docs/ and docs_es/ to a name that is not a language code (a whole word)"
)


def test_a_two_letter_english_folder_is_refused_before_the_build(project: Project) -> None:
    english = (ROOT / "tests/fixtures/minimal/docs/care.md").read_text(encoding="utf-8")
    spanish = (ROOT / "tests/fixtures/minimal/docs_es/care.md").read_text(encoding="utf-8")
    project.write("docs/ct/index.md", english.replace("Care after", "Trials after"))
    project.write("docs_es/ct/index.md", spanish)

    result = run(project)

    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [
        f"Source folder check failed: 1 problem\n  {LANGUAGE_FOLDER}"
    ], result.explain()
    assert result.warnings == [], result.explain()
    assert not result.site.exists(), "nothing may be written, not even the Spanish page"


# Interrupted builds --------------------------------------------------------------------

# A hook that stands for a slow build: once the English pages are written, it starts a
# process of its own (as the PDF workers are), records both process ids and waits.
PAUSE_HOOK = """
import os
import subprocess
import time
from pathlib import Path


def on_post_build(config):
    marker = os.environ.get("PAUSE_MARKER")
    if not marker or Path(marker).exists():
        return
    worker = subprocess.Popen(["sleep", "90"])
    Path(marker).write_text(f"{os.getpid()} {worker.pid}")
    time.sleep(90)
"""


def pausing(project: Project) -> Project:
    """The project, with the pause hook added."""
    (project.root / "hooks" / "pause.py").write_text(PAUSE_HOOK, encoding="utf-8")
    config = project.config()
    config["hooks"] = [*config.get("hooks", []), "hooks/pause.py"]
    project.set_config(config)
    return project


def start_build(project: Project, out: Path, marker: Path | None) -> subprocess.Popen[str]:
    sign_everything(project.root)  # tools/build_site.py builds strictly: pages must be signed
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
    if marker is not None:
        env["PAUSE_MARKER"] = str(marker)
    command = [sys.executable, str(ROOT / "tools/build_site.py"), str(out)]
    command += ["--config-file", str(project.root / "mkdocs.yml")]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def finish(build: subprocess.Popen[str], seconds: int = 120) -> tuple[int, str, str]:
    stdout, stderr = build.communicate(timeout=seconds)
    return build.returncode, stdout, stderr


def paused(build: subprocess.Popen[str], marker: Path, seconds: int = 120) -> tuple[int, int]:
    """Wait until the build sits in the pause hook; the ids of mkdocs and its worker."""
    deadline = time.monotonic() + seconds
    while not (marker.exists() and len(marker.read_text().split()) == 2):
        assert build.poll() is None, f"the build ended first:\n{build.communicate()[1]}"
        assert time.monotonic() < deadline, "the build never reached the pause hook"
        time.sleep(0.1)
    mkdocs, worker = (int(pid) for pid in marker.read_text().split())
    return mkdocs, worker


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie, dead but not yet reaped, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def gone(pid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def end(*pids: int) -> None:
    """Stop what a failing case may have left running."""
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def staging_folders(out: Path) -> list[str]:
    return sorted(path.name for path in out.parent.glob(f".{out.name}-building-*"))


def page_text(out: Path) -> str:
    return (out / "care" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("signum", "before", "message"),
    [
        (
            signal.SIGINT,
            False,
            "Build interrupted (SIGINT): public/ was not replaced (nothing was written).",
        ),
        (
            signal.SIGTERM,
            True,
            "Build interrupted (SIGTERM): public/ was not replaced (the previous site is "
            "unchanged).",
        ),
    ],
    ids=["SIGINT", "SIGTERM"],
)
def test_an_interrupted_build_stops_mkdocs_and_removes_its_staging_folder(
    project: Project, tmp_path: Path, signum: int, before: bool, message: str
) -> None:
    out, marker = project.root / "public", tmp_path / "paused"
    if before:
        code, _, stderr = finish(start_build(project, out, None))
        assert code == 0, stderr
    last_good = page_text(out) if before else None
    build = start_build(pausing(project), out, marker)
    mkdocs = worker = 0
    try:
        mkdocs, worker = paused(build, marker)
        assert len(staging_folders(out)) == 1  # the half-written site
        build.send_signal(signum)
        code, stdout, stderr = finish(build, seconds=60)
        assert stdout == ""
        stopped = gone(mkdocs), gone(worker)
    finally:
        build.kill()
        end(mkdocs, worker)
    assert code == 128 + signum, stderr
    assert stderr.splitlines()[-1] == message, stderr
    assert "Traceback" not in stderr, stderr
    assert stopped == (True, True), "mkdocs, or a process it started, kept running"
    assert staging_folders(out) == []
    assert (page_text(out) if before else None) == last_good
    assert out.exists() == before


def test_the_next_build_removes_what_a_killed_build_left(project: Project, tmp_path: Path) -> None:
    out, marker = project.root / "public", tmp_path / "paused"
    build = start_build(pausing(project), out, marker)
    mkdocs = worker = 0
    try:
        mkdocs, worker = paused(build, marker)
        build.send_signal(signal.SIGKILL)  # no handler runs: nothing is cleaned up
        build.wait(timeout=30)
        assert gone(mkdocs), "mkdocs outlived the build that started it"
    finally:
        build.kill()
        end(mkdocs, worker)  # a real PDF worker ends with mkdocs (its pipe closes); sleep does not
    [left] = staging_folders(out)
    assert left.startswith(f".public-building-{build.pid}-")
    running = out.parent / f".public-building-{os.getpid()}-x"  # a build still running
    running.mkdir()

    code, stdout, stderr = finish(start_build(project, out, None))

    assert code == 0, stderr
    assert stderr.splitlines()[0] == f"Removed {left}/, left behind by an interrupted build."
    assert "Removed" not in "\n".join(stderr.splitlines()[1:])
    assert stdout.startswith(f"Site written to {out} in ")
    assert staging_folders(out) == [running.name]
    assert "Care after treatment" in page_text(out)


# A computer without Pango -------------------------------------------------------------

NO_PANGO = {"PYTHONPATH": str(Path(__file__).resolve().parent / "no_pango")}
# What this computer lacks once Pango does not load (gobject-2.0, loaded first, does).
WITHOUT_PANGO = "PDFs: " + install_advice("pango-1.0", platform.system(), os_release())
WEASYPRINTS_OWN_NOTICE = "WeasyPrint could not import some external libraries"


def test_without_pango_a_build_with_pdfs_stops_with_what_to_install(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "pdf-site")
    sign_everything(project.root)
    out = tmp_path / "public"
    command = [sys.executable, str(ROOT / "tools" / "build_site.py"), str(out)]
    command += ["--config-file", str(project.root / "mkdocs.yml")]
    result = subprocess.run(
        command,
        cwd=project.root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "", **NO_PANGO},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # in the order a terminal shows them
        text=True,
        check=False,
    )
    log = result.stdout
    assert result.returncode == 1, log
    assert [line for line in log.splitlines() if line.strip()] == [
        f"ERROR   -  {WITHOUT_PANGO}",
        PLUGIN_ERROR,
        "Build failed: public/ was not replaced (nothing was written).",
    ], log
    assert not out.exists()


def test_without_pango_weasyprint_says_the_same_in_one_message(tmp_path: Path) -> None:
    """Where the check passed but WeasyPrint fails to load all the same, its engine gives
    the same message, and WeasyPrint's own notice (printed before it fails) is held back."""
    code = (
        "from oncopress.pdf.engine import WeasyPrintEngine\n"
        "try:\n    WeasyPrintEngine().prepare()\n"
        "except ValueError as error:\n    print(type(error).__name__, error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, **NO_PANGO},
        capture_output=True,
        text=True,
        check=False,
    )
    message = WITHOUT_PANGO.removeprefix("PDFs: ")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        f"EngineMissingError {message}\n",
        "",
    )


def test_without_pango_the_preview_runs_and_its_pdfs_page_says_why(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "pdf-site")
    sign_everything(project.root)
    server = Server(project.root, PREVIEW, env=NO_PANGO)
    try:
        for prefix, locale in (("", "en"), ("es/", "es")):
            server.wait(
                f"the {locale} PDFs page", lambda p=prefix: server.get(f"{p}pdfs/")[0] == 200
            )
            page = BeautifulSoup(server.fetch(f"{prefix}pdfs/"), "html.parser")
            notice = page.select(".site-pdf-list--unavailable")
            assert [n.get_text() for n in notice] == [
                label("pdf_list_no_libraries", locale).format(build="./tasks build")
            ]
        assert not any(WEASYPRINTS_OWN_NOTICE in line for line in server.output)
        assert not any("Traceback" in line for line in server.output)
    finally:
        server.stop()


# tasks.py on an unsupported Python, and a missing tool ---------------------------------


@pytest.mark.parametrize(("version", "found"), [((3, 10, 13), "3.10.13"), ((3, 15, 0), "3.15.0")])
def test_another_python_is_told_which_to_use(version: tuple[int, int, int], found: str) -> None:
    other = "py -3.13 tasks.py ..." if os.name == "nt" else "PYTHON=python3.13 ./tasks ..."
    assert TASKS.python_problem(version, "/opt/python") == (
        f"tasks.py needs Python 3.11 to 3.14; this is Python {found} (/opt/python). Run it "
        f"with a supported one, like: {other}"
    )


def test_an_old_python_gets_the_message_not_a_syntax_error(tmp_path: Path) -> None:
    """tasks.py parses on Python 3.7 and later: a machine's old python3 says what to do."""
    versions = ("3.7.16", "3.8.18", "3.10.13")  # pyenv's, where this machine has them
    old = {v: Path(f"/root/.pyenv/versions/{v}/bin/python3") for v in versions}
    old = {version: python for version, python in old.items() if python.exists()}
    if not old:
        pytest.skip("no Python older than 3.11 on this machine")
    for version, python in old.items():
        result = subprocess.run(
            [str(python), str(ROOT / "tasks.py"), "setup"], capture_output=True, text=True
        )
        assert (result.returncode, result.stdout, result.stderr) == (
            2,
            "",
            f"tasks.py needs Python 3.11 to 3.14; this is Python {version} ({python}). Run it "
            "with a supported one, like: PYTHON=python3.13 ./tasks ...\n",
        )


@pytest.mark.skipif(os.name == "nt", reason="./tasks is the POSIX shortcut")
def test_the_shortcut_without_a_supported_python_says_so(tmp_path: Path) -> None:
    env = {**os.environ, "PATH": shortcut_path(tmp_path, {"python3": "exit 1"})}
    env.pop("PYTHON", None)
    result = subprocess.run(
        ["/bin/sh", str(ROOT / "tasks"), "serve"], env=env, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "tasks: needs Python 3.11 to 3.14 (python3 on PATH, or PYTHON=/path/to/python "
        "./tasks ...)\n",
    )


def test_a_command_whose_tool_is_missing_says_so(tmp_path: Path) -> None:
    """``check`` runs tools/check.py, which a checkout may not have yet."""
    shutil.copy2(ROOT / "tasks.py", tmp_path / "tasks.py")
    (tmp_path / "tools").mkdir()
    result = subprocess.run(
        [sys.executable, str(tmp_path / "tasks.py"), "check"], capture_output=True, text=True
    )
    assert (result.returncode, result.stderr) == (
        2,
        "check: tools/check.py is not in this checkout\n",
    )


# Windows, simulated ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("system", "command"),
    [
        ("linux", "./tasks build site"),
        ("darwin", "./tasks build site"),
        ("win32", "py tasks.py build site"),
    ],
)
def test_a_refused_build_names_the_command_of_the_users_system(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    system: str,
    command: str,
) -> None:
    from oncopress.cli import sitebuild

    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("mine", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "platform", system)
    build = command.rsplit(" ", 1)[0]

    assert sitebuild.main(["build_site.py", " "]) == 2
    assert sitebuild.main(["build_site.py", "notes"]) == 2

    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"Build refused: no output folder was named; name a new or empty folder, like: {command}",
        f"Build refused: {tmp_path}/notes/ is not empty and was not made by {build} (it has no "
        f".oncopress-site file); {build} replaces its output folder with the new site, which "
        f"would delete what is in it: name a new or empty folder, like: {command}, or delete "
        "this folder yourself first if it only holds an old site",
    ]
    assert (tmp_path / "notes" / "todo.txt").read_text(encoding="utf-8") == "mine"


def kernel32(alive: set[int]) -> SimpleNamespace:
    """What Windows' kernel32 answers about processes: ``alive`` are running, every other
    process id has ended (exit code 1). Its functions take attributes (``restype``), as
    ctypes' do."""

    def exit_code(handle: int, code: Any) -> int:
        code._obj.value = 259 if handle in alive else 1  # STILL_ACTIVE, or ended
        return 1

    def open_process(access: int, inherit: bool, pid: int) -> int:
        return pid  # every process id still has its record here

    def close_handle(handle: int) -> int:
        return 1

    return SimpleNamespace(
        OpenProcess=open_process, GetExitCodeProcess=exit_code, CloseHandle=close_handle
    )


def test_on_windows_a_staging_folder_is_judged_without_signalling_its_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from oncopress.cli import sitebuild

    out = tmp_path / "site"
    running, ended = tmp_path / ".site-building-4100-a1", tmp_path / ".site-building-4200-b2"
    for folder in (running, ended):
        folder.mkdir()
        (folder / "index.html").write_text("half a site", encoding="utf-8")

    def kill(pid: int, signum: int) -> None:
        raise AssertionError(f"os.kill({pid}, {signum}): on Windows this ends process {pid}")

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "kill", kill)
    monkeypatch.setattr(ctypes, "WinDLL", lambda name, **options: kernel32({4100}), raising=False)
    monkeypatch.setattr(ctypes, "get_last_error", lambda: 0, raising=False)

    assert sitebuild.remove_stale_staging(out) == [".site-building-4200-b2"]
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site-building-4100-a1"]


# Windows lacks these: the signals, the functions of os, the modules.
NOT_ON_WINDOWS = {
    "signal": [
        "SIGHUP",
        "SIGKILL",
        "SIGQUIT",
        "SIGUSR1",
        "SIGUSR2",
        "SIGALRM",
        "SIGCHLD",
        "SIGPIPE",
    ],
    "os": [
        "killpg",
        "getuid",
        "geteuid",
        "getgid",
        "fork",
        "setsid",
        "getpgid",
        "setpgid",
        "chown",
    ],
    "modules": ["fcntl", "pwd", "grp", "termios"],
}
IMPORT_EVERY_MODULE = """
import importlib, json, os, pkgutil, signal, sys
lacking = json.loads(sys.argv[1])
for name in lacking["signal"]:
    delattr(signal, name)
for name in lacking["os"]:
    delattr(os, name)
for name in lacking["modules"]:
    sys.modules[name] = None  # import fails, as there
import oncopress
names, failed = [], []
for module in pkgutil.walk_packages(oncopress.__path__, "oncopress."):
    names.append(module.name)
    try:
        importlib.import_module(module.name)
    except Exception as error:
        failed.append(f"{module.name}: {type(error).__name__}: {error}")
print(json.dumps({"imported": len(names), "failed": failed}))
"""


def test_every_module_imports_where_windows_lacks_posix_signals_and_calls() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", IMPORT_EVERY_MODULE, json.dumps(NOT_ON_WINDOWS)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    # Every module of src/oncopress/ but oncopress/__init__.py, imported before the loop.
    modules = len(list((ROOT / "src" / "oncopress").rglob("*.py"))) - 1
    assert found == {"imported": modules, "failed": []}
