"""The code stays formatted, lint-free and (for the core) strictly typed.

Replicate: .venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy
"""

from __future__ import annotations

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
