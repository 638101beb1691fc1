"""Plain-language checks: a readability score per page and language.

English pages are scored with the Flesch-Kincaid grade level (lower is easier; the
target is a US grade, default 8 or below). Spanish pages are scored with the
Fernández-Huerta reading ease (higher is easier; default target 60, the bottom of
the "normal" band, or easier). Scores are computed on the article's prose only:
headings, paragraphs and list items, without navigation, code, or what the build
adds around the text: the references (their heading and the footnotes), the
revision stamp (``page-meta``), the PDF links (``site-pdf-links``) and the
translation notices (``page-notices``).

Spanish syllables come from pylabeador, a rule-based Spanish syllabifier
(diphthongs, hiatus, "qu"/"gu"/"güe", "y" as a vowel); textstat's own Spanish
counts come from hyphenation patterns and miss most hiatus ("día" 1, "idea" 1).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from oncopress.glossary.entries import DEFINITION
from oncopress.i18n.labels import UnknownLocaleError, language_labels
from oncopress.settings.reader import SettingsError, read_section
from oncopress.settings.schema import ReadabilityTargets as ReadabilityTargets

# Elements whose text is prose, and elements whose text is not (skipped with children).
PROSE = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote")
NOT_PROSE = ("pre", "code", "script", "style", "nav", "table", "figure")
NOT_PROSE_CLASSES = (
    "footnote",  # the reference list (the footnotes extension's div)
    "page-meta",  # overrides/partials/page-meta.html: revision stamp, reviewers
    "site-pdf-links",  # overrides/partials/pdf-links.html
    "page-notices",  # overrides/partials/page-notices.html
    "md-source-file",  # Material's revision-date block
    "md-content__button",  # Material's edit/view buttons
    "md-tags",
    "headerlink",
    DEFINITION,  # a glossary term's definition (oncopress.glossary), hidden until asked for
)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TERMINAL = (".", "!", "?", ":", ";", "…")
# Words as textstat counts them: punctuation (hyphens too) removed, apostrophes kept.
_PUNCTUATION = re.compile(r"[^\w\s']")
_LETTERS_OR_DIGITS = re.compile(r"[^\W\d_]+|\d+")
_VOWEL_GROUPS = re.compile(r"[aeiouyáéíóúüàèìòùâêîôûäëïö]+")


class ReadabilityError(SettingsError):
    """A readability setting in mkdocs.yml is unusable."""


@dataclass(frozen=True)
class Readability:
    locale: str
    metric: str
    score: float
    words: int
    target: str
    meets_target: bool

    def describe(self) -> str:
        """One line for the build log and the editorial report."""
        return f"{self.metric} {self.score:.1f} (target {self.target}, {self.words} words)"


def read_targets(settings: Mapping[str, object]) -> ReadabilityTargets:
    """Targets from the ``readability`` mapping (defaults for what is missing)."""
    return read_section(ReadabilityTargets, settings, "extra.quality.readability", ReadabilityError)


def extract_prose(html: str) -> str:
    """The article's prose as plain sentences, one block per line.

    Every prose block ends with a full stop if it has no end punctuation of its
    own, so a heading or a list item counts as a sentence rather than running into
    the next one.
    """
    if not html.strip():
        return ""
    import lxml.html  # imported when a page is scored, like textstat (see measure_readability)

    root = lxml.html.fragment_fromstring(html, create_parent="div")
    for element in list(root.iter()):
        classes = (element.get("class") or "").split()
        if element.tag in NOT_PROSE or any(c in NOT_PROSE_CLASSES for c in classes):
            if element.getparent() is None:
                continue
            heading = element.getprevious()
            if "footnote" in classes and heading is not None and heading.tag in HEADINGS:
                heading.drop_tree()  # "References": the reference list's title
            element.drop_tree()
    sentences = []
    for element in root.iter(*PROSE):
        if any(ancestor.tag in PROSE for ancestor in element.iterancestors()):
            continue  # a paragraph inside a list item is read with the item
        text = " ".join(element.text_content().split())
        if not text:
            continue
        if not text.endswith(TERMINAL):
            text += "."
        sentences.append(text)
    return "\n".join(sentences)


def readability_formula(locale: str) -> str:
    """The formula a language's pages are scored with (its labels file's
    ``readability``): ``flesch_kincaid``, ``fernandez_huerta`` or ``none``."""
    try:
        return language_labels(locale).readability or "flesch_kincaid"
    except UnknownLocaleError:
        return "flesch_kincaid"


def measure_readability(prose: str, locale: str, targets: ReadabilityTargets) -> Readability | None:
    """The page's score against its language's target; None for too little text to score."""
    words = len(prose.split())
    formula = readability_formula(locale)
    if words < targets.min_words or formula == "none":
        return None
    import textstat  # 0.1 s to import: only when a page is scored (the cache usually has it)

    if formula == "fernandez_huerta":
        ease = fernandez_huerta(prose)
        return Readability(
            "es",
            "Fernández-Huerta",
            ease,
            words,
            f">= {targets.es_min_ease:g}",
            ease >= targets.es_min_ease,
        )
    textstat.set_lang("en")
    grade = float(textstat.flesch_kincaid_grade(prose))
    return Readability(
        locale,
        "Flesch-Kincaid grade",
        grade,
        words,
        f"<= {targets.en_max_grade:g}",
        grade <= targets.en_max_grade,
    )


@lru_cache(maxsize=65536)
def count_spanish_syllables(word: str) -> int:
    """The syllables of one word as a Spanish reader says it (at least 1).

    Letters go to pylabeador; what it cannot syllabify never raises: a number counts
    one syllable per digit ("2022" 4, read "dos mil veintidós"), a run of letters
    that is not Spanish (no vowel: "Dr", "mm"; "ç"; "ü" outside "güe"/"güi") counts
    its vowel groups, and a hyphen or apostrophe splits the word ("e-mail" 2).
    """
    import pylabeador  # imported when a Spanish page is scored (see measure_readability)
    from pylabeador.errors import HyphenatorError

    total = 0
    for run in _LETTERS_OR_DIGITS.findall(word.lower()):
        if run.isdigit():
            total += len(run)
            continue
        try:
            total += len(pylabeador.syllabify(run))
        except HyphenatorError:
            total += max(1, len(_VOWEL_GROUPS.findall(run)))
    return max(total, 1)


def spanish_words(prose: str) -> list[str]:
    """The words of ``prose`` as textstat counts them (``lexicon_count``)."""
    return _PUNCTUATION.sub("", prose).split()


def fernandez_huerta(
    prose: str, count_syllables: Callable[[str], int] = count_spanish_syllables
) -> float:
    """Fernández-Huerta reading ease, as textstat 0.7.8 computes it (Law's 2011
    correction of the 1959 formula): 206.84 - 60 x syllables per word - 1.02 x words
    per sentence; sentences are textstat's (fragments of two words or fewer do not
    count). Only the syllable counter differs from textstat."""
    import textstat  # imported when a page is scored (see measure_readability)

    words = spanish_words(prose)
    sentences = int(textstat.sentence_count(prose))
    if not words or not sentences:
        return 0.0
    syllables = sum(count_syllables(word) for word in words)
    return 206.84 - 60 * syllables / len(words) - 1.02 * len(words) / sentences


def hard_to_read_message(result: Readability) -> str:
    """The build log's line for a page outside its target (message of a ``Problem``)."""
    return (
        f"is harder to read than the target: {result.describe()}; "
        "use shorter sentences and everyday words"
    )


def report_fields(result: Readability | None) -> dict[str, object]:
    """The page's readability column in the editorial report (None: too short to score)."""
    if result is None:
        return {"readability": None}
    return {
        "readability": {
            "metric": result.metric,
            "score": round(result.score, 1),
            "target": result.target,
            "ok": result.meets_target,
            "words": result.words,
        }
    }
