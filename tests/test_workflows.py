"""The files GitHub reads are valid, checked the way it reads them:

- the workflows in .github/workflows/ with actionlint (syntax, expressions, the job graph,
  runner labels) and against GitHub's workflow schema;
- .github/dependabot.yml against Dependabot's schema.

The schemas are the copies check-jsonschema ships (no network), and actionlint runs
without shellcheck and pyflakes, so the results are the same on every machine. A broken
copy of each file shows that each check can fail, with the exact line it prints. The tools
come from the project's environment (the development lock).

Replicate: .venv/bin/actionlint -oneline -shellcheck= -pyflakes= .github/workflows/*.yml
  .venv/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
  .venv/bin/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
ACTIONLINT = ["-oneline", "-shellcheck=", "-pyflakes="]


def tool(name: str) -> str:
    """The path of a command-line tool installed in the project's environment."""
    found = shutil.which(name, path=str(BIN))
    if found is None:
        pytest.fail(f"{name} is not installed in {BIN}: the development lock brings it")
    return found


def run(command: list[str], cwd: Path = ROOT, **env: str) -> tuple[int, str, str]:
    done = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, check=False, env={**os.environ, **env}
    )
    return done.returncode, done.stdout, done.stderr


def relative(paths: list[Path]) -> list[str]:
    return [path.relative_to(ROOT).as_posix() for path in paths]


def test_the_workflows_and_settings_exist() -> None:
    assert relative(WORKFLOWS) == [".github/workflows/ci.yml"]
    assert DEPENDABOT.is_file()


def test_actionlint_finds_nothing() -> None:
    assert run([tool("actionlint"), *ACTIONLINT, *relative(WORKFLOWS)]) == (0, "", "")


def test_actionlint_names_a_job_that_needs_a_missing_job(tmp_path: Path) -> None:
    text = (ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8")
    broken = tmp_path / "ci.yml"
    broken.write_text(text.replace("    needs: pages\n", "    needs: page\n"), encoding="utf-8")
    line = text.splitlines().index("  deploy:") + 1
    assert run([tool("actionlint"), *ACTIONLINT, "ci.yml"], cwd=tmp_path) == (
        1,
        f'ci.yml:{line}:3: job "deploy" needs job "page" which does not exist in this'
        " workflow [job-needs]\n",
        "",
    )


def check_jsonschema(schema: str, paths: list[str], cwd: Path = ROOT) -> tuple[int, str, str]:
    return run(
        [tool("check-jsonschema"), "--color", "never", "--builtin-schema", schema, *paths], cwd
    )


def test_the_workflows_follow_githubs_schema() -> None:
    assert check_jsonschema("vendor.github-workflows", relative(WORKFLOWS)) == (
        0,
        "ok -- validation done\n",
        "",
    )


def test_dependabots_settings_follow_its_schema() -> None:
    assert check_jsonschema("vendor.dependabot", relative([DEPENDABOT])) == (
        0,
        "ok -- validation done\n",
        "",
    )


@pytest.mark.parametrize(
    ("schema", "source", "old", "new", "error"),
    [
        (
            "vendor.github-workflows",
            ".github/workflows/ci.yml",
            "\nconcurrency:\n",
            "\nconcurency:\n",
            "$: Additional properties are not allowed ('concurency' was unexpected)",
        ),
        (
            "vendor.dependabot",
            ".github/dependabot.yml",
            "\nversion: 2\n",
            "\nversion: 3\n",
            "$.version: 2 was expected",
        ),
    ],
    ids=["workflow", "dependabot"],
)
def test_a_broken_copy_gives_the_schemas_error(
    tmp_path: Path, schema: str, source: str, old: str, new: str, error: str
) -> None:
    text = (ROOT / source).read_text(encoding="utf-8")
    assert old in text
    (tmp_path / "broken.yml").write_text(text.replace(old, new), encoding="utf-8")
    assert check_jsonschema(schema, ["broken.yml"], cwd=tmp_path) == (
        1,
        f"Schema validation errors were encountered.\n  broken.yml::{error}\n",
        "",
    )


def uses_lines() -> list[str]:
    return [
        line.strip()
        for path in WORKFLOWS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().removeprefix("- ").startswith("uses:")
    ]


def test_every_action_is_pinned_to_a_full_commit_named_by_its_release() -> None:
    pinned = re.compile(r"(- )?uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+")
    lines = uses_lines()
    assert {line.split()[-3].split("@")[0] for line in lines} == {
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    assert [line for line in lines if not pinned.fullmatch(line)] == []


def jobs() -> dict[str, Any]:
    workflow = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    found: dict[str, Any] = workflow["jobs"]
    return found


def test_ci_runs_the_readmes_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "./tasks test      # the whole test suite (what CI runs)" in readme
    assert jobs()["test"]["steps"][-1] == {
        "name": "The README's test command",
        "run": "./tasks test",
    }


def test_only_the_deploy_job_may_publish() -> None:
    permissions = {name: job.get("permissions") for name, job in jobs().items()}
    assert permissions == {
        "test": None,  # the workflow's: contents: read
        "build": None,
        "pages": {"contents": "read", "pages": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }


def test_the_pythons_ci_uses_are_ones_pyproject_allows() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    allowed = SpecifierSet(pyproject["project"]["requires-python"])
    found = jobs()
    test, build, pages = found["test"], found["build"], found["pages"]
    assert test["container"]["image"] == "python:${{ matrix.python }}-bookworm"
    assert pages["container"] == "python:3.11-bookworm"
    setup = [s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python@")]
    named = [*test["strategy"]["matrix"]["python"], "3.11", setup[0]["with"]["python-version"]]
    assert named == ["3.11", "3.13", "3.11", "3.13"]
    assert [version for version in named if version not in allowed] == []
