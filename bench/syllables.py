"""Spanish syllable counting: pylabeador against textstat's pyphen counts.

Reads the prose of every Spanish page (docs_es/**/*.md, front matter and Markdown
syntax left in: close enough for a speed figure), then times counting the syllables
of every word with pylabeador uncached, with the per-word cache
(oncopress.quality.readability.count_spanish_syllables, lru_cache) cold and warm, and with
textstat 0.7.8's pyphen count. Best of --repeat rounds.

    .venv/bin/python bench/syllables.py --repeat 5
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pylabeador
import textstat
from pylabeador.errors import HyphenatorError

from oncopress.quality.readability import count_spanish_syllables, spanish_words

ROOT = Path(__file__).resolve().parent.parent


def best(run: Callable[[], object], repeat: int, before: Callable[[], object] = list) -> float:
    times = []
    for _ in range(repeat):
        before()
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = "\n".join(p.read_text("utf-8") for p in sorted((ROOT / "docs_es").rglob("*.md")))
    words = [w.lower() for w in spanish_words(text)]
    textstat.set_lang("es")

    def uncached() -> None:
        for word in words:
            try:
                pylabeador.syllabify(word)
            except HyphenatorError:  # the fallback is not what is timed
                pass

    rows = [
        ("pylabeador, no cache", best(uncached, args.repeat)),
        (
            "count_spanish_syllables, cold cache",
            best(
                lambda: [count_spanish_syllables(w) for w in words],
                args.repeat,
                count_spanish_syllables.cache_clear,
            ),
        ),
        (
            "count_spanish_syllables, warm cache",
            best(lambda: [count_spanish_syllables(w) for w in words], args.repeat),
        ),
        (
            "textstat 0.7.8 (pyphen, its own cache)",
            best(lambda: [textstat.syllable_count(w) for w in words], args.repeat),
        ),
    ]
    print(f"{len(words)} words ({len(set(words))} different) from docs_es/\n")
    print("| counter | total | per word |")
    print("|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds * 1000:.1f} ms | {seconds / len(words) * 1e6:.1f} µs |")


if __name__ == "__main__":
    main()
