"""One file of labels per language: everything the site shows around the pages in that
language, read and checked before the build writes a page.

A labels file (``labels/fr.yml`` in the project, or the file
``extra.languages.<locale>.labels`` names) holds::

    open_graph_locale: fr_FR        # the page's og:locale
    readability: none               # flesch_kincaid, fernandez_huerta or none
    labels:                         # the words the build writes (stamp, notices, PDFs...)
      last_revised: Dernière mise à jour
    chrome:                         # the site's own texts, as under extra: in mkdocs.yml
      publisher: {name: ...}
      helpline: {operator: ..., label: ..., hours: ...}
      safety: {title: ..., items: [{label: ..., text: ...}], sources: ...}
    search_synonyms: {rechute: [recidive]}
    theme: {action.skip: Aller au texte}   # Material's strings, worded differently

English and Spanish ship with oncopress (``oncopress/i18n/labels/en.yml``, ``es.yml``):
their project file is optional and changes what it gives. A text of the chrome given
in mkdocs.yml for a language (``extra.helpline.label.en``) stays; the labels file gives
the others. Every label and every text of the chrome the default language shows must
exist in every language: what is missing is listed in one message.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SHIPPED = Path(__file__).parent / "labels"
FORMULAS = ("flesch_kincaid", "fernandez_huerta", "none")
TOP_KEYS = ("open_graph_locale", "readability", "labels", "chrome", "search_synonyms", "theme")
# The chrome's texts, each a text per language under extra: (``extra.helpline.label.en``).
CHROME_TEXTS = (
    "publisher.name",
    "helpline.operator",
    "helpline.label",
    "helpline.hours",
    "chat.label",
    "chat.hours",
    "header_links_label",
    "pdfs_link.label",
    "not_found.title",
    "not_found.text",
    "not_found.home",
    "footer.copyright",
    "footer.usage_policy.label",
    "footer.newsletter.label",
    "footer.donate.label",
    "safety.title",
    "safety.sources",
)
SAFETY_ITEMS = "safety.items"
# Addresses inside the site, per language: the default language's, in the language's
# folder of the site (``pdfs/`` -> ``fr/pdfs/``) when mkdocs.yml gives none.
CHROME_LINKS = ("pdfs_link.href", "not_found.home_href", "footer.usage_policy.href")


class LabelsError(ValueError):
    """A labels file cannot be read, or holds a value of the wrong kind."""


@dataclass(frozen=True)
class LanguageLabels:
    """One language's labels, as its files give them."""

    locale: str
    source: str  # the labels file, from the project folder ("" when there is none)
    labels: dict[str, str] = field(default_factory=dict)
    chrome: dict[str, str] = field(default_factory=dict)  # "helpline.label" -> text
    safety_items: tuple[dict[str, str], ...] | None = None
    open_graph_locale: str = ""
    readability: str = ""
    search_synonyms: dict[str, Any] = field(default_factory=dict)
    theme: dict[str, str] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()  # keys this version does not know


def shipped_file(locale: str) -> Path | None:
    """The labels oncopress ships for ``locale`` (English, Spanish), or None."""
    path = SHIPPED / f"{locale}.yml"
    return path if path.is_file() else None


def read_labels(data: bytes, shown: str, locale: str) -> LanguageLabels:
    """The labels of ``locale`` in a file's bytes (``shown``: its name in messages).
    Raises ``LabelsError`` naming the file, and the line or key."""
    try:
        mapping = yaml.safe_load(data.decode("utf-8")) or {}
    except UnicodeDecodeError as error:
        raise LabelsError(f"Labels file '{shown}' is not UTF-8 text ({error.reason})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise LabelsError(f"Labels file '{shown}' is not valid YAML{where}: {problem}") from None
    if not isinstance(mapping, Mapping):
        raise LabelsError(f"Labels file '{shown}' must be 'key: value' lines (found {mapping!r})")
    unknown = [str(key) for key in mapping if key not in TOP_KEYS]
    labels = _texts(mapping.get("labels"), shown, "labels")
    chrome, items, more = _chrome(mapping.get("chrome"), shown)
    readability = _text(mapping.get("readability"), shown, "readability") or ""
    if readability and readability not in FORMULAS:
        raise LabelsError(
            f"Labels file '{shown}', readability: '{readability}' is not a formula the site "
            f"knows (one of: {', '.join(FORMULAS)})"
        )
    synonyms = mapping.get("search_synonyms") or {}
    if not isinstance(synonyms, Mapping):
        raise LabelsError(
            f"Labels file '{shown}', search_synonyms: must be 'word: [words]' lines "
            f"(found {synonyms!r})"
        )
    return LanguageLabels(
        locale,
        shown,
        labels,
        chrome,
        items,
        _text(mapping.get("open_graph_locale"), shown, "open_graph_locale") or "",
        readability,
        dict(synonyms),
        _texts(mapping.get("theme"), shown, "theme"),
        tuple(unknown + more),
    )


def combined(first: LanguageLabels, then: LanguageLabels) -> LanguageLabels:
    """``first`` (the shipped labels) with what ``then`` (the project's file) gives."""
    return LanguageLabels(
        then.locale,
        then.source or first.source,
        {**first.labels, **then.labels},
        {**first.chrome, **then.chrome},
        then.safety_items if then.safety_items is not None else first.safety_items,
        then.open_graph_locale or first.open_graph_locale,
        then.readability or first.readability,
        {**first.search_synonyms, **then.search_synonyms},
        {**first.theme, **then.theme},
        first.unknown + then.unknown,
    )


def missing_labels(
    language: LanguageLabels,
    required: Sequence[str],
    extra: Mapping[str, Any],
    default: str,
    theme: Sequence[str] = (),
) -> list[str]:
    """Every key ``language`` lacks: a label of ``required`` (the default language's),
    the Open Graph locale, the readability formula, each text of the chrome the
    default language shows (in ``extra``) that neither mkdocs.yml nor the file gives,
    and each of Material's strings in ``theme`` (for a language Material lacks)."""
    missing = [f"labels.{key}" for key in required if key not in language.labels]
    if not language.open_graph_locale:
        missing.insert(0, "open_graph_locale")
    if not language.readability:
        missing.insert(1 if missing and missing[0] == "open_graph_locale" else 0, "readability")
    for path, node in _chrome_nodes(extra):
        if default in node and language.locale not in node and path not in language.chrome:
            missing.append(f"chrome.{path}")
    items = _section(extra, SAFETY_ITEMS)
    if isinstance(items, list):
        given = language.safety_items or ()
        for number, item in enumerate(items):
            for key in ("label", "text"):
                texts = item.get(key) if isinstance(item, Mapping) else None
                if not isinstance(texts, Mapping) or default not in texts:
                    continue
                if language.locale in texts:
                    continue
                if number < len(given) and key in given[number]:
                    continue
                missing.append(f"chrome.{SAFETY_ITEMS}[{number}].{key}")
    missing.extend(f"theme.{key}" for key in theme if key not in language.theme)
    return missing


def placeholder_problems(language: LanguageLabels, english: Mapping[str, str]) -> list[str]:
    """Each label of ``language`` whose ``{name}`` placeholders differ from the English
    one's (the build fills them in: an unknown one would show as written or stop it, a
    missing one leave a word out, like the language of "PDF in {language}")."""
    problems = []
    for key, text in english.items():
        found = _placeholders(language.labels.get(key))
        if found is not None and found != _placeholders(text):
            wanted = _listed(_placeholders(text))
            problems.append(f"labels.{key}: {wanted} (found {_listed(found)})")
    return problems


def placeholder_message(language: LanguageLabels, problems: Sequence[str]) -> str:
    """One message listing every label whose placeholders are not the English ones."""
    noun = "label" if len(problems) == 1 else "labels"
    return "\n".join(
        [
            f"Labels file '{language.source}' ({language.locale}): {len(problems)} {noun} "
            "with other {placeholders} than the English ones; write each as in "
            "src/oncopress/i18n/labels/en.yml:"
        ]
        + [f"  {problem}" for problem in problems]
    )


def extra_with_labels(
    extra: Mapping[str, Any], languages: Sequence[LanguageLabels], default: str
) -> dict[str, Any]:
    """``extra`` with each language's chrome texts (where mkdocs.yml gives none), its
    links inside the site, and its search synonyms. ``extra`` is not changed."""
    merged = copy.deepcopy(dict(extra))
    for language in languages:
        locale = language.locale
        for path, node in _chrome_nodes(merged):
            if locale not in node and path in language.chrome and default in node:
                node[locale] = language.chrome[path]
        for path in CHROME_LINKS:
            link = _section(merged, path)
            if isinstance(link, dict) and locale not in link and default in link:
                link[locale] = f"{locale}/{link[default]}".replace("/./", "/")
        items = _section(merged, SAFETY_ITEMS)
        for number, item in enumerate(items if isinstance(items, list) else []):
            given = language.safety_items or ()
            for key in ("label", "text"):
                texts = item.get(key) if isinstance(item, dict) else None
                if isinstance(texts, dict) and locale not in texts and number < len(given):
                    if key in given[number]:
                        texts[locale] = given[number][key]
        if language.search_synonyms:
            synonyms = merged.setdefault("search_synonyms", {})
            if isinstance(synonyms, dict) and locale not in synonyms:
                synonyms[locale] = dict(language.search_synonyms)
    return merged


def missing_message(language: LanguageLabels, missing: Sequence[str], name: str) -> str:
    """One message listing every key ``language`` lacks."""
    noun = "label" if len(missing) == 1 else "labels"
    where = f"Labels file '{language.source}'" if language.source else "No labels file"
    english = "src/oncopress/i18n/labels/en.yml"
    if any(key.startswith("theme.") for key in missing):
        english += (
            f" (Material has no strings in {name}: the theme ones as in its "
            "partials/languages/en.html)"
        )
    return "\n".join(
        [
            f"{where} ({language.locale}): {len(missing)} {noun} of the site missing in "
            f"{name}; add each, as the English ones in {english} "
            '(guides/publishers.md, "Adding a language"):'
        ]
        + [f"  {key}" for key in missing]
    )


def unknown_message(language: LanguageLabels) -> str:
    listed = ", ".join(language.unknown)
    return (
        f"Labels file '{language.source}' ({language.locale}): unknown keys ignored: {listed} "
        "(a misspelt key, or one a newer oncopress reads)"
    )


# Reading ----------------------------------------------------------------------------------


def _chrome(
    value: object, shown: str
) -> tuple[dict[str, str], tuple[dict[str, str], ...] | None, list[str]]:
    """The chrome's texts by dotted path, the safety items, and unknown paths."""
    if value is None:
        return {}, None, []
    if not isinstance(value, Mapping):
        raise LabelsError(f"Labels file '{shown}', chrome: must be 'key: value' lines")
    texts: dict[str, str] = {}
    items: tuple[dict[str, str], ...] | None = None
    unknown: list[str] = []
    for path, leaf in _leaves(value, ""):
        if path == SAFETY_ITEMS:
            items = _items(leaf, shown)
        elif path in CHROME_TEXTS:
            texts[path] = _text(leaf, shown, f"chrome.{path}") or ""
        else:
            unknown.append(f"chrome.{path}")
    return texts, items, unknown


def _leaves(value: Mapping[Any, Any], prefix: str) -> Iterator[tuple[str, object]]:
    for key, leaf in value.items():
        path = f"{prefix}{key}"
        if isinstance(leaf, Mapping) and path not in (*CHROME_TEXTS, SAFETY_ITEMS):
            yield from _leaves(leaf, f"{path}.")
        else:
            yield path, leaf


def _items(value: object, shown: str) -> tuple[dict[str, str], ...]:
    where = f"chrome.{SAFETY_ITEMS}"
    if not isinstance(value, list):
        raise LabelsError(
            f"Labels file '{shown}', {where}: must be a list of items, each with label and text"
        )
    items = []
    for number, item in enumerate(value):
        if not isinstance(item, Mapping):
            raise LabelsError(
                f"Labels file '{shown}', {where}[{number}]: must be an item with label and text"
            )
        items.append(
            {
                str(key): _text(text, shown, f"{where}[{number}].{key}") or ""
                for key, text in item.items()
                if key in ("label", "text")
            }
        )
    return tuple(items)


def _texts(value: object, shown: str, key: str) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise LabelsError(f"Labels file '{shown}', {key}: must be 'key: text' lines")
    return {str(name): _text(text, shown, f"{key}.{name}") or "" for name, text in value.items()}


def _text(value: object, shown: str, key: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise LabelsError(f"Labels file '{shown}', {key}: must be text (found {value!r})")


def _placeholders(text: str | None) -> set[str] | None:
    return None if text is None else set(re.findall(r"\{(\w*)\}", text))


def _listed(names: set[str] | None) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names or ())) or "none"


def _section(extra: Mapping[str, Any], path: str) -> object:
    node: object = extra
    for part in path.split("."):
        if not isinstance(node, Mapping):
            return None
        node = node.get(part)
    return node


def _chrome_nodes(extra: Mapping[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each text of the chrome present in ``extra``: (path, its per-language mapping)."""
    for path in CHROME_TEXTS:
        node = _section(extra, path)
        if isinstance(node, dict):
            yield path, node
