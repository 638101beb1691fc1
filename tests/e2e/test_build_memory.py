"""hooks/build_memory.py: ``mkdocs build`` (and ``gh-deploy``) set what exists at the
start of each language pass aside from the garbage collector; the preview, which
lives on between builds, leaves the collector alone. Every other test's build runs
with it, and the sites they compare are the same.

The collector's time with and without it: BENCHMARKS.md ("Build and preview at
scale", the garbage collector).
"""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HOOK = Path(__file__).resolve().parents[2] / "hooks" / "build_memory.py"


@pytest.fixture
def hook() -> Iterator[ModuleType]:
    spec = importlib.util.spec_from_file_location("build_memory_under_test", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gc.unfreeze()
    try:
        yield module
    finally:
        gc.unfreeze()


def _frozen_after(hook: ModuleType, command: str) -> tuple[int, int]:
    config: Any = None
    hook.on_startup(command=command, dirty=False)
    hook.on_config(config)
    after_config = gc.get_freeze_count()
    hook.on_pre_build(config=config)
    return after_config, gc.get_freeze_count()


@pytest.mark.parametrize("command", ["build", "gh-deploy"])
def test_a_one_shot_build_freezes_what_exists(hook: ModuleType, command: str) -> None:
    after_config, after_pre_build = _frozen_after(hook, command)
    assert after_config > 1000 and after_pre_build >= after_config


def test_the_preview_leaves_the_collector_alone(hook: ModuleType) -> None:
    assert _frozen_after(hook, "serve") == (0, 0)
