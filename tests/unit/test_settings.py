import pytest

from oncopress.checks.editorial_settings import EditorialSettings, SettingsError, read_settings


def test_defaults() -> None:
    assert read_settings({}) == EditorialSettings(1, "reviewers.yml", "about.md")
    assert read_settings({}).overdue_reviews == "info"
    assert read_settings({"editorial": None}) == EditorialSettings()


def test_values_from_mkdocs_yml() -> None:
    extra = {
        "editorial": {"review_interval_years": 2, "reviewers": "team.yml", "about_page": "a.md"}
    }
    assert read_settings(extra) == EditorialSettings(2, "team.yml", "a.md")


@pytest.mark.parametrize(
    ("section", "message"),
    [
        (
            {"review_interval_years": "three"},
            "mkdocs.yml: extra.editorial.review_interval_years must be a whole number of "
            "years, at least 1 (found 'three')",
        ),
        (
            {"review_interval_years": 0},
            "mkdocs.yml: extra.editorial.review_interval_years must be a whole number of "
            "years, at least 1 (found 0)",
        ),
        (
            {"review_interval_years": True},
            "mkdocs.yml: extra.editorial.review_interval_years must be a whole number of "
            "years, at least 1 (found True)",
        ),
        ({"reviewers": ""}, "mkdocs.yml: extra.editorial.reviewers must be a file name (found '')"),
        (
            {"review_years": 3},
            "mkdocs.yml: unknown setting extra.editorial.review_years "
            "(known: review_interval_years, reviewers, about_page, ledger, report_dir, "
            "overdue_reviews)",
        ),
    ],
)
def test_bad_settings(section: dict[str, object], message: str) -> None:
    with pytest.raises(SettingsError) as raised:
        read_settings({"editorial": section})
    assert str(raised.value) == message


def test_the_section_must_be_a_mapping() -> None:
    with pytest.raises(SettingsError) as raised:
        read_settings({"editorial": [3]})
    assert str(raised.value) == "mkdocs.yml: extra.editorial must be a mapping of settings"
