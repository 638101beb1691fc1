"""Build the whole site strictly into a temporary directory, then swap it into place.

A failed build (a content problem, a broken template, an interrupted run) never
touches the last good site: the output directory is replaced only after
``mkdocs build --strict`` succeeded, by two renames on the same filesystem.

Usage: python tools/build_site.py [OUTPUT_DIR] [--config-file mkdocs.yml]   (default: site)
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", default="site", help="output folder (default: site)")
    parser.add_argument("--config-file", "-f", default=str(ROOT / "mkdocs.yml"))
    args = parser.parse_args(argv[1:])
    config_file = Path(args.config_file).resolve()
    out = Path(args.output).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-building-", dir=out.parent))
    mkdocs = Path(sys.executable).with_name("mkdocs")
    started = time.perf_counter()
    try:
        result = subprocess.run(
            [str(mkdocs), "build", "--strict", "-f", str(config_file), "--site-dir", str(staging)],
            cwd=config_file.parent,
            check=False,
        )
        if result.returncode != 0:
            kept = "the previous site is unchanged" if out.exists() else "nothing was written"
            print(f"Build failed: {out.name}/ was not replaced ({kept}).", file=sys.stderr)
            return result.returncode
        old = out.with_name(f".{out.name}-previous")
        if old.exists():
            shutil.rmtree(old)
        if out.exists():
            out.rename(old)
        staging.rename(out)
        if old.exists():
            shutil.rmtree(old)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    print(f"Site written to {out} in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
