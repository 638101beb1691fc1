"""`./tasks build` (tools/build_site.py) replaces the published site only on success.

Replicate: ./tasks build /tmp/out; break a page; ./tasks build /tmp/out; diff the folder.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, Project, sign_everything


def _tree_digest(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _build(project: Project, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_PDFS": "0"}
    command = [sys.executable, str(ROOT / "tools/build_site.py"), str(out)]
    command += ["--config-file", str(project.root / "mkdocs.yml")]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def test_failed_build_leaves_the_previous_site_byte_for_byte(project: Project) -> None:
    out = project.root / "public"
    sign_everything(project.root)
    first = _build(project, out)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.startswith(f"Site written to {out} in ")
    before = _tree_digest(out)
    assert "care/index.html" in before and "es/care/index.html" in before

    project.write(
        "docs/care.md", "---\ntitle: Care\n---\n\n# Care\n\nSee [a missing page](nowhere.md).\n"
    )
    second = _build(project, out)

    assert second.returncode == 1
    assert second.stderr.splitlines()[-1] == (
        "Build failed: public/ was not replaced (the previous site is unchanged)."
    )
    assert _tree_digest(out) == before
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".public")) == []


def test_first_build_that_fails_writes_nothing(project: Project) -> None:
    out = project.root / "public"
    project.write(
        "docs/care.md", "---\ntitle: Care\n---\n\n# Care\n\nSee [a missing page](nowhere.md).\n"
    )
    result = _build(project, out)
    assert result.returncode == 1
    assert (
        result.stderr.splitlines()[-1]
        == "Build failed: public/ was not replaced (nothing was written)."
    )
    assert not out.exists()
