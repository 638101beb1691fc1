"""What a build pays at start-up. A build without PDFs leaves unimported the modules
that only make PDFs, or score a page whose score is not yet in
``.cache/readability.json``; ``./tasks build`` keeps the hooks' compiled bytecode in
``.cache/pycache/`` (not beside the sources), so it does not compile them again.

Replicate: build twice (the first fills ``.cache/``), the second with
PYTHONPROFILEIMPORTTIME=1 SITE_PDFS=0 mkdocs build --strict 2>&1 | grep -E 'lxml|pdf.render'
and SITE_PDFS=0 ./tasks build /tmp/site; ls .cache/pycache$PWD/src/oncopress
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, Project

ONLY_FOR_PDFS = {
    "oncopress.pdf.plan",
    "oncopress.pdf.render",
    "oncopress.pdf.engine",
    "oncopress.pdf.handout",
    "concurrent.futures",
    "multiprocessing",
    "weasyprint",
}
ONLY_FOR_SCORING = {"lxml", "lxml.html", "pylabeador", "textstat"}


def imported_modules(log: str) -> set[str]:
    """The modules ``-X importtime`` lists (``import time: 12 | 34 | package.module``)."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in log.splitlines()
        if line.startswith("import time:") and "imported package" not in line
    }


def test_a_build_without_pdfs_or_new_scores_imports_neither(project: Project) -> None:
    first = project.build()  # scores every page into .cache/readability.json
    assert first.returncode == 0, first.explain()
    result = project.build(env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert result.returncode == 0, result.explain()
    imported = imported_modules(result.log)
    assert {"oncopress.pdf.listing", "oncopress.quality.readability"} <= imported
    assert imported & (ONLY_FOR_PDFS | ONLY_FOR_SCORING) == set()


def test_tasks_build_keeps_the_plugins_bytecode_in_the_cache(tmp_path: Path) -> None:
    environment = {**os.environ, "SITE_PDFS": "0", "PYTHONDONTWRITEBYTECODE": "1"}
    mirror = ROOT / ".cache" / "pycache" / ROOT.relative_to(ROOT.anchor)
    shutil.rmtree(mirror, ignore_errors=True)  # a cache: always safe to delete
    beside = sorted(  # (a plain pytest writes some)
        [*(ROOT / "hooks").rglob("__pycache__"), *(ROOT / "src").rglob("__pycache__")]
    )
    result = subprocess.run(
        [str(ROOT / "tasks"), "build", str(tmp_path / "site")],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    tag = sys.implementation.cache_tag
    assert (mirror / "src" / "oncopress" / "cli" / f"plugin.{tag}.pyc").is_file()
    assert (mirror / "src" / "oncopress" / "search" / f"shards.{tag}.pyc").is_file()
    assert (
        sorted([*(ROOT / "hooks").rglob("__pycache__"), *(ROOT / "src").rglob("__pycache__")])
        == beside
    )
