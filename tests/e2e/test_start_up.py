"""What a build without PDFs leaves unimported: every build pays for what its hooks
import, and these modules only make PDFs, or score a page whose score is not yet in
``.cache/readability.json``.

Replicate: build twice (the first fills ``.cache/``), the second with
PYTHONPROFILEIMPORTTIME=1 SITE_PDFS=0 mkdocs build --strict 2>&1 | grep -E 'lxml|pdf.render'
"""

from __future__ import annotations

from conftest import Project

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
    assert {"oncopress.pdf.listing", "oncopress.readability"} <= imported
    assert imported & (ONLY_FOR_PDFS | ONLY_FOR_SCORING) == set()
