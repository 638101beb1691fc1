import pytest

from oncopress.quality.quality_settings import QualitySettings, read_quality_settings
from oncopress.quality.readability import ReadabilityTargets


def test_defaults() -> None:
    settings = read_quality_settings({})
    assert settings == QualitySettings("warn", ReadabilityTargets(8.0, 60.0, 40))
    assert settings.stale_fails_strict


def test_stale_translations_at_info_and_own_targets() -> None:
    settings = read_quality_settings(
        {"quality": {"stale_translations": "info", "readability": {"es_min_ease": 70}}}
    )
    assert settings == QualitySettings("info", ReadabilityTargets(8.0, 70.0, 40))
    assert not settings.stale_fails_strict


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"quality": ["warn"]}, "mkdocs.yml: extra.quality must be a mapping of settings"),
        (
            {"quality": {"stale_translations": False}},  # YAML reads `off` as false
            "mkdocs.yml: extra.quality.stale_translations must be one of warn, info (found False)",
        ),
        (
            {"quality": {"stale": "info"}},
            "mkdocs.yml: unknown setting extra.quality.stale (known: stale_translations, "
            "readability)",
        ),
        (
            {"quality": {"readability": 8}},
            "mkdocs.yml: extra.quality.readability must be a mapping of targets",
        ),
        (
            {"quality": {"readability": {"en_max_grade": "eight"}}},
            "mkdocs.yml: extra.quality.readability.en_max_grade must be a positive number "
            "(found 'eight')",
        ),
    ],
)
def test_unusable_settings(extra: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as raised:
        read_quality_settings(extra)
    assert str(raised.value) == message
