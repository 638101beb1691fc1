"""The glossary as a Python-Markdown extension: the first time a page writes a term of
its language's glossary, the word becomes a button that shows the definition (on a
tap, a click, Enter or Space; Escape closes it), and the definition is the button's
accessible description, so a screen reader says it with the word.

Named in a configuration as ``oncopress.glossary.glossary_markdown``, with one configuration
per language (Zensical runs Python-Markdown extensions, not MkDocs plugins)::

    markdown_extensions:
      - oncopress.glossary.glossary_markdown:
          glossary: glossary/es.yml   # this language's glossary file
          locale: es

The oncopress MkDocs plugin adds it to each language's pass itself
(``oncopress.cli.step_glossary``). In Python: ``GlossaryExtension(glossary=Glossary(...))``.

Only the first time per page, because a reader who saw the definition once does not
need it at every line, and a screen reader would say it again each time. Never inside
headings, links, code, buttons, footnotes (the references) or a term already marked;
the stamp and the safety block are the theme's, not the page's text.

What it writes (the ids count up on each page)::

    <span class="glossary"><button type="button" class="glossary__term"
    aria-expanded="false" aria-describedby="glossary-1">recurrence</button><span
    class="glossary__definition" id="glossary-1" role="tooltip" hidden="hidden"
    data-search-exclude="">Cancer that comes back after treatment.</span></span>

``data-search-exclude`` keeps the definition out of the search index (Material's
parser skips the element); readability scores skip it by its class
(``oncopress.quality.readability``); a PDF prints it in parentheses after the word
(``oncopress.pdf.handout``).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from oncopress.glossary.entries import DEFINITION, TERM, WRAPPER, Glossary, parse_glossary

NAME = "oncopress_glossary"
# After the inline patterns (20), the footnotes' list (50) and attr_list (8), so the
# text is final and the references are in their own div; before the table of contents
# (5), which only reads headings.
PRIORITY = 7
ID_PREFIX = "glossary-"
SKIPPED = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre", "kbd", "samp", "abbr"}
    | {"button", "script", "style", "sup", "sub", "dfn", "svg", "math", "textarea", "title"}
)
SKIPPED_CLASSES = frozenset({"footnote", WRAPPER, "headerlink"})


class GlossaryExtension(Extension):  # type: ignore[misc]  # markdown ships no types
    """The first time a page writes each term of one language's glossary, marked."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "glossary": ["", "The language's glossary file (a path), or a Glossary"],
            "locale": ["en", "The language of the pages"],
        }
        super().__init__(**kwargs)
        given = self.getConfig("glossary")
        if isinstance(given, Glossary):
            self.glossary = given
        elif given:
            path = Path(str(given))
            self.glossary = parse_glossary(path.read_bytes(), str(given), self.getConfig("locale"))
        else:
            self.glossary = Glossary("", self.getConfig("locale"))

    def __repr__(self) -> str:  # stable: a cache key of the citations names the extensions
        entries = tuple((e.id, e.words, e.definition) for e in self.glossary.entries)
        return f"GlossaryExtension({self.glossary.locale!r}, {hash(entries)})"

    def extendMarkdown(self, md: Markdown) -> None:
        self.step = GlossaryTreeprocessor(md, self.glossary)
        md.treeprocessors.register(self.step, NAME, PRIORITY)

    def use(self, glossary: Glossary) -> None:
        """Mark ``glossary``'s terms from the next page on (one Markdown, many languages)."""
        self.glossary = glossary
        self.step.glossary = glossary


class GlossaryTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, glossary: Glossary) -> None:
        super().__init__(md)
        self.glossary = glossary

    def run(self, root: etree.Element) -> None:
        if self.glossary.entries:
            mark_terms(root, self.glossary)


def mark_terms(root: etree.Element, glossary: Glossary) -> None:
    """Mark the first time ``root``'s text writes each of the glossary's terms."""
    _Marker(glossary).element(root)


class _Marker:
    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.seen: set[str] = set()
        self.count = 0

    def element(self, element: etree.Element) -> None:
        if len(self.seen) == len(self.glossary.entries):
            return  # every term marked: nothing left to look for
        if element.tag in SKIPPED or SKIPPED_CLASSES.intersection(
            (element.get("class") or "").split()
        ):
            return
        if element.text and not isinstance(element.text, AtomicString):
            element.text, marked = self.split(element.text)
            for index, node in enumerate(marked):
                element.insert(index, node)
        index = 0
        while index < len(element):  # the list grows as tails are marked
            child = element[index]
            self.element(child)
            index += 1
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, marked = self.split(child.tail)
                for node in marked:
                    element.insert(index, node)
                    index += 1

    def split(self, text: str) -> tuple[str, list[etree.Element]]:
        """``text`` up to its first new term, and each new term's markup with the text
        after it as its tail."""
        if len(self.seen) == len(self.glossary.entries):
            return text, []
        head, start = text, 0
        marked: list[etree.Element] = []
        for match, entry in self.glossary.find(text):
            if entry.id in self.seen:
                continue
            self.seen.add(entry.id)
            self.count += 1
            node = _markup(match.group(0), entry.definition, f"{ID_PREFIX}{self.count}")
            if marked:
                marked[-1].tail = text[start : match.start()]
            else:
                head = text[: match.start()]
            marked.append(node)
            start = match.end()
        if marked:
            marked[-1].tail = text[start:]
        return head, marked


def _markup(word: str, definition: str, ident: str) -> etree.Element:
    wrapper = etree.Element("span", {"class": WRAPPER})
    button = etree.SubElement(
        wrapper,
        "button",
        {"type": "button", "class": TERM, "aria-expanded": "false", "aria-describedby": ident},
    )
    button.text = AtomicString(word)
    attributes = {"class": DEFINITION, "id": ident, "role": "tooltip", "hidden": "hidden"}
    note = etree.SubElement(wrapper, "span", {**attributes, "data-search-exclude": ""})
    note.text = AtomicString(definition)
    return wrapper


def makeExtension(**kwargs: Any) -> GlossaryExtension:
    return GlossaryExtension(**kwargs)
