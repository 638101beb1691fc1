"""Benchmark of ``./tasks setup`` on a cold virtual environment (issue 12).

Clones each git revision given (default: HEAD) into a temporary folder and times
``./tasks setup`` there from no ``.venv/``, in ``--repeat`` interleaved rounds (each
round sets up every revision once, so a burst of load elsewhere hits one round, not one
figure), and prints the best and the median of each. pip's download cache is whatever
the machine has: run once before measuring so that every figure is a warm-cache install,
or clear ``~/.cache/pip`` for a cold one. Not a test (see BENCHMARKS.md).

    python bench/setup.py [REV ...] [--repeat R]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*", default=["HEAD"])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    times: dict[str, list[float]] = {revision: [] for revision in args.revisions}
    with tempfile.TemporaryDirectory(prefix="bench-setup-") as scratch:
        for revision in args.revisions:
            clone = Path(scratch) / revision.replace("/", "_")
            subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
            subprocess.run(["git", "-C", str(clone), "checkout", "-q", revision], check=True)
        for _ in range(args.repeat):
            for revision in args.revisions:
                clone = Path(scratch) / revision.replace("/", "_")
                shutil.rmtree(clone / ".venv", ignore_errors=True)
                started = time.perf_counter()
                subprocess.run(["./tasks", "setup"], cwd=clone, check=True, capture_output=True)
                times[revision].append(time.perf_counter() - started)
    for revision, seconds in times.items():
        best, median = min(seconds), statistics.median(seconds)
        print(f"{revision}: best {best:.1f} s, median {median:.1f} s over {len(seconds)} runs")


if __name__ == "__main__":
    main()
