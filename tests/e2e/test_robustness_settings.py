"""Robustness: settings under ``extra:`` in mkdocs.yml (issue 20, step 3: one schema).

Every section the project reads is declared once in ``oncopress.settings.schema`` and
read by one reader, so a wrong value is named with its key path, whatever the section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import make_project
from test_ledger import command
from test_robustness import PLUGIN_ERROR, TODAY, assert_failed_cleanly, error_blocks, run


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
        # What an overdue review does (issue 22): listed (info) or refused (warn).
        (
            ["editorial", "overdue_reviews"],
            "block",
            "mkdocs.yml: extra.editorial.overdue_reviews must be one of info, warn (found 'block')",
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


def test_overdue_reviews_warn_makes_a_strict_build_refuse_pages_past_their_review(
    tmp_path: Path,
) -> None:
    """extra.editorial.overdue_reviews: warn. Every page of the minimal fixture was revised
    on 2023-08-28, and the sample's interval is 3 years: on 2026-11-26 the care pages are
    overdue; the home pages, with their own 60 months, are due on 2028-08-28."""
    project = make_project(tmp_path / "project")
    config = project.config()
    config["extra"]["editorial"]["overdue_reviews"] = "warn"
    project.set_config(config)
    for relative in ("docs/index.md", "docs_es/index.md"):
        page = project.root / relative
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace("medical: false", "medical: false\nreview_interval_months: 60")
        )
    result = project.build(env=TODAY)
    assert result.returncode == 1, result.explain()
    tail = (
        "review was due 2026-08-28; ./tasks build refuses to publish it "
        "(extra.editorial.overdue_reviews: warn) until its reviewers have checked it and "
        "signed it off again: ./tasks sign-off "
    )
    assert result.warnings == [
        "Review overdue: Doc file 'docs/care.md' (en): last revised 2023-08-28, "
        + tail
        + "docs/care.md --by content-team",
        "Review overdue: Doc file 'docs_es/care.md' (es): last revised 2023-08-28, "
        + tail
        + "docs_es/care.md --by content-team --translation-by translation-team",
    ], result.explain()
    for relative, line in (
        ("index.html", "Next review due: August 28, 2028"),
        ("es/index.html", "Próxima revisión: 28 de agosto de 2028"),
        ("care/index.html", "Next review due: August 28, 2026"),
        ("es/care/index.html", "Próxima revisión: 28 de agosto de 2026"),
    ):
        soup = BeautifulSoup((result.site / relative).read_text(encoding="utf-8"), "lxml")
        due = soup.select_one("article aside.page-meta .page-meta__review-due")
        assert due is not None and " ".join(due.get_text(" ", strip=True).split()) == line
    status = command(project, "status")
    assert status.returncode == 1, status.stderr
    rows = [line.split()[:4] for line in status.stdout.splitlines() if "overdue" in line]
    assert rows == [
        ["docs/care.md", "en", "overdue", "yes"],
        ["docs_es/care.md", "es", "overdue", "yes"],
    ], status.stdout
