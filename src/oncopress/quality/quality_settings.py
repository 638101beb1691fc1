"""Publishing quality gates from ``mkdocs.yml`` (``extra: quality:``), with defaults::

extra:
  quality:
    stale_translations: warn   # warn: a WARNING per stale translation (fails --strict);
                               # info: listed at INFO, the build passes
    readability:               # see oncopress.quality.readability
      en_max_grade: 8          # Flesch-Kincaid grade, at most
      es_min_ease: 60          # Fernández-Huerta reading ease, at least
      min_words: 40            # pages with less prose are not scored
"""

from __future__ import annotations

from collections.abc import Mapping

from oncopress.settings.reader import SettingsError, read_section
from oncopress.settings.schema import QualitySettings

__all__ = ["SECTION", "QualitySettings", "QualitySettingsError", "read_quality_settings"]

SECTION = "quality"


class QualitySettingsError(SettingsError):
    """A value under ``extra: quality:`` in mkdocs.yml is unusable."""


def read_quality_settings(extra: Mapping[str, object]) -> QualitySettings:
    """The settings under ``extra.quality`` (defaults for anything not given).

    Raises ``QualitySettingsError`` naming the setting to fix.
    """
    return read_section(
        QualitySettings, extra.get(SECTION), f"extra.{SECTION}", QualitySettingsError
    )
