"""Where a build's processor time goes, by plugin event: one strict build of a site,
each plugin's and hook's event handlers timed on their own (time spent in a handler
that calls another, such as mkdocs-static-i18n building the other language from
``on_post_build``, is counted for the one called), and MkDocs' own page rendering
(Markdown, Jinja templates, writing files) beside them.

    .venv/bin/python bench/events.py path/to/mkdocs.yml [more mkdocs.yml...]

Unlike cProfile, which inflates small Python calls many times over, this times
only the handlers, with ``time.process_time``. Build a generated site first
(``bench/sitegen.py``); run it twice on a site, so the caches are warm. Prints one
column per site, largest first.
"""

from __future__ import annotations

import functools
import inspect
import json
import logging
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ.setdefault("SITE_PDFS", "0")

from mkdocs.__main__ import cli
from scale import environment

from oncopress.cli import plugin
from oncopress.cli.seams import timed_build

# The plugin's step modules, as it imports them (``step_sources as sources``...).
STEP_MODULES = tuple(
    module
    for module in vars(plugin).values()
    if inspect.ismodule(module) and module.__name__.startswith("oncopress.cli.step_")
)


class Clock:
    """Exclusive processor time per name: a handler's time minus the handlers it calls."""

    def __init__(self) -> None:
        self.spent: Counter[str] = Counter()
        self._stack: list[list[Any]] = []

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)  # keeps mkdocs_priority: the handlers' order
        def timed(*args: Any, **kwargs: Any) -> Any:
            now = time.process_time()
            if self._stack:
                self.spent[self._stack[-1][0]] += now - self._stack[-1][1]
            self._stack.append([name, now])
            try:
                return function(*args, **kwargs)
            finally:
                end = time.process_time()
                this, start = self._stack.pop()
                self.spent[this] += end - start
                if self._stack:
                    self._stack[-1][1] = end

        return timed


def time_steps(clock: Clock) -> None:
    """Each step of the oncopress plugin timed on its own (the plugin calls them through
    their modules), so its handlers' time is split by step."""
    for module in STEP_MODULES:
        for name, function in vars(module).items():
            if inspect.isfunction(function) and function.__module__ == module.__name__:
                if not name.startswith("_"):
                    label = f"oncopress step: {module.__name__.rsplit('.', 1)[1]}.{name}"
                    setattr(module, name, clock.wrap(label, function))


def measure(config: str) -> tuple[float, Counter[str]]:
    clock = Clock()
    time_steps(clock)
    started = time.process_time()
    with timed_build(clock.wrap):  # oncopress.cli.seams: MkDocs' handler registration
        try:
            cli.main(["build", "-q", "--strict", "-f", config], standalone_mode=False)
        except SystemExit:
            pass
    return time.process_time() - started, clock.spent


def main() -> None:
    if sys.argv[1] == "--json":  # one site, in a process of its own
        logging.disable(logging.INFO)
        total, spent = measure(sys.argv[2])
        print(json.dumps({"total": total, "spent": spent}))
        return
    configs = sys.argv[1:]
    results: list[tuple[float, Counter[str]]] = []
    for config in configs:  # each in a fresh process, as a build runs
        out = subprocess.run(
            [sys.executable, __file__, "--json", config],
            env=environment(Path(config).resolve()),  # as bench/scale.py: bytecode kept
            capture_output=True,
            text=True,
            check=True,
        )
        data = json.loads(out.stdout.strip().splitlines()[-1])
        results.append((data["total"], Counter(data["spent"])))
    names = sorted(
        {name for _, spent in results for name in spent}, key=lambda n: -results[0][1][n]
    )
    print("| " + " | ".join(["", *configs]) + " |")
    print("|---" * (len(results) + 1) + "|")
    for name in names:
        if any(spent[name] >= 0.01 for _, spent in results):
            print(
                f"| {name} | " + " | ".join(f"{spent[name]:.3f} s" for _, spent in results) + " |"
            )
    print(
        "| everything else (start-up, imports, configuration) | "
        + " | ".join(f"{total - sum(spent.values()):.3f} s" for total, spent in results)
        + " |"
    )
    print("| **whole build** | " + " | ".join(f"**{total:.2f} s**" for total, _ in results) + " |")


if __name__ == "__main__":
    main()
