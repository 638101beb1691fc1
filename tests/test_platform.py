"""The publishers' guide's "Platform and its exit" section (guides/publishers.md) stays
true: what the stack says about its own end of life, what the lock pins, and that the core
could move to another runner as it is.

Replicate: ./tasks test tests/test_platform.py
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import tomllib
from datetime import date, datetime
from importlib.metadata import distribution, requires, version
from pathlib import Path

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import oncopress

ROOT = Path(__file__).resolve().parent.parent
MATERIAL_END_OF_LIFE = date(2027, 5, 5)
NOTE = (
    "setup: note: Material for MkDocs 9.x reaches end of life on 2027-05-05; ./tasks silences "
    "its notice (README: Platform, for the exit plan)"
)
# What the core must never need: MkDocs, its forks and successors, and their plugins.
RUNNER_PACKAGES = {"mkdocs", "material", "mkdocs_static_i18n", "mkdocs_bibtex", "properdocs"}


def platform_section() -> str:
    text = (ROOT / "guides" / "publishers.md").read_text(encoding="utf-8")
    start = text.index("## Platform and its exit")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def locked() -> list[tuple[Requirement, list[str]]]:
    """Each requirement of requirements.lock with its hashes."""
    entries: list[tuple[Requirement, list[str]]] = []
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    for entry in text.replace("\\\n", " ").splitlines():
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        requirement, *options = entry.split(" --")
        hashes = [o.removeprefix("hash=").strip() for o in options if o.startswith("hash=")]
        entries.append((Requirement(requirement), hashes))
    return entries


def declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"].values()
    return [Requirement(r) for r in project["dependencies"] + [r for e in extras for r in e]]


def pinned_version(requirement: Requirement) -> str:
    [specifier] = requirement.specifier
    assert specifier.operator == "==", f"{requirement} is not pinned to one version"
    return specifier.version


def test_the_lock_pins_every_package_with_hashes() -> None:
    entries = locked()
    assert len(entries) > 50
    for requirement, hashes in entries:
        pinned_version(requirement)
        assert hashes and all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes), (
            f"{requirement.name} has no sha256 hash in requirements.lock"
        )


def test_the_lock_covers_every_declared_dependency_within_its_range() -> None:
    pins: dict[str, list[str]] = {}
    for requirement, _ in locked():
        pins.setdefault(canonicalize_name(requirement.name), []).append(pinned_version(requirement))
    for requirement in declared():
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is declared but not locked: run ./tasks lock"
        for pin in versions:
            assert requirement.specifier.contains(pin, prereleases=True), (
                f"requirements.lock pins {requirement.name}=={pin}, outside {requirement}: "
                "run ./tasks lock"
            )


def test_the_environment_holds_exactly_the_locked_versions() -> None:
    environment = {k: str(v) for k, v in default_environment().items()}
    for requirement, _ in locked():
        if requirement.marker is None or requirement.marker.evaluate(environment):
            assert version(requirement.name) == pinned_version(requirement), requirement.name
    stamp = (ROOT / ".venv" / ".installed").read_text(encoding="utf-8").split()
    assert stamp == setup_stamp(), (
        "pyproject.toml or requirements.lock changed since .venv/ was set up: run ./tasks setup"
    )


def test_the_core_is_installed_from_this_checkout() -> None:
    """An editable install: the hooks, tools and tests import src/oncopress/ of this
    checkout, with no sys.path edits."""
    assert Path(oncopress.__file__).resolve() == ROOT / "src" / "oncopress" / "__init__.py"
    assert distribution("survivorship-site").read_text("direct_url.json") is not None


def setup_stamp() -> list[str]:
    """What ./tasks setup records in .venv/.installed: the lock's hash, pyproject.toml's
    hash and the folder the core is installed from."""
    return [
        hashlib.sha256((ROOT / "requirements.lock").read_bytes()).hexdigest(),
        hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest(),
        str(ROOT / "src"),
    ]


def test_setup_prints_one_line_about_the_silenced_notice() -> None:
    stamp = (ROOT / ".venv" / ".installed").read_text(encoding="utf-8").split()
    if stamp != setup_stamp():  # ./tasks setup would change the environment this test runs in
        pytest.fail(
            "pyproject.toml or requirements.lock changed since .venv/ was set up: run ./tasks setup"
        )
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
    assert "export NO_MKDOCS_2_WARNING=1" in (ROOT / "tasks").read_text(encoding="utf-8")


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
