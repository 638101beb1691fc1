"""The publishers' guide's "Platform and its exit" section (guides/publishers.md) stays
true: what the stack says about its own end of life, what the lock pins, and that the core
could move to another runner as it is.

Replicate: ./tasks test tests/test_platform.py
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import runpy
import subprocess
import sys
import tomllib
from datetime import date, datetime
from importlib.metadata import distribution, requires, version
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import oncopress

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_END_OF_LIFE = date(2027, 5, 5)
NOTE = (
    "setup: note: Material for MkDocs 9.x reaches end of life on 2027-05-05; tasks.py silences "
    "its notice (README: Platform, for the exit plan)"
)
# What the core must never need: MkDocs, its forks and successors, and their plugins.
RUNNER_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n", "mkdocs_bibtex", "properdocs"}


def platform_section() -> str:
    text = (ROOT / "guides" / "publishers.md").read_text(encoding="utf-8")
    start = text.index("## Platform and its exit")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


RUNTIME_LOCK, DEV_LOCK = "requirements.txt", "requirements-dev.txt"
# What the editor's environment (the runtime lock) never holds: the test tools, and uv.
TEST_TOOLS = {"pytest", "pytest-xdist", "playwright", "ruff", "mypy", "hypothesis", "uv"}
TASKS = SimpleNamespace(**runpy.run_path(str(ROOT / "tasks.py"), run_name="tasks_py"))


def locked(lock: str = RUNTIME_LOCK) -> list[tuple[Requirement, list[str]]]:
    """Each requirement of a lock with its hashes."""
    entries: list[tuple[Requirement, list[str]]] = []
    text = (ROOT / lock).read_text(encoding="utf-8")
    for entry in text.replace("\\\n", " ").splitlines():
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        requirement, *options = entry.split(" --")
        hashes = [o.removeprefix("hash=").strip() for o in options if o.startswith("hash=")]
        entries.append((Requirement(requirement), hashes))
    return entries


def project_table() -> dict[str, Any]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def declared(lock: str) -> list[Requirement]:
    """What ``lock`` must pin: the runtime dependencies, and for the development lock, the
    extras too."""
    project = project_table()
    extras = project["optional-dependencies"].values() if lock == DEV_LOCK else []
    return [Requirement(r) for r in project["dependencies"] + [r for e in extras for r in e]]


def pins(lock: str) -> dict[str, str]:
    """Each package of ``lock`` (canonical name) with its line and hashes, as written."""
    text = (ROOT / lock).read_text(encoding="utf-8").replace("\\\n", " ")
    found = {}
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            requirement = Requirement(entry.split(" --")[0])
            found[f"{canonicalize_name(requirement.name)} {requirement.marker}"] = entry
    return found


def pinned_version(requirement: Requirement) -> str:
    [specifier] = requirement.specifier
    assert specifier.operator == "==", f"{requirement} is not pinned to one version"
    return specifier.version


@pytest.mark.parametrize(("lock", "at_least"), [(RUNTIME_LOCK, 50), (DEV_LOCK, 90)])
def test_the_lock_pins_every_package_with_hashes(lock: str, at_least: int) -> None:
    entries = locked(lock)
    assert len(entries) > at_least
    for requirement, hashes in entries:
        pinned_version(requirement)
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), (
            f"{requirement.name} has no sha256 hash in {lock}"
        )


@pytest.mark.parametrize("lock", [RUNTIME_LOCK, DEV_LOCK])
def test_the_lock_covers_every_declared_dependency_within_its_range(lock: str) -> None:
    pins: dict[str, list[str]] = {}
    for requirement, _ in locked(lock):
        pins.setdefault(canonicalize_name(requirement.name), []).append(pinned_version(requirement))
    for requirement in declared(lock):
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is declared but not locked: run ./tasks lock"
        for pin in versions:
            assert requirement.specifier.contains(pin, prereleases=True), (
                f"{lock} pins {requirement.name}=={pin}, outside {requirement}: run ./tasks lock"
            )


def test_the_editors_environment_holds_no_test_tool() -> None:
    """The runtime lock (what ./tasks setup, serve, build, status and sign-off install)
    holds none of the test tools; tests/e2e/test_fresh_clone.py looks in such an
    environment too."""
    names = {canonicalize_name(requirement.name) for requirement, _ in locked(RUNTIME_LOCK)}
    assert names & TEST_TOOLS == set()
    dev = {canonicalize_name(requirement.name) for requirement, _ in locked(DEV_LOCK)}
    assert TEST_TOOLS <= dev


def test_the_development_lock_holds_the_runtime_lock_as_it_is() -> None:
    """Same versions, same files (hashes): the tests run what editors run."""
    runtime, dev = pins(RUNTIME_LOCK), pins(DEV_LOCK)
    assert {key: dev.get(key) for key in runtime} == runtime


def test_the_runtime_lock_brings_what_the_editable_install_needs() -> None:
    """./tasks setup installs the project with --no-build-isolation: its build backend
    (setuptools) must come from the runtime lock."""
    build = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]
    versions = {canonicalize_name(r.name): pinned_version(r) for r, _ in locked(RUNTIME_LOCK)}
    for requirement in map(Requirement, build["requires"]):
        assert requirement.specifier.contains(versions[canonicalize_name(requirement.name)])


def test_the_supported_pythons_are_the_same_everywhere() -> None:
    """pyproject.toml's requires-python, what tasks.py accepts, and the Pythons whose wheels
    ./tasks lock checks."""
    assert project_table()["requires-python"] == ">=3.11,<3.15"
    assert (TASKS.OLDEST, TASKS.NEWEST) == ((3, 11), (3, 14))
    assert TASKS.WHEEL_PYTHONS == ("3.11", "3.12", "3.13", "3.14")


def test_every_locked_package_has_a_wheel_for_every_platform_and_python() -> None:
    """Setup installs wheels only (--only-binary :all:): Linux x86_64 and aarch64, macOS
    Intel and Apple silicon, Windows x86_64, Python 3.11 to 3.14, as ./tasks lock checks.
    Reads the package index (or uv's cache): about 15 s."""
    uv = TASKS.venv_program(ROOT / ".venv", "uv")
    assert TASKS.wheel_gaps(str(uv), ROOT / DEV_LOCK) == ""


def test_the_environment_holds_exactly_the_locked_versions() -> None:
    environment = {k: str(v) for k, v in default_environment().items()}
    for requirement, _ in locked(DEV_LOCK):
        if requirement.marker is None or requirement.marker.evaluate(environment):
            assert version(requirement.name) == pinned_version(requirement), requirement.name
    stamp = json.loads((ROOT / ".venv" / ".installed").read_text(encoding="utf-8"))
    assert stamp == setup_stamp(), (
        "pyproject.toml or a lock changed since .venv/ was set up: run ./tasks test"
    )


def test_the_core_is_installed_from_this_checkout() -> None:
    """An editable install: the hooks, tools and tests import src/oncopress/ of this
    checkout, with no sys.path edits."""
    assert Path(oncopress.__file__).resolve() == ROOT / "src" / "oncopress" / "__init__.py"
    assert distribution("survivorship-site").read_text("direct_url.json") is not None


def setup_stamp() -> dict[str, object]:
    """What ./tasks test records in .venv/.installed: both locks' hashes, pyproject.toml's
    hash and the folder the core is installed from."""
    return {
        "runtime": hashlib.sha256((ROOT / RUNTIME_LOCK).read_bytes()).hexdigest(),
        "dev": hashlib.sha256((ROOT / DEV_LOCK).read_bytes()).hexdigest(),
        "project": [
            hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest(),
            str(ROOT / "src"),
        ],
    }


def test_setup_prints_one_line_about_the_silenced_notice() -> None:
    stamp = json.loads((ROOT / ".venv" / ".installed").read_text(encoding="utf-8"))
    if stamp != setup_stamp():  # ./tasks setup would change the environment this test runs in
        pytest.fail("pyproject.toml or a lock changed since .venv/ was set up: run ./tasks test")
    result = subprocess.run(
        [str(ROOT / "tasks"), "setup"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", NOTE + "\n")


def test_materials_own_notice_gives_the_end_of_life_the_guide_gives() -> None:
    # The notice shows when Material is imported by a program named mkdocs.
    code = "import sys; sys.argv[0] = 'mkdocs'; import material.templates"
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    [said] = re.findall(
        r"Material for MkDocs reaches end of life on (\w+ \d+, \d{4})\.", result.stderr
    )
    assert datetime.strptime(said, "%B %d, %Y").date() == MATERIAL_END_OF_LIFE
    assert MATERIAL_END_OF_LIFE.isoformat() in platform_section()
    assert MATERIAL_END_OF_LIFE.isoformat() in (ROOT / "README.md").read_text(encoding="utf-8")
    assert MATERIAL_END_OF_LIFE.isoformat() in NOTE
    assert TASKS.environment(keep_bytecode=True)["NO_MKDOCS_2_WARNING"] == "1"
    assert TASKS.environment(keep_bytecode=False)["NO_MKDOCS_2_WARNING"] == "1"


def test_the_versions_the_guide_names_are_the_ones_installed() -> None:
    section = platform_section()
    for package in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "mkdocs-bibtex"):
        assert f"{package} {version(package)}" in section, package


def test_mkdocs_static_i18n_declares_an_older_material_for_its_extra() -> None:
    extra = [r for r in requires("mkdocs-static-i18n") or [] if "extra ==" in r]
    assert extra == ["mkdocs-material<9.7.2; extra == 'material'"]
    assert not Requirement("mkdocs-material<9.7.2").specifier.contains(version("mkdocs-material"))


def test_the_core_imports_nothing_from_mkdocs_or_its_plugins() -> None:
    """What moves to another runner is the adapters (hooks/*.py), the commands
    (oncopress.cli, which drive MkDocs) and the templates."""
    code = (
        "import importlib, pkgutil, sys; import oncopress\n"
        "for m in pkgutil.walk_packages(oncopress.__path__, 'oncopress.'):\n"
        "    if not m.name.startswith('oncopress.cli.'): importlib.import_module(m.name)\n"
        "print(' '.join(sorted({n.split('.')[0] for n in sys.modules})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = set(result.stdout.split())
    # the core's own libraries (textstat and pylabeador are imported only when a page is
    # scored)
    assert {"oncopress", "pybtex", "babel", "lxml"} <= loaded
    assert loaded & RUNNER_PACKAGES == set()
