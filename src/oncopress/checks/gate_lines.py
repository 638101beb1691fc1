"""What the gates of ``./tasks check`` found: lines at the build log's levels."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "ERROR"  # every build stops
    WARNING = "WARNING"  # a strict build (./tasks build) stops
    INFO = "INFO"  # editors' news


@dataclass(frozen=True)
class GateLine:
    """One line of the gates' output, in the words of the build's log."""

    severity: Severity
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass
class GateRun:
    """What the gates found, and how many pages of each language they read."""

    lines: list[GateLine] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    stopped: bool = False  # a setup problem stopped the gates before the pages

    def add(self, severity: Severity, text: object) -> None:
        self.lines.append(GateLine(severity, str(text)))

    def count(self, severity: Severity) -> int:
        return sum(line.severity is severity for line in self.lines)

    @property
    def fails(self) -> bool:
        """True when ./tasks build (strict) would refuse to publish."""
        return bool(self.count(Severity.ERROR) or self.count(Severity.WARNING))
