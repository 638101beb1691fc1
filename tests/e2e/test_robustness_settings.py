"""Robustness: settings under ``extra:`` in mkdocs.yml (issue 20, step 3: one schema).

Every section the project reads is declared once in ``oncopress.settings.schema`` and
read by one reader, so a wrong value is named with its key path, whatever the section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import make_project
from test_robustness import PLUGIN_ERROR, assert_failed_cleanly, error_blocks, run


@pytest.mark.parametrize(
    ("section", "value", "message"),
    [
        # Before: a TypeError traceback from hooks/pdfs.py ('int' object is not iterable).
        ("pdf", 5, "PDFs: mkdocs.yml: extra.pdf must be a mapping of settings"),
        # Before: "'extra: pdf: workers' must be a whole number of 1 or more, not 'two'".
        (
            "pdf",
            {"workers": "two"},
            "PDFs: mkdocs.yml: extra.pdf.workers must be a whole number of 1 or more (found 'two')",
        ),
        # Before: "mkdocs.yml: extra.editorial.reviewers must be a file name".
        (
            "editorial",
            {"reviewers": " "},
            "mkdocs.yml: extra.editorial.reviewers must be a file name (found ' ')",
        ),
    ],
)
def test_a_wrong_setting_is_named_by_its_key_path(
    tmp_path: Path, section: str, value: object, message: str
) -> None:
    project = make_project(tmp_path / "project")
    config = project.config()
    config["extra"][section] = value
    project.set_config(config)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
