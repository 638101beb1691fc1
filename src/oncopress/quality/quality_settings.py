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
from dataclasses import dataclass, field

from oncopress.quality.readability import ReadabilityTargets, read_targets

SECTION = "quality"
LEVELS = ("warn", "info")


class QualitySettingsError(ValueError):
    """A value under ``extra: quality:`` in mkdocs.yml is unusable."""


@dataclass(frozen=True)
class QualitySettings:
    stale_translations: str = "warn"
    readability: ReadabilityTargets = field(default_factory=ReadabilityTargets)

    @property
    def stale_fails_strict(self) -> bool:
        return self.stale_translations == "warn"


def read_quality_settings(extra: Mapping[str, object]) -> QualitySettings:
    """The settings under ``extra.quality`` (defaults for anything not given).

    Raises ``QualitySettingsError`` (or ``oncopress.quality.readability.ReadabilityError``,
    also a ``ValueError``) naming the setting to fix.
    """
    section = extra.get(SECTION) or {}
    if not isinstance(section, Mapping):
        raise QualitySettingsError(f"mkdocs.yml: extra.{SECTION} must be a mapping of settings")
    known = ("stale_translations", "readability")
    unknown = sorted(set(section) - set(known))
    if unknown:
        raise QualitySettingsError(
            f"mkdocs.yml: unknown setting extra.{SECTION}.{unknown[0]} (known: {', '.join(known)})"
        )
    level = section.get("stale_translations", "warn")
    if level not in LEVELS:
        raise QualitySettingsError(
            f"mkdocs.yml: extra.{SECTION}.stale_translations must be one of "
            f"{', '.join(LEVELS)} (found {level!r})"
        )
    readability = section.get("readability") or {}
    if not isinstance(readability, Mapping):
        raise QualitySettingsError(
            f"mkdocs.yml: extra.{SECTION}.readability must be a mapping of targets"
        )
    return QualitySettings(str(level), read_targets(readability))
