"""An editor's computer, as issue 21 asks: no apt, no dpkg, no sudo. A fresh clone of this
checkout (its last commit) builds the whole site, PDFs included, with nothing but
``python tasks.py build DIR``: setup makes .venv/ from the runtime lock (wheels from the
package index, or pip's cache) and never asks for a system package; and the environment
it makes holds none of the test tools.

Marked ``fresh_clone``: it takes one to two minutes (mostly pip); CI runs it, and
``./tasks test -m "not fresh_clone"`` leaves it out.

Replicate: git clone . /tmp/clone && cd /tmp/clone && PATH=<a folder holding only python3,
git and sh> python3 tasks.py build /tmp/clone-site
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEST_TOOLS = {"pytest", "pytest-xdist", "playwright", "ruff", "mypy", "hypothesis", "uv"}
ADMIN_TOOLS = ("apt", "apt-get", "dpkg", "dpkg-query", "sudo")
# What the child environment keeps of this one: nothing that points into this checkout's
# .venv/, and no Python settings of the test run.
DROPPED = ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "PYTHONDONTWRITEBYTECODE", "CHROMIUM")


def editors_path(folder: Path) -> str:
    """A PATH of one folder with links to the only programs an editor needs: a Python 3.11+
    (the one these tests run on, not its virtual environment), git and sh."""
    folder.mkdir()
    python = Path(sys._base_executable).resolve()  # type: ignore[attr-defined]
    for name, target in (
        ("python3", python),
        ("python", python),
        ("git", shutil.which("git")),
        ("sh", shutil.which("sh")),
    ):
        assert target is not None, name
        (folder / name).symlink_to(target)
    return str(folder)


@pytest.mark.fresh_clone
@pytest.mark.skipif(os.name == "nt", reason="the links need a POSIX system")
def test_a_fresh_clone_builds_the_site_without_apt_dpkg_or_sudo(tmp_path: Path) -> None:
    clone, out = tmp_path / "clone", tmp_path / "public"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    path = editors_path(tmp_path / "bin")
    assert [name for name in ADMIN_TOOLS if shutil.which(name, path=path)] == []
    env = {k: v for k, v in os.environ.items() if k not in DROPPED} | {"PATH": path}

    started = time.monotonic()
    result = subprocess.run(
        [str(Path(path) / "python3"), "tasks.py", "build", str(out)],
        cwd=clone,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    seconds = time.monotonic() - started
    print(f"fresh clone: setup and build in {seconds:.0f} s")  # shown with -n 0 -s

    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "setup: installing the locked Python packages (requirements.txt)" in log
    assert "requirements-dev.txt" not in log
    for page in ("index.html", "es/index.html", "pdf/booklet.pdf", "es/pdf/booklet.pdf"):
        assert (out / page).is_file(), page

    names = subprocess.run(
        [
            str(clone / ".venv" / "bin" / "python"),
            "-c",
            "import importlib.metadata as m; print('\\n'.join(d.metadata['Name'] for d in "
            "m.distributions()))",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    installed = {name.lower().replace("_", "-") for name in names}
    assert "mkdocs" in installed
    assert installed & TEST_TOOLS == set()
