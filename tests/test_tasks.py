"""tasks.py, the entry point on every system, and ./tasks, its POSIX shortcut (issue 21):
the virtual environment's layout on each system, which Python runs it, what setup
installs when something changed (and only then), how to get Chromium on each system, and
the help. A build from a fresh clone without apt is tests/test_fresh_clone.py; the
messages for an unsupported Python or a missing tool are in the robustness catalogue
(tests/e2e/test_robustness_platform.py).

Replicate: ./tasks test tests/test_tasks.py
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
TASKS = SimpleNamespace(**runpy.run_path(str(ROOT / "tasks.py"), run_name="tasks_py"))


@pytest.mark.parametrize(
    ("windows", "python", "uv"),
    [
        (False, ".venv/bin/python", ".venv/bin/uv"),
        (True, ".venv/Scripts/python.exe", ".venv/Scripts/uv.exe"),
    ],
)
def test_the_virtual_environments_layout_on_each_system(
    windows: bool, python: str, uv: str
) -> None:
    venv = Path(".venv")
    assert TASKS.venv_program(venv, "python", windows) == Path(python)
    assert TASKS.venv_program(venv, "uv", windows) == Path(uv)


@pytest.mark.parametrize("version", [(3, 11, 0), (3, 12, 8), (3, 13, 1), (3, 14, 0)])
def test_python_3_11_to_3_14_run_it(version: tuple[int, int, int]) -> None:
    assert TASKS.python_problem(version, "/usr/bin/python3") is None


# ./tasks, the POSIX shortcut ---------------------------------------------------------------


def shortcut_path(tmp_path: Path, programs: dict[str, str]) -> str:
    """A PATH of one folder holding ``dirname`` (which ./tasks uses) and ``programs``: a
    name and the script it runs."""
    folder = tmp_path / "bin"
    folder.mkdir()
    dirname = shutil.which("dirname")
    assert dirname is not None
    (folder / "dirname").symlink_to(dirname)
    for name, script in programs.items():
        (folder / name).write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        (folder / name).chmod(0o755)
    return str(folder)


@pytest.mark.skipif(os.name == "nt", reason="./tasks is the POSIX shortcut")
def test_the_shortcut_runs_tasks_py_with_the_first_supported_python(tmp_path: Path) -> None:
    supported = sys._base_executable  # type: ignore[attr-defined]
    path = shortcut_path(
        tmp_path,
        {"python3": "exit 1", "python3.13": f'exec "{supported}" "$@"'},  # python3: too old
    )
    env = {**os.environ, "PATH": path}
    env.pop("PYTHON", None)
    result = subprocess.run(
        ["/bin/sh", str(ROOT / "tasks")], env=env, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (2, TASKS.USAGE + "\n")


def test_the_help_lists_every_command() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tasks.py"), "help"], capture_output=True, text=True
    )
    assert result.returncode == 2
    indented = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    commands = [line.split()[0] for line in indented if not line.startswith("   ")]
    assert commands[1:] == [
        "serve",
        "build",
        "test",
        "sign-off",
        "status",
        "move",
        "check",
        "setup",
        "lock",
    ]


# Setup: what it installs, and when -------------------------------------------------------


class RecordingSetup(TASKS.Setup):  # type: ignore[name-defined,misc]
    """Setup on a fake project whose venv and pip only record what they were asked."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.done: list[str] = []

    def make_venv(self) -> None:
        self.done.append("new .venv")
        self.python.parent.mkdir(parents=True, exist_ok=True)
        self.python.write_text("", encoding="utf-8")

    def pip(self, *args: str) -> None:
        self.done.append(args[-1])


@pytest.fixture
def fake(tmp_path: Path) -> RecordingSetup:
    for name, text in (
        ("requirements.txt", "runtime 1"),
        ("requirements-dev.txt", "dev 1"),
        ("pyproject.toml", "project 1"),
    ):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return RecordingSetup(tmp_path)


def steps(setup: RecordingSetup, dev: bool = False) -> list[str]:
    setup.done.clear()
    setup.run(dev=dev)
    return list(setup.done)


def test_setup_installs_the_runtime_lock_then_the_project(
    fake: RecordingSetup, capsys: Any
) -> None:
    assert steps(fake) == ["new .venv", "requirements.txt", "."]
    assert capsys.readouterr().err == (
        "setup: installing the locked Python packages (requirements.txt) into .venv/\n"
        f"{TASKS.PLATFORM_NOTE}\n"
        "setup: installing the project's core package (src/oncopress/) into .venv/\n"
    )
    assert steps(fake) == []  # nothing changed: nothing to do
    stamp = json.loads((fake.venv / ".installed").read_text(encoding="utf-8"))
    assert stamp["dev"] is None and stamp["project"][1] == str(fake.root / "src")


def test_the_tests_add_the_development_lock_and_the_editor_keeps_it(fake: RecordingSetup) -> None:
    steps(fake)
    assert steps(fake, dev=True) == ["requirements-dev.txt"]
    assert steps(fake, dev=True) == []
    assert steps(fake) == []  # serve after test: the test tools may stay


@pytest.mark.parametrize(
    ("changed", "dev", "expected"),
    [
        ("requirements.txt", False, ["new .venv", "requirements.txt", "."]),
        (
            "requirements.txt",
            True,
            ["new .venv", "requirements.txt", "requirements-dev.txt", "."],
        ),
        (
            "requirements-dev.txt",
            True,
            ["new .venv", "requirements.txt", "requirements-dev.txt", "."],
        ),
        ("requirements-dev.txt", False, []),  # the editor's commands do not need it
        ("pyproject.toml", False, ["."]),
    ],
)
def test_a_changed_lock_makes_the_environment_again_and_pyproject_only_the_project(
    fake: RecordingSetup, changed: str, dev: bool, expected: list[str]
) -> None:
    steps(fake, dev=True)
    (fake.root / changed).write_text("changed", encoding="utf-8")
    assert steps(fake, dev=dev) == expected


def test_a_venv_from_another_checkout_gets_this_checkouts_project(fake: RecordingSetup) -> None:
    steps(fake)
    stamp = json.loads((fake.venv / ".installed").read_text(encoding="utf-8"))
    stamp["project"][1] = "/elsewhere/src"
    (fake.venv / ".installed").write_text(json.dumps(stamp), encoding="utf-8")
    assert steps(fake) == ["."]


def test_an_old_stamp_or_a_missing_python_makes_the_environment_again(
    fake: RecordingSetup,
) -> None:
    steps(fake)
    (fake.venv / ".installed").write_text("abc123 def456 /x/src\n", encoding="utf-8")  # bash's
    assert steps(fake) == ["new .venv", "requirements.txt", "."]
    fake.python.unlink()
    assert steps(fake) == ["new .venv", "requirements.txt", "."]


# Chromium for the browser tests --------------------------------------------------------

PLAYWRIGHT = "Playwright's own, without administrator rights: "
POSIX = ".venv/bin/python -m playwright install chromium"
NOT_BROWSER = './tasks test -m "not browser"'


@pytest.mark.parametrize(
    ("system", "release", "advice"),
    [
        (
            "Linux",
            {"ID": "debian"},
            "Debian's: sudo apt install chromium (./tasks test installs it when run as root "
            f"or with sudo), or {PLAYWRIGHT}{POSIX}; or set CHROMIUM to one you have. "
            f"Without it: {NOT_BROWSER}",
        ),
        (
            "Linux",
            {"ID": "fedora"},
            f"{PLAYWRIGHT}{POSIX} (its system libraries need your package manager); or set "
            f"CHROMIUM to one you have. Without it: {NOT_BROWSER}",
        ),
        (
            "Darwin",
            {},
            f"{PLAYWRIGHT}{POSIX}; or set CHROMIUM to one you have. Without it: {NOT_BROWSER}",
        ),
        (
            "Windows",
            {},
            f"{PLAYWRIGHT}.venv\\Scripts\\python.exe -m playwright install chromium; or set "
            'CHROMIUM to one you have. Without it: py tasks.py test -m "not browser"',
        ),
    ],
)
def test_the_test_command_says_how_to_get_chromium_on_each_system(
    system: str, release: dict[str, str], advice: str
) -> None:
    assert TASKS.chromium_advice(system, release) == (
        f"the browser tests need Chromium, and there is none here. Install {advice}"
    )


def test_chromium_is_the_one_named_else_debians_else_playwrights(tmp_path: Path) -> None:
    assert TASKS.system_chromium({"CHROMIUM": "/opt/chromium"}) == "/opt/chromium"
    debian = TASKS.DEBIAN_CHROMIUM if Path(TASKS.DEBIAN_CHROMIUM).exists() else None
    assert TASKS.system_chromium({}) == debian
    browsers = tmp_path / "ms-playwright"
    assert not TASKS.playwright_chromium_installed({"PLAYWRIGHT_BROWSERS_PATH": str(browsers)})
    (browsers / "chromium-1234").mkdir(parents=True)
    assert TASKS.playwright_chromium_installed({"PLAYWRIGHT_BROWSERS_PATH": str(browsers)})
