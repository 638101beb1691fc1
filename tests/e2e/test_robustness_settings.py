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
    ("keys", "value", "message"),
    [
        # Before: a TypeError traceback from hooks/pdfs.py ('int' object is not iterable).
        (["pdf"], 5, "mkdocs.yml: extra.pdf must be a mapping of settings"),
        # Before: "PDFs: 'extra: pdf: workers' must be a whole number of 1 or more, not 'two'".
        (
            ["pdf"],
            {"workers": "two"},
            "mkdocs.yml: extra.pdf.workers must be a whole number of 1 or more (found 'two')",
        ),
        # Before: "mkdocs.yml: extra.editorial.reviewers must be a file name".
        (
            ["editorial"],
            {"reviewers": " "},
            "mkdocs.yml: extra.editorial.reviewers must be a file name (found ' ')",
        ),
        # The chrome's sections were read by the templates as they came. Before: the
        # first page stopped on "no PDF can be made: mkdocs.yml has no 'extra: helpline:
        # label: en', which the PDFs print".
        (
            ["helpline", "label"],
            "Call us",
            "mkdocs.yml: extra.helpline.label must be a text per language, like "
            "{en: ..., es: ...} (found 'Call us')",
        ),
        # Before: two warnings that extra.safety.items[0].text.en (and .es) is missing.
        (
            ["safety", "items"],
            [{"label": {"en": "Emergency", "es": "Emergencias"}, "txt": {"en": "Call 911."}}],
            "mkdocs.yml: unknown setting extra.safety.items[0].txt (known: label, text)",
        ),
        # Before: the build passed, and every footer said "© [2026] ...".
        (
            ["footer", "year"],
            [2026],
            "mkdocs.yml: extra.footer.year must be a year, like 2026 (or a range, like "
            "2020-2026) (found [2026])",
        ),
    ],
)
def test_a_wrong_setting_is_named_by_its_key_path(
    tmp_path: Path, keys: list[str], value: object, message: str
) -> None:
    project = make_project(tmp_path / "project")
    config = project.config()
    node = config["extra"]
    for key in keys[:-1]:
        node = node[key]
    node[keys[-1]] = value
    project.set_config(config)
    result = run(project)
    assert_failed_cleanly(result, PLUGIN_ERROR)
    assert error_blocks(result) == [message], result.explain()
