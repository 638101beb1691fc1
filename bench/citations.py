"""Citations rendered two ways on a generated site (``bench/sitegen.py``) of N pages per
language: as the build does today (``hooks/bibliography.py``, mkdocs-bibtex,
``hooks/citation_cache.py``), and by the citation extension
(``oncopress.citations.markdown_ext``) in their place.

The extension's way is wired as a build without mkdocs-bibtex would wire it: the
extension in ``markdown_extensions``, its ``locale`` set for each language pass. The
two citation hooks are left out. mkdocs-bibtex stays loaded, because the editorial hook
reads the bibliography through it; a small hook (written into the site's folder) gives
each page back the Markdown it had before mkdocs-bibtex, whose work is then thrown
away and counted apart.

Each way is built strictly ``--runs`` times in fresh processes (the first run warms the
caches and is not counted), timed by plugin event as ``bench/events.py`` times them.
It prints, for each way, the median processor time of MkDocs' Markdown rendering, of
the citation handlers, and of the whole build (for the extension's way, less the
thrown-away work), and checks that both ways wrote the same site, byte for byte.

    .venv/bin/python bench/citations.py            # N = 200
    .venv/bin/python bench/citations.py 50 --runs 5
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import yaml
from scale import environment

from oncopress.cli.benchsite import generate

EXTENSION = "oncopress.citations.markdown_ext"
CITATION_HOOKS = ("hooks/bibliography.py", "hooks/citation_cache.py")
# The wiring (two hook files: a hook file has one handler per event).
WIRING = f'''"""bench/citations.py: the citation extension, for each language pass."""
import os

from mkdocs.plugins import event_priority


def on_pre_build(config):
    bibliography = os.path.join(os.path.dirname(config.config_file_path), "bibliography.bib")
    if "{EXTENSION}" not in config.markdown_extensions:
        config.markdown_extensions.append("{EXTENSION}")
    locale = config.plugins["i18n"].current_language
    config.mdx_configs["{EXTENSION}"] = {{"bibliography": bibliography, "locale": locale}}


@event_priority(1)  # just before mkdocs-bibtex (0)
def on_page_markdown(markdown, page, config, files):
    page.bench_markdown = markdown
    return markdown
'''
RESTORE = '''"""bench/citations.py: each page's Markdown as it was before mkdocs-bibtex."""
from mkdocs.plugins import event_priority


@event_priority(-1)  # just after mkdocs-bibtex (0)
def on_page_markdown(markdown, page, config, files):
    return page.bench_markdown
'''
THROWN_AWAY = ("bibtex: on_page_markdown", "citation_wiring.py", "citation_restore.py")


def with_extension(site: Path) -> Path:
    """A copy of ``site`` rendering citations with the extension; its mkdocs.yml."""
    copy = site.parent / "extension"
    shutil.copytree(site, copy, symlinks=True)
    (copy / "citation_wiring.py").write_text(WIRING, encoding="utf-8")
    (copy / "citation_restore.py").write_text(RESTORE, encoding="utf-8")
    config = yaml.safe_load((copy / "mkdocs.yml").read_text(encoding="utf-8"))
    config["hooks"] = [hook for hook in config["hooks"] if hook not in CITATION_HOOKS]
    config["hooks"] += ["citation_wiring.py", "citation_restore.py"]
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (copy / "mkdocs.yml").write_text(text, encoding="utf-8")
    return copy / "mkdocs.yml"


def timed(config: Path) -> tuple[float, Counter[str]]:
    """One strict build of ``config`` in a fresh process: (whole, time per handler)."""
    events = Path(__file__).resolve().parent / "events.py"
    out = subprocess.run(
        [sys.executable, str(events), "--json", str(config)],
        env=environment(config.resolve()),
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout.strip().splitlines()[-1])
    return data["total"], Counter(data["spent"])


def figures(total: float, spent: Counter[str]) -> dict[str, float]:
    thrown = sum(t for name, t in spent.items() if any(part in name for part in THROWN_AWAY))
    citations = sum(
        t
        for name, t in spent.items()
        if any(hook in name for hook in CITATION_HOOKS) or name.startswith("bibtex:")
    )
    return {
        "Markdown (Page.render)": spent["MkDocs: Markdown (Page.render)"],
        "citation hooks and mkdocs-bibtex": citations - thrown,
        "whole build": total - thrown,
    }


def same_site(first: Path, second: Path) -> list[str]:
    """The files that differ between two built sites."""
    names = {p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file()}
    names |= {p.relative_to(second).as_posix() for p in second.rglob("*") if p.is_file()}
    return sorted(
        name
        for name in names
        if not (first / name).is_file()
        or not (second / name).is_file()
        or (first / name).read_bytes() != (second / name).read_bytes()
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        today = generate(Path(folder) / "today", args.pages)
        ways = {"today": today, "extension": with_extension(today.parent)}
        results: dict[str, list[dict[str, float]]] = {way: [] for way in ways}
        for run in range(args.runs + 1):
            for way, config in ways.items():
                measured = figures(*timed(config))
                if run:  # the first run warms the caches
                    results[way].append(measured)
        differing = same_site(today.parent / "site", ways["extension"].parent / "site")
    print(f"{args.pages} pages per language, median of {args.runs} warm strict builds")
    print("| processor time | today | extension |")
    print("|---|---|---|")
    for name in results["today"][0]:
        cells = [statistics.median(r[name] for r in results[way]) for way in ways]
        print(f"| {name} | " + " | ".join(f"{cell:.3f} s" for cell in cells) + " |")
    print("same site, byte for byte" if not differing else f"different files: {differing}")


if __name__ == "__main__":
    main()
