"""The code stays formatted, lint-free and (for the core) strictly typed.

Replicate: .venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CODE = ["src", "hooks", "tests", "tools", "bench"]


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", *CODE],
        ["ruff", "format", "--check", *CODE],
        ["mypy"],  # files and strictness from pyproject.toml: src/oncopress
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict-core"],
)
def test_tool_passes(command: list[str]) -> None:
    result = subprocess.run(
        [str(BIN / command[0]), *command[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


CORE = ROOT / "src" / "oncopress"


def core_imports() -> dict[str, set[str]]:
    """Each module of the installed package (src/oncopress/) and the package's modules
    it imports, anywhere in its text."""
    graph: dict[str, set[str]] = {}
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module)
                imported |= {f"{node.module}.{alias.name}" for alias in node.names}
            elif isinstance(node, ast.Import):
                imported |= {alias.name for alias in node.names}
        graph[name] = imported
    return {
        name: {i for i in imported if i in graph and i != name} for name, imported in graph.items()
    }


def test_the_core_never_imports_the_commands() -> None:
    """oncopress.cli holds the programs (they print, exit, drive MkDocs); the core
    below them never reaches back up."""
    reaching = {
        name: sorted(i for i in imported if i.startswith("oncopress.cli"))
        for name, imported in core_imports().items()
        if not name.startswith("oncopress.cli")
    }
    assert {name: found for name, found in reaching.items() if found} == {}


def test_the_package_has_no_import_cycles() -> None:
    graph = core_imports()
    done: set[str] = set()

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            pytest.fail("import cycle: " + " -> ".join((*path[path.index(name) :], name)))
        if name in done:
            return
        for imported in sorted(graph[name]):
            if not name.startswith(imported + "."):  # a module imports its own package
                visit(imported, (*path, name))
        done.add(name)

    for name in sorted(graph):
        visit(name, ())


def test_no_two_modules_share_a_name() -> None:
    """From a module's name alone, a reader knows which layer it is in: the hook files
    (hooks/), the core and its commands (src/oncopress/)."""
    seen: dict[str, list[str]] = {}
    for folder in ("hooks", "src/oncopress"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name != "__init__.py":
                seen.setdefault(path.stem, []).append(path.relative_to(ROOT).as_posix())
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}
