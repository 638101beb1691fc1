"""The oncopress plugin's garbage-collector step: ``mkdocs build`` (and ``gh-deploy``)
set what exists at the start of each language pass aside from the garbage collector;
the preview, which lives on between builds, leaves the collector alone. Every other
test's build runs with it, and the sites they compare are the same.

The collector's time with and without it: BENCHMARKS.md ("Build and preview at
scale", the garbage collector).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from oncopress.cli.build_context import Session
from oncopress.cli.plugin import OncopressPlugin


@pytest.fixture(autouse=True)
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _frozen_after(command: str) -> int:
    plugin, config = OncopressPlugin(), Any
    plugin.on_startup(command=command, dirty=False)
    plugin._freeze(config)
    return gc.get_freeze_count()


@pytest.mark.parametrize("command", ["build", "gh-deploy"])
def test_a_one_shot_build_freezes_what_exists(command: str) -> None:
    assert _frozen_after(command) > 1000


def test_the_preview_leaves_the_collector_alone() -> None:
    assert _frozen_after("serve") == 0


@pytest.mark.parametrize(
    ("command", "one_shot"), [("build", True), ("gh-deploy", True), ("serve", False), (None, False)]
)
def test_only_a_build_the_process_ends_with_is_one_shot(
    command: str | None, one_shot: bool
) -> None:
    assert Session(command=command).one_shot is one_shot
