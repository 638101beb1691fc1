"""Run one `mkdocs build` in this process and print its wall time and peak memory.

    python bench/measure_build.py -f path/to/mkdocs.yml -d site_dir [mkdocs build options]

Prints one JSON line on stdout: {"seconds": ..., "cpu_seconds": ..., "max_rss_mb": ...,
"exit": ...}. ``cpu_seconds`` is the build's processor time (user and system): on a
machine shared with other jobs it varies much less than the wall time.

With ``BENCH_SEARCH=lunr`` in the environment, the build's own search steps
(``oncopress.cli.step_search``: reading each article, writing the sharded index) are
left out and Material's search plugin indexes every page for lunr, as it did before
issue 24: the cost of this project's build with lunr's search instead of its own.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import sys
import time

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.__main__ import cli


def _lunr_search() -> None:
    """Material's lunr index of every page in place of the site's own (see above)."""
    from oncopress.cli import step_search

    def skipped(*args: object) -> None:
        pass

    step_search.skip_page_indexing = skipped  # type: ignore[assignment]
    step_search.keep_article = skipped  # type: ignore[assignment]
    step_search.write_index = skipped  # type: ignore[assignment]


def main() -> None:
    logging.disable(logging.INFO)
    if os.environ.get("BENCH_SEARCH") == "lunr":
        _lunr_search()
    started, cpu_started = time.perf_counter(), time.process_time()
    try:
        cli.main(["build", "-q", *sys.argv[1:]], standalone_mode=False)
        code = 0
    except SystemExit as stop:
        code = int(stop.code or 0)
    except Exception:  # a failed build is a result to report, not to hide
        code = 1
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"seconds": round(seconds, 3), "cpu_seconds": round(cpu_seconds, 3)}
    print(json.dumps({**result, "max_rss_mb": round(rss, 1), "exit": code}))


if __name__ == "__main__":
    main()
