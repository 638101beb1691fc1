"""How long ``./tasks status`` takes: on the real site and on generated sites of N pages
per language (bench/sitegen.py, every page signed off), median of several runs, each a
fresh process as an editor runs it.

    python bench/status.py [N ...]        (default: 500)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from oncopress.cli.benchsite import generate

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def timed(config: Path) -> tuple[float, int]:
    """Median seconds of ``RUNS`` runs of the status command, and its exit status."""
    command = [sys.executable, str(ROOT / "tools" / "editor_commands.py"), "-f", str(config)]
    seconds, status = [], 0
    for _ in range(RUNS):
        started = time.perf_counter()
        result = subprocess.run([*command, "status"], capture_output=True, check=False)
        seconds.append(time.perf_counter() - started)
        status = result.returncode
    return statistics.median(seconds), status


def main(sizes: list[int]) -> None:
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print("| site | pages (both languages) | ./tasks status, median of 5 | exit status |")
    print("|---|---|---|---|")
    seconds, status = timed(ROOT / "mkdocs.yml")
    pages = sum(len(list((ROOT / name).rglob("*.md"))) for name in ("docs", "docs_es"))
    print(f"| real site | {pages} | {seconds:.2f} s | {status} |")
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            config = generate(Path(folder) / "site", size)
            seconds, status = timed(config)
            print(f"| generated | {2 * (size + 2)} | {seconds:.2f} s | {status} |")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [500])
