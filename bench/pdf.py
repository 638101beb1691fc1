"""Benchmark of the PDFs (issue 4): what they add to a build, cold and warm.

Generates a bilingual site of N pages per language (bench/sitegen.py: the real
mkdocs.yml, hooks and templates), then builds it with ``mkdocs build --strict``:

1. HTML only (``SITE_PDFS=0``);
2. cold, with PDFs, empty cache, one worker per CPU;
3. warm rebuild with PDFs, nothing changed (every PDF comes from the cache);
4. cold with 1 worker, then cold with 2 workers (the PDF phase, per PDF).

Each build runs in its own wrapper process, so its peak memory is the largest
resident set of the build and its PDF workers (``getrusage(RUSAGE_CHILDREN)``).
Times are wall-clock seconds, the best of ``--repeat`` interleaved rounds (each
round runs every kind of build once, so a burst of load elsewhere hits one round,
not one figure). The "PDF phase" is the time in the hook's ``PDF: ...`` log line.
Not a test: the figures depend on the machine (see BENCHMARKS.md).

    python bench/pdf.py [N] [--repeat R] [--keep DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PDF_LINE = re.compile(r"PDF: (\d+) rendered, (\d+) reused in ([\d.]+) s")


TEXT = {
    "en": (
        "Many people have questions after treatment ends. Your care team can help you. Write "
        "your questions down before each visit, and bring a friend or family member if you can."
    ),
    "es": (
        "Muchas personas tienen preguntas cuando termina el tratamiento. Su equipo de atención "
        "médica le puede ayudar. Escriba sus preguntas antes de cada cita y venga con un familiar."
    ),
}


def generate(out: Path, pages: int) -> Path:
    """The real site (hooks, templates, pages) plus generated pages up to ``pages`` per
    language, in ``out`` (replaced); returns its mkdocs.yml."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for name in ("hooks", "overrides", "docs", "docs_es"):
        ignore = shutil.ignore_patterns("__pycache__")
        shutil.copytree(ROOT / name, out / name, ignore=ignore)
    for name in ("bibliography.bib", "reviewers.yml"):
        shutil.copy2(ROOT / name, out / name)
    real = len([p for p in (ROOT / "docs").rglob("*.md") if p.name != "pdfs.md"])
    for number in range(max(0, pages - real)):
        for locale, folder in (("en", "docs"), ("es", "docs_es")):
            title = f"Topic {number}" if locale == "en" else f"Tema {number}"
            meta = {
                "title": title,
                "description": f"{title}.",
                "last_revised": "2024-02-29",
                "reviewed_by": ["content-team"],
            }
            if locale == "es":
                meta.update(
                    translation_of="2024-02-29", translation_reviewed_by=["translation-team"]
                )
            body = [f"# {title}", ""]
            for part in range(1, 4):
                body += [f"## {title}.{part}", "", TEXT[locale], "", "- one", "- two", ""]
            body += [TEXT[locale] + " [@emery2022management; @gotze2019fear]", ""]
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            path = out / folder / f"topics/topic-{number:04d}.md"
            path.parent.mkdir(exist_ok=True)
            path.write_text(f"---\n{front}---\n\n" + "\n".join(body), encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("nav", None)
    # the copy's hooks run the installed core (./tasks setup): it has no src/ to watch
    config["watch"] = [path for path in config["watch"] if path != "src/oncopress"]
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (out / "mkdocs.yml").write_text(text, encoding="utf-8")
    sign_off(out)
    return out / "mkdocs.yml"


def sign_off(out: Path) -> None:
    """A strict build refuses pages nobody signed off: the real pages keep the real
    ledger's sign-offs, and the generated ones are signed off with ``./tasks sign-off``."""
    from oncopress.cli import editor

    shutil.copy2(ROOT / "sign-offs.yml", out / "sign-offs.yml")
    translated = ["--translation-by", "translation-team"]
    for folder, more in (("docs", []), ("docs_es", translated)):
        pages = sorted(str(path) for path in (out / folder / "topics").glob("*.md"))
        if not pages:
            continue
        command = ["-f", str(out / "mkdocs.yml"), "sign-off", *pages, "--by", "content-team"]
        with contextlib.redirect_stdout(io.StringIO()):
            status = editor.main([*command, "--date", "2024-02-29", *more])
        if status != 0:
            raise SystemExit("bench/pdf.py: the generated pages could not be signed off")


def measure(config: Path, site: Path, env: dict[str, str]) -> dict[str, float]:
    """One strict build in a wrapper process: wall time, peak RSS, the PDF line."""
    wrapper = (
        "import json, resource, subprocess, sys, time\n"
        "started = time.perf_counter()\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "seconds = time.perf_counter() - started\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps({'seconds': seconds, 'rss': rss, 'code': done.returncode,"
        " 'log': done.stdout + done.stderr}))\n"
    )
    mkdocs = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(config),
        "-d",
        str(site),
    ]
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *mkdocs],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=config.parent,
    )
    result = json.loads(out.stdout)
    if result["code"] != 0:
        raise SystemExit(f"build failed:\n{result['log']}")
    figures = {"seconds": result["seconds"], "rss": result["rss"]}
    match = PDF_LINE.search(result["log"])
    if match:
        figures.update(rendered=int(match[1]), reused=int(match[2]), pdf_seconds=float(match[3]))
    return figures


def best(runs: list[dict[str, float]], by: str = "seconds") -> dict[str, float]:
    """The fastest run (by ``by``), with the highest peak memory of all runs."""
    fastest = min(runs, key=lambda run: run[by])
    return {**fastest, "rss": max(run["rss"] for run in runs)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", type=int, default=20, help="pages per language")
    parser.add_argument("--repeat", type=int, default=3, help="rounds (best of each is kept)")
    parser.add_argument("--keep", type=Path, help="generate the site here and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="bench-pdf-"))
    config = generate(work / "project", args.pages)
    site = work / "site"
    cache = config.parent / ".cache" / "pdf"

    def build(pdfs: bool, cold: bool = False, workers: int | None = None) -> dict[str, float]:
        if cold:
            shutil.rmtree(cache, ignore_errors=True)
        env = {"SITE_PDFS": "1" if pdfs else "0"}
        if workers is not None:
            env["SITE_PDF_WORKERS"] = str(workers)
        return measure(config, site, env)

    load = os.getloadavg()[0]
    runs: dict[str, list[dict[str, float]]] = {k: [] for k in ("html", "cold", "warm", "1", "2")}
    for _ in range(args.repeat):  # interleaved, so every figure sees the same machine load
        runs["cold"].append(build(True, cold=True))
        runs["warm"].append(build(True))
        runs["html"].append(build(False))
        runs["1"].append(build(True, cold=True, workers=1))
        runs["2"].append(build(True, cold=True, workers=2))
    html, first, warm = best(runs["html"]), best(runs["cold"]), best(runs["warm"])
    one, two = best(runs["1"], by="pdf_seconds"), best(runs["2"], by="pdf_seconds")
    pdfs = int(first["rendered"])
    per_one = one["pdf_seconds"] / pdfs
    per_two = two["pdf_seconds"] / pdfs

    print(f"site: {args.pages} pages per language ({pdfs} PDFs, booklets included)")
    print(
        f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
        f"load average {load:.1f} before / {os.getloadavg()[0]:.1f} after; "
        f"best of {args.repeat} interleaved rounds"
    )
    print(f"HTML-only build          {html['seconds']:6.2f} s   peak {html['rss']:5.0f} MB")
    print(
        f"cold build with PDFs     {first['seconds']:6.2f} s   peak {first['rss']:5.0f} MB"
        f"   (PDF phase {first['pdf_seconds']:.1f} s, {os.cpu_count()} workers)"
    )
    print(
        f"warm rebuild with PDFs   {warm['seconds']:6.2f} s   peak {warm['rss']:5.0f} MB"
        f"   ({int(warm['reused'])} reused, {int(warm['rendered'])} rendered)"
    )
    ratio = warm["seconds"] / html["seconds"]
    verdict = "met" if ratio <= 1.2 else "MISSED"
    print(f"warm / HTML-only         {ratio:6.2f} x   (target <= 1.20: {verdict})")
    print(f"seconds per PDF, cold    {first['pdf_seconds'] / pdfs:6.3f} s")
    print(
        f"  1 worker               {per_one:6.3f} s per PDF (PDF phase {one['pdf_seconds']:.1f} s)"
    )
    print(
        f"  2 workers              {per_two:6.3f} s per PDF (PDF phase {two['pdf_seconds']:.1f} s)"
    )
    speedup = per_one / per_two
    verdict = "met" if speedup >= 1.6 else "MISSED"
    print(f"  speed-up               {speedup:6.2f} x   (target >= 1.60: {verdict})")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
