"""The glossary: one file per language (``glossary/en.yml``, ``glossary/es.yml`` next to
mkdocs.yml), each mapping a term's id, shared by every language, to the term as pages
write it, its other forms, and a short plain-language definition::

    recurrence:
      term: recurrence
      variants: [recurrences]
      definition: Cancer that comes back after treatment.

``read_glossaries`` reads every language's file and checks them, each problem with the
file and line: YAML that does not parse, an entry without a term or a definition, the
same word defined twice in one language, and an id one language has and another lacks
(a term is explained in every language or in none). No glossary folder: no glossary.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

from oncopress.files.conflicts import conflict_message
from oncopress.files.textfile import NotUtf8Error, decode_text
from oncopress.pages.frontmatter import describe_yaml_error

FOLDER = "glossary"  # next to mkdocs.yml: glossary/<locale>.yml
# The classes of the markup a marked term gets (oncopress.glossary.glossary_markdown): the
# word and its definition, in a wrapper.
WRAPPER, TERM, DEFINITION = "glossary", "glossary__term", "glossary__definition"
TERM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_FIELDS = ("term", "variants", "definition")
_EXAMPLE = (
    "like:\nrecurrence:\n  term: recurrence\n  variants: [recurrences]\n"
    "  definition: Cancer that comes back after treatment."
)


class GlossaryError(ValueError):
    """A glossary file cannot be used: every problem, each with the file and line."""


@dataclass(frozen=True)
class Entry:
    """One term of one language's glossary."""

    id: str
    term: str
    variants: tuple[str, ...]
    definition: str
    line: int  # where its id is written

    @property
    def words(self) -> tuple[str, ...]:
        return (self.term, *self.variants)


def normalize_word(word: str) -> str:
    """A term as matching compares it: lowercase, one space between words."""
    return " ".join(word.split()).casefold()


@dataclass(frozen=True)
class Glossary:
    """One language's glossary, in the file's order."""

    source: str  # the file, from the project root
    locale: str
    entries: tuple[Entry, ...] = ()

    @cached_property
    def _by_word(self) -> dict[str, Entry]:
        return {normalize_word(word): entry for entry in self.entries for word in entry.words}

    @cached_property
    def _pattern(self) -> re.Pattern[str] | None:
        words = sorted(self._by_word, key=len, reverse=True)  # "lymph nodes" before "lymph"
        if not words:
            return None
        forms = "|".join(r"\s+".join(map(re.escape, word.split())) for word in words)
        return re.compile(rf"(?<![\w-])(?:{forms})(?![\w-])", re.IGNORECASE)

    def find(self, text: str) -> Iterator[tuple[re.Match[str], Entry]]:
        """Each term or variant written in ``text`` (whole words, any case, any spaces
        between words), with its entry, in order."""
        pattern = self._pattern
        if pattern is None:
            return
        for match in pattern.finditer(text):
            yield match, self._by_word[normalize_word(match.group(0))]

    def shown_in(self, markdown: str) -> dict[str, str]:
        """Each entry whose term or a variant is written anywhere in ``markdown`` (a
        page's text): its term -> its definition, as the page's fingerprint covers them.
        It may name more terms than the page marks (one in a heading only), never fewer."""
        shown: dict[str, str] = {}
        for _, entry in self.find(markdown):
            shown.setdefault(entry.term, entry.definition)
        return dict(sorted(shown.items()))


def glossary_file(locale: str) -> str:
    """A language's glossary file, from the project root."""
    return f"{FOLDER}/{locale}.yml"


def read_glossaries(
    root: Path, locales: Sequence[str], read: Callable[[Path], bytes | None]
) -> dict[str, Glossary]:
    """Every language's glossary (``read(path)``: a file's bytes, None when it does not
    exist); empty when no language has one. Raises ``GlossaryError``."""
    found = {locale: read(root / glossary_file(locale)) for locale in locales}
    if all(data is None for data in found.values()):
        return {}
    glossaries: dict[str, Glossary] = {}
    problems: list[str] = []
    for locale, data in found.items():
        name = glossary_file(locale)
        if data is None:
            others = ", ".join(glossary_file(other) for other in found if found[other] is not None)
            problems.append(
                f"Glossary '{name}' not found: every language needs its glossary, as "
                f"{others} has one; create it with the same term ids, or remove the others"
            )
            continue
        try:
            glossaries[locale] = parse_glossary(data, name, locale)
        except GlossaryError as error:
            problems.append(str(error))
    if not problems:
        problems = counterpart_problems(list(glossaries.values()))
    if problems:
        raise GlossaryError("\n".join(problems))
    return glossaries


def counterpart_problems(glossaries: Sequence[Glossary]) -> list[str]:
    """A line per term id that one language's glossary has and another's lacks."""
    problems: list[str] = []
    for glossary in glossaries:
        for other in glossaries:
            ids = {entry.id for entry in other.entries}
            problems.extend(
                f"Glossary '{other.source}': '{entry.id}' ({glossary.source}, line "
                f"{entry.line}) has no entry here; add it in this language, or remove it "
                "from every glossary"
                for entry in glossary.entries
                if entry.id not in ids
            )
    return problems


def parse_glossary(data: bytes | str, name: str, locale: str) -> Glossary:
    """One glossary file's entries. Raises ``GlossaryError`` listing every problem."""
    where = f"Glossary '{name}'"
    try:
        text = decode_text(data) if isinstance(data, bytes) else data
        conflicted = conflict_message(text, where)
        if conflicted:
            raise GlossaryError(conflicted)
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except NotUtf8Error as error:
        raise GlossaryError(f"{where} {error}") from None
    except yaml.YAMLError as error:
        reason = describe_yaml_error(error, text=str(text))
        raise GlossaryError(f"{where} is not valid YAML ({reason}); fix it") from None
    if node is None:
        return Glossary(name, locale)
    if not isinstance(node, yaml.MappingNode):
        raise GlossaryError(
            f"{where} (line {_line(node)}): map each term's id to its 'term' and "
            f"'definition', {_EXAMPLE}"
        )
    entries: list[Entry] = []
    problems: list[str] = []
    first: dict[str, int] = {}
    for key, value in node.value:
        entry, found = _entry(key, value)
        problems += [f"{where} (line {_line(key)}): {problem}" for problem in found]
        if entry is None:
            continue
        if entry.id in first:
            problems.append(
                f"{where} (line {entry.line}): '{entry.id}' is written twice (also line "
                f"{first[entry.id]}); keep one entry"
            )
            continue
        first[entry.id] = entry.line
        entries.append(entry)
    problems += _duplicate_words(entries, where)
    if problems:
        raise GlossaryError("\n".join(problems))
    return Glossary(name, locale, tuple(entries))


def _entry(key: yaml.Node, value: yaml.Node) -> tuple[Entry | None, list[str]]:
    ident = key.value if isinstance(key, yaml.ScalarNode) else ""
    if not TERM_ID.fullmatch(ident):
        return None, [f"term id '{ident}' must be lowercase letters, digits and hyphens"]
    if not isinstance(value, yaml.MappingNode):
        return None, [f"'{ident}' must have a 'term' and a 'definition', {_EXAMPLE}"]
    fields: dict[str, yaml.Node] = {}
    problems = []
    for field, node in value.value:
        name = field.value if isinstance(field, yaml.ScalarNode) else ""
        if name not in _FIELDS:
            problems.append(
                f"'{ident}' has an unknown field '{name}' (it may have: term, variants, definition)"
            )
        fields[name] = node
    term, definition = _text(fields.get("term")), _text(fields.get("definition"))
    variants_node = fields.get("variants")
    variants: list[str] = []
    if isinstance(variants_node, yaml.SequenceNode):
        variants = [_text(item) for item in variants_node.value]
    elif variants_node is not None and _text(variants_node):
        variants = [_text(variants_node)]
    if not term:
        problems.append(f"'{ident}' has no 'term': write the word as pages write it")
    if not definition:
        problems.append(f"'{ident}' has no 'definition': write a short plain-language definition")
    if any(not variant for variant in variants):
        problems.append(f"'{ident}' has an empty variant: remove it")
    if problems:
        return None, problems
    entry = Entry(ident, term, tuple(variants), definition, _line(key))
    return entry, []


def _duplicate_words(entries: Sequence[Entry], where: str) -> list[str]:
    """A line per word written in two entries (or twice in one)."""
    owner: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        seen: set[str] = set()
        for word in entry.words:
            key = normalize_word(word)
            earlier = owner.get(key)
            if key in seen or (earlier is not None and earlier is not entry):
                other = earlier if earlier is not None and earlier is not entry else entry
                problems.append(
                    f"{where} (line {entry.line}): '{word}' of '{entry.id}' is also a term "
                    f"or variant of '{other.id}' (line {other.line}); define each word once"
                )
            seen.add(key)
            owner.setdefault(key, entry)
    return problems


def _text(node: yaml.Node | None) -> str:
    """A scalar's text, on one line; "" for anything else."""
    if not isinstance(node, yaml.ScalarNode):
        return ""
    return " ".join(str(node.value).split())


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1
