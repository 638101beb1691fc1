"""``./tasks check``: the editorial gates of a build, without MkDocs and without writing
a site (``oncopress.checks.gates``).

  check [-f mkdocs.yml]
      One line per problem, in the build's words and with its log's level (ERROR: every
      build stops; WARNING: ./tasks build, which is strict, stops; INFO: news), then a
      summary. Exit status 0 when nothing stops ./tasks build, 1 when something does,
      2 on a wrong command line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from oncopress.checks.gate_lines import GateLine, GateRun, Severity
from oncopress.checks.gates import run_gates
from oncopress.cli import PROJECT as ROOT
from oncopress.files.cachefile import read_cache, write_cache
from oncopress.quality.readability_cache import load_readability_cache, scoring_version
from oncopress.settings.config_file import ConfigFileError, read_config_file
from oncopress.settings.platform import PlatformConfigError, read_platform_config
from oncopress.system import tasks_command

ORDER = (Severity.ERROR, Severity.WARNING, Severity.INFO)
# The check's own scores: its pages' HTML is not the build's (no footnotes), so sharing
# the build's .cache/readability.json would make each drop the other's scores.
CACHE_FILE = Path(".cache") / "readability-check.json"


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog=tasks_command("check"), description=__doc__.splitlines()[0]
    )
    parser.add_argument("--config-file", "-f", type=Path, default=ROOT / "mkdocs.yml")
    args = parser.parse_args(argv)
    config_file: Path = args.config_file.resolve()
    try:
        data = config_file.read_bytes()
    except OSError as error:
        print(f"check: cannot read {config_file} ({error.strerror})", file=sys.stderr)
        return 2
    try:
        run = check(data, config_file)
    except KeyboardInterrupt:
        print("check: interrupted", file=sys.stderr)
        return 130
    try:
        for line in sorted(run.lines, key=lambda line: ORDER.index(line.severity)):
            print(log_line(line))
        print(summary(run), flush=True)
    except BrokenPipeError:  # `./tasks check | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 1 if run.fails else 0


def check(data: bytes, config_file: Path) -> GateRun:
    """Every gate over the project of ``config_file`` (its bytes ``data``)."""
    cache = config_file.parent / CACHE_FILE
    try:
        config = read_config_file(data, config_file.name, os.environ)
        platform = read_platform_config(config, config_file.parent)
        scores = load_readability_cache(read_cache(cache), scoring_version())
        run = run_gates(platform, environ=os.environ, clock=date.today, scores=scores)
        if not run.stopped:
            problem = write_cache(cache, scores.dumps())
            if problem:  # a read-only checkout: the next check scores again
                run.add(Severity.INFO, f"Readability scores not cached in {cache}: {problem}")
        return run
    except (ConfigFileError, PlatformConfigError) as error:
        problem = str(error)
    except OSError as error:  # a file the gates read, unreadable (permissions...)
        problem = f"Cannot read '{error.filename}' ({error.strerror})"
    run = GateRun(stopped=True)
    run.add(Severity.ERROR, problem)
    return run


def log_line(line: GateLine) -> str:
    """The line as MkDocs' log shows it (``WARNING -  Doc file ...``)."""
    return f"{line.severity.value:<7} -  {line.text}"


def summary(run: GateRun) -> str:
    counts = ", ".join(
        _count(run.count(severity), noun)
        for severity, noun in zip(ORDER, ("error", "warning", "note"), strict=True)
    )
    if run.stopped:
        return f"Check stopped before reading the pages: {counts}"
    pages = sum(run.pages.values())
    each = ", ".join(f"{number} {locale}" for locale, number in run.pages.items())
    checked = f"{_count(pages, 'page')} ({each})" if each else _count(pages, "page")
    if run.fails:
        return (
            f"Check failed: {checked}, {counts}; {tasks_command('build')} would refuse to publish"
        )
    return f"Check passed: {checked}, {counts}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
