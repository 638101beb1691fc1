"""The site's search index, split so that a query fetches only what it needs.

Each language has its own index, in its folder (``search/``, ``es/search/``):

- ``search/search_index.json``: what the search worker reads when the page starts it:
  Material's search settings, the language, its synonyms and stop words, and the
  index's ``shards`` (the prefixes split further, and a version for the URLs);
- ``search/shards/<key>.json``: the words whose folded form starts with ``key`` (one
  character, or more where a shard grew past ``SHARD_BYTES``): each word's stem, and
  each stem's pages with their score and the sections that have the stem (written as
  ``encode_postings`` says); the shard
  of a prefix split further keeps the best pages of the words that start with it;
- ``search/pages/<n>.json``: page ``n``'s address, title and sections, each with its
  heading, anchor and the start of its text (``EXCERPT`` characters), for the results.

A query fetches the shard of each word typed, and the page files of the ten results it
shows: tens of kilobytes, whatever the size of the site. The worker
(``overrides/assets/javascripts/workers/oncopress-search.js``) does the rest: it ranks
the pages in the browser from the scores computed here.

Words are folded (lowercase, accents off but ``ñ`` kept: ``fold_accents``) and stemmed
with the language's Snowball stemmer (``snowballstemmer``); the worker stems a query
word with the same Snowball algorithm, compiled to JavaScript from the same release
(``overrides/assets/javascripts/workers/stemmers/``), and looks up a word it finds in
the shard by the stem computed here, so the two never disagree on a word the site has.
A page's score for a stem is BM25 over the page, a word in the page's title counting
``TITLE_WEIGHT`` times and in a heading ``HEADING_WEIGHT`` times, times the page's
``search: boost:``.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from oncopress.search.indexes import fold_accents
from oncopress.search.sections import Section

# The Snowball algorithm of each language the worker can stem (its JavaScript twin is
# stemmers/<algorithm>.js); a language not listed is searched by whole words.
STEMMERS: Mapping[str, str] = {
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "pt": "portuguese",
    "de": "german",
    "it": "italian",
}
# Words a query keeps only when it has nothing else: a question typed in full ("who
# checks the pages") still finds the pages with its other words.
STOP_WORDS: Mapping[str, frozenset[str]] = {
    "en": frozenset(
        "a an and are as at be by can do does for from how i in is it me my of on or "
        "that the this to what when where which who why with you your".split()
    ),
    "es": frozenset(
        "a al como con cual cuando de del donde el en es esta este la las le lo los me mi "
        "mis o para por que quien se si son su sus te tu un una unas unos y".split()
    ),
}
FOLDER = "search"
SHARD_BYTES = 32_000  # a shard larger than this is split by the words' next character
KEY_LENGTH = 1  # the characters of a shard's key, before any split
MAX_KEY_LENGTH = 6
PREFIX_PAGES = 50  # the pages a split prefix's own shard keeps for words that start with it
EXCERPT = 400  # characters of each section's text kept for the results' excerpts
TITLE_WEIGHT = 5
HEADING_WEIGHT = 3
K1, B = 1.2, 0.75  # BM25's term-frequency saturation and length normalisation
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class IndexedPage:
    """A page to index: its address relative to its language's home, its title, its
    sections (``oncopress.search.sections.page_sections``) and its ``search: boost:``."""

    location: str
    title: str
    sections: Sequence[Section]
    boost: float = 1.0


@dataclass
class SearchIndex:
    """A language's index: the files to write under its folder, by path relative to
    it, and what the worker reads of its shards (``shards``: split prefixes, stemmer,
    version)."""

    files: dict[str, str] = field(default_factory=dict)
    shards: dict[str, Any] = field(default_factory=dict)


class Words:
    """A language's word splitting, folding and stemming, each distinct word once."""

    def __init__(self, locale: str) -> None:
        self.algorithm = STEMMERS.get(locale)
        self._stemmer: Any = None
        if self.algorithm:
            import snowballstemmer

            self._stemmer = snowballstemmer.stemmer(self.algorithm)
        self._folded: dict[str, str] = {}
        self._stems: dict[str, str] = {}
        self._word_stems: dict[str, str] = {}  # a word as written (lowercase) -> its stem
        self.folded_words: dict[str, str] = {}  # each folded word seen by stems() -> its stem

    def split(self, text: str) -> list[str]:
        """The folded words of ``text``, in order (``Remisión, 2`` -> ``remision``, ``2``)."""
        return [self._fold(word) for word in _words(text)]

    def stems(self, text: str) -> tuple[dict[str, int], int]:
        """How many times each stem stands in ``text``, and how many words it has; each
        distinct word of the text folded and stemmed once."""
        raw = Counter(_words(text))
        found: dict[str, int] = {}
        known = self._word_stems
        for word, times in raw.items():
            stem = known.get(word)
            if stem is None:
                folded = self._fold(word)
                stem = known[word] = self.stem(folded)
                self.folded_words[folded] = stem
            found[stem] = found.get(stem, 0) + times
        return found, sum(raw.values())

    def _fold(self, word: str) -> str:
        found = self._folded.get(word)
        if found is None:
            found = self._folded[word] = fold_accents(word)
        return found

    def stem(self, word: str) -> str:
        """The stem of the folded ``word`` (the word itself without a stemmer)."""
        found = self._stems.get(word)
        if found is None:
            found = self._stemmer.stemWord(word) if self._stemmer else word
            self._stems[word] = found = found or word
        return found


def _words(text: str) -> list[str]:
    """The words of ``text``, lowercase, as written."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def shard_key(word: str, split: Iterable[str] | frozenset[str]) -> str:
    """The key of the shard holding ``word``: its first ``KEY_LENGTH`` characters, one
    more for each split prefix it starts with (a word no longer than a split prefix stays
    in that prefix's own shard)."""
    length = KEY_LENGTH
    while len(word) > length and word[:length] in split:
        length += 1
    return word[:length]


def shard_file(key: str) -> str:
    """The file of the shard ``key``: its UTF-8 bytes in hexadecimal (``qu`` -> ``7175``),
    a name that every file system and URL keeps as it is."""
    return f"shards/{key.encode('utf-8').hex()}.json"


def build_index(pages: Sequence[IndexedPage], locale: str) -> SearchIndex:
    """The index of ``pages``, all of language ``locale`` (see the module)."""
    words = Words(locale)
    frequencies: list[dict[str, float]] = []  # per page: stem -> weighted count
    sections_of: list[dict[str, list[int]]] = []  # per page: stem -> its sections
    lengths: list[int] = []
    index = SearchIndex()
    for number, page in enumerate(pages):
        counts: dict[str, float] = defaultdict(float)
        where: dict[str, list[int]] = {}
        length = 0
        for position, section in enumerate(page.sections):
            for weight, text in ((HEADING_WEIGHT, section.title), (1, section.text)):
                found, total = words.stems(text)
                length += total
                for stem, times in found.items():
                    counts[stem] += weight * times
                    places = where.setdefault(stem, [])
                    if not places or places[-1] != position:
                        places.append(position)
        found, total = words.stems(page.title)
        for stem, times in found.items():
            counts[stem] += TITLE_WEIGHT * times
            where.setdefault(stem, [])
        frequencies.append(counts)
        sections_of.append(where)
        lengths.append(length + total)
        index.files[f"pages/{number}.json"] = _dump(_page_record(page))
    stems_of = words.folded_words
    encoded = _postings(pages, frequencies, sections_of, lengths)  # counts become scores
    split = _split_prefixes(stems_of, encoded)
    shards: dict[str, dict[str, Any]] = defaultdict(lambda: {"w": {}, "p": {}})
    for word, stem in sorted(stems_of.items()):
        shards[shard_key(word, split)]["w"][word] = stem
    for stem, text in sorted(encoded.items()):
        shards[shard_key(stem, split)]["p"][stem] = text
    for prefix, entries in _prefix_pages(stems_of, frequencies, sections_of, split).items():
        shards[prefix]["x"] = encode_postings(entries)
    for key, shard in shards.items():
        index.files[shard_file(key)] = _dump(shard)
    version = hashlib.sha256()
    for path in sorted(index.files):
        version.update(path.encode() + b"\0" + index.files[path].encode("utf-8") + b"\0")
    index.shards = {
        "split": sorted(split),
        "stemmer": words.algorithm or "",
        "version": version.hexdigest()[:12],
    }
    return index


def _page_record(page: IndexedPage) -> dict[str, Any]:
    sections = [[s.title, s.anchor, _start(s.text)] for s in page.sections]
    return {"l": page.location, "t": page.title, "s": sections}


def _start(text: str) -> str:
    """The first ``EXCERPT`` characters of ``text``, cut at a space."""
    if len(text) <= EXCERPT:
        return text
    cut = text.rfind(" ", 0, EXCERPT)
    return text[: cut if cut > EXCERPT // 2 else EXCERPT]


def _postings(
    pages: Sequence[IndexedPage],
    frequencies: Sequence[dict[str, float]],
    sections_of: Sequence[Mapping[str, list[int]]],
    lengths: Sequence[int],
) -> dict[str, str]:
    """Per stem: its pages, written by ``encode_postings``: ``[page, score, section...]``
    for each page that has it, by page, the score BM25 x 100 x boost, rounded (at least
    1). Scored and written in one pass (half a million postings at 2000 pages); each
    page's count of a stem in ``frequencies`` is replaced by its score."""
    documents = len(pages)
    average = (sum(lengths) / documents) if documents else 1.0
    pages_with: Counter[str] = Counter()
    for counts in frequencies:
        pages_with.update(counts.keys())
    idf = {
        stem: math.log(1 + (documents - df + 0.5) / (df + 0.5)) for stem, df in pages_with.items()
    }
    codes, top = _CODES, len(_CODES)
    pieces: dict[str, list[str]] = defaultdict(list)
    previous: dict[str, int] = defaultdict(int)
    for number, counts in enumerate(frequencies):
        norm = K1 * (1 - B + B * lengths[number] / (average or 1.0))
        factor = (K1 + 1) * 100 * pages[number].boost
        where = sections_of[number]
        for stem, count in counts.items():
            score = counts[stem] = max(1, round(idf[stem] * count * factor / (count + norm)))
            delta = number - previous[stem]
            previous[stem] = number
            sections = where[stem]
            head = (
                codes[delta] + codes[score]
                if delta < top and score < top
                else _code(delta) + _code(score)
            )
            if len(sections) == 1 and sections[0] < top:
                pieces[stem].append(head + "1" + codes[sections[0]])
            else:
                numbers = (len(sections), *sections)
                tail = "".join(codes[n] if n < top else _code(n) for n in numbers)
                pieces[stem].append(head + tail)
    return {stem: "".join(parts) for stem, parts in pieces.items()}


def _split_prefixes(stems_of: Mapping[str, str], encoded: Mapping[str, str]) -> frozenset[str]:
    """The prefixes whose shard would pass ``SHARD_BYTES``, each split by one more
    character (up to ``MAX_KEY_LENGTH``); ``encoded``: each stem's postings, written."""
    sizes = {stem: len(text) + len(stem) + 6 for stem, text in encoded.items()}
    split: set[str] = set()
    while True:
        weight: dict[str, int] = defaultdict(int)
        longer: set[str] = set()  # keys with a word longer than the key
        for word, stem in stems_of.items():
            key = shard_key(word, split)
            weight[key] += len(word) + len(stem) + 6
            if len(word) > len(key):
                longer.add(key)
        for stem, size in sizes.items():
            weight[shard_key(stem, split)] += size
        grown = {
            key
            for key, size in weight.items()
            if size > SHARD_BYTES and len(key) < MAX_KEY_LENGTH and key in longer
        }
        if not grown:
            return frozenset(split)
        split |= grown


def _prefix_pages(
    stems_of: Mapping[str, str],
    scores: Sequence[Mapping[str, float]],
    sections_of: Sequence[Mapping[str, list[int]]],
    split: frozenset[str],
) -> dict[str, list[list[int]]]:
    """Per split prefix: the ``PREFIX_PAGES`` best pages of the words that start with it
    (each page's best posting among them: the highest score, on a tie the stem of the
    word first in ``stems_of``), kept in the prefix's own shard. The shard of a split
    prefix holds only the words no longer than it: these are what a word typed so far
    (``p``, ``pr``) finds before its next character says which shard it needs.
    ``scores``: per page, each stem's score (``_postings``)."""
    under: dict[str, dict[str, int]] = defaultdict(dict)  # stem -> its prefixes, its rank
    ranks: dict[str, int] = defaultdict(int)
    for word, stem in stems_of.items():
        for length in range(KEY_LENGTH, min(len(word), MAX_KEY_LENGTH) + 1):
            prefix = word[:length]
            if prefix not in split:
                break
            if prefix not in under[stem]:
                under[stem][prefix] = ranks[prefix]
                ranks[prefix] += 1
    best: dict[str, dict[int, tuple[float, int, str]]] = defaultdict(dict)
    for number, page_scores in enumerate(scores):
        for stem, score in page_scores.items():
            for prefix, rank in under.get(stem, {}).items():
                pages = best[prefix]
                kept = pages.get(number)
                if kept is None or score > kept[0] or (score == kept[0] and rank < kept[1]):
                    pages[number] = (score, rank, stem)
    kept_pages: dict[str, list[list[int]]] = {}
    for prefix, pages in best.items():
        ranked = sorted(pages.items(), key=lambda item: (-item[1][0], item[0]))
        kept_pages[prefix] = [
            [number, int(score), *sections_of[number][stem]]
            for number, (score, _, stem) in sorted(ranked[:PREFIX_PAGES])
        ]
    return kept_pages


# The digits of the postings' numbers: a number is written 5 bits at a time, lowest
# first, each group but the last in _MORE and the last in _LAST.
_LAST = "0123456789abcdefghijklmnopqrstuv"
_MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-_.~:;"


def encode_postings(entries: Iterable[Sequence[int]]) -> str:
    """``[page, score, section...]`` entries, by page, as one string: for each entry, the
    page's distance from the previous one's, its score, its number of sections and the
    sections (``[[2, 1, 4], [3, 1, 4]]`` -> ``2114 1114`` without the space). The worker's
    ``decodePostings`` reads it back."""
    out: list[str] = []
    previous = 0
    codes = _CODES
    for page, score, *sections in entries:
        for number in (page - previous, score, len(sections), *sections):
            out.append(codes[number] if number < len(codes) else _code(number))
        previous = page
    return "".join(out)


def _code(number: int) -> str:
    digits = []
    while number >= 32:
        digits.append(_MORE[number & 31])
        number >>= 5
    digits.append(_LAST[number])
    return "".join(digits)


_CODES = [_code(number) for number in range(4096)]


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def language_settings(
    locale: str,
    synonyms: Mapping[str, Sequence[str]],
    config: Mapping[str, Any],
    shards: Mapping[str, Any],
) -> dict[str, Any]:
    """What the worker reads from a language's ``search/search_index.json``: Material's
    search settings (``config``), the language, its synonyms, its stop words and the
    index's ``shards``; no documents (they are in the shards)."""
    settings = {**config, "lang": [locale], "pipeline": []}
    settings["synonyms"] = {word: list(words) for word, words in synonyms.items()}
    settings["stopwords"] = sorted(STOP_WORDS.get(locale, frozenset()))
    settings["shards"] = dict(shards)
    return {"config": settings, "docs": []}
