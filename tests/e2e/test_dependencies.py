"""What mkdocs-bibtex 4.4 brings along, and what a build really uses of it (guides/publishers.md:
"Platform and its exit", "What mkdocs-bibtex pulls in").

mkdocs-bibtex declares pypandoc, requests, responses, setuptools and validators as run-time
dependencies. A build with PDFs, run with ``PYTHONPROFILEIMPORTTIME=1`` (every import
attempt of every process is listed, the PDF workers' too), shows:

- ``responses`` (a library for mocking ``requests`` in tests) and ``setuptools`` (with its
  ``pkg_resources`` and ``distutils``) are never imported: they are installed only
  because mkdocs-bibtex (and textstat, for setuptools) declares them;
- ``requests``, ``pypandoc`` and ``validators`` are imported when mkdocs-bibtex loads, and
  ``validators`` by hooks/bibliography.py too (so pyproject.toml declares it).

Replicate: PYTHONPROFILEIMPORTTIME=1 SITE_PDFS=1 mkdocs build --strict 2>&1 | grep responses
"""

from __future__ import annotations

from conftest import Project

NEVER_IMPORTED = {"responses", "setuptools", "pkg_resources", "distutils"}
IMPORTED_BY_MKDOCS_BIBTEX = {"requests", "pypandoc", "validators"}


def imported_packages(log: str) -> set[str]:
    """Top-level names of the modules ``-X importtime`` lists (``import time: 12 | 34 |
    package.module``), tried or imported."""
    names = set()
    for line in log.splitlines():
        if line.startswith("import time:") and "imported package" not in line:
            names.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return names


def test_a_build_never_imports_responses_or_setuptools(project: Project) -> None:
    result = project.build(env={"PYTHONPROFILEIMPORTTIME": "1", "SITE_PDFS": "1"})
    assert result.returncode == 0, result.explain()
    imported = imported_packages(result.log)
    assert {"mkdocs", "mkdocs_bibtex", "weasyprint", "oncopress"} <= imported
    assert imported & NEVER_IMPORTED == set()
    assert imported >= IMPORTED_BY_MKDOCS_BIBTEX
