"""Save the built output of this working tree, and compare two saves: a change that
only moves code must leave the published site as it was.

  python tools/compare_builds.py save DIR [--pages 50]
      Build, strictly, into DIR: the sample site with its PDFs (DIR/sample/) and a site
      of N generated pages per language from bench/sitegen.py, without PDFs (DIR/generated/).
      Each PDF's page count and text go to DIR/pdf-text.json.
  python tools/compare_builds.py compare OLD NEW
      Every file of the two saves: HTML and every other file byte for byte (sitemap.xml.gz
      by its XML, as gzip stores the time), PDFs by their page count and text. Lists each
      difference; exit status 1 when there is one.

Both builds use a fixed day (SOURCE_DATE_EPOCH), so a save made on another day compares
the same.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from oncopress.cli import PROJECT as ROOT
from oncopress.cli import benchsite
from oncopress.i18n.plurals import counted

DAY = "1796256000"  # 2026-12-03: "today" for both builds
SITES = ("sample", "generated")


def save(out: Path, pages: int) -> int:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": DAY}
    _build(ROOT / "mkdocs.yml", out / "sample", {**env, "SITE_PDFS": "1"})
    with tempfile.TemporaryDirectory(prefix="compare-") as tmp:
        config = benchsite.generate(Path(tmp) / "site", pages)
        _build(config, out / "generated", {**env, "SITE_PDFS": "0"})
    texts = {path: pdf_text(out / path) for path in sorted(_files(out, "*.pdf"))}
    (out / "pdf-text.json").write_text(json.dumps(texts, indent=1, ensure_ascii=False), "utf-8")
    print(f"Saved {sum(1 for _ in _files(out, '*'))} files into {out}")
    return 0


def _build(config: Path, site: Path, env: dict[str, str]) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)]
    done = subprocess.run(
        [*command, "--site-dir", str(site)], cwd=config.parent, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"compare_builds: the build of {config} failed ({done.returncode})")


def _files(out: Path, pattern: str) -> list[str]:
    return [
        path.relative_to(out).as_posix()
        for name in SITES
        for path in (out / name).rglob(pattern)
        if path.is_file()
    ]


def pdf_text(path: Path) -> dict[str, object]:
    from pypdf import PdfReader

    reader = PdfReader(path)
    return {"pages": len(reader.pages), "text": [page.extract_text() for page in reader.pages]}


def compare(old: Path, new: Path) -> list[str]:
    """Every difference between two saves, one line each."""
    found = []
    before, after = set(_files(old, "*")), set(_files(new, "*"))
    found += [f"only in {old}: {path}" for path in sorted(before - after)]
    found += [f"only in {new}: {path}" for path in sorted(after - before)]
    old_pdfs = json.loads((old / "pdf-text.json").read_text("utf-8"))
    new_pdfs = json.loads((new / "pdf-text.json").read_text("utf-8"))
    for path in sorted(before & after):
        if path.endswith(".pdf"):
            was, now = old_pdfs.get(path), new_pdfs.get(path)
            if was is None or now is None:
                found.append(f"no saved text for {path}")
            elif was["pages"] != now["pages"]:
                pages = counted(was["pages"], "page", "pages")
                found.append(f"{path}: {pages}, now {now['pages']}")
            elif was["text"] != now["text"]:
                found.append(f"{path}: the text differs")
        elif _content(old / path) != _content(new / path):
            found.append(f"{path}: differs")
    return found


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.name.endswith(".gz") else data


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    saving = commands.add_parser("save", help="build and save the output into DIR")
    saving.add_argument("out", type=Path)
    saving.add_argument("--pages", type=int, default=50, help="generated pages per language")
    comparing = commands.add_parser("compare", help="compare two saves")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "save":
        return save(args.out.resolve(), args.pages)
    differences = compare(args.old, args.new)
    for line in differences:
        print(line)
    summary = counted(len(differences), "difference", "differences")
    print(summary if differences else "The same output.")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
