"""One reader for every section of settings declared in ``oncopress.settings.schema``.

A section is a frozen dataclass. Each field's type says what a value may be:

- ``int`` (never ``true``/``false``), ``float`` (an ``int`` is taken as a float),
  ``int | None`` (absent: ``None``), ``bool``, ``str`` (stripped);
- ``frozenset[str]``: a list of strings (absent or empty: the default);
- ``dict[str, str]``: a text per language (``{en: ..., es: ...}``);
- ``tuple[Section, ...]``: a list of sections (``items[0]`` in the key path);
- a union such as ``str | int``: the first kind that fits;
- a nested section (another dataclass): a mapping (absent or empty: its defaults;
  ``Section | None``: absent is ``None``).

Bounds and choices come from the field's ``setting(...)`` declaration, with the words
a message uses for what the value must be. Every message names ``mkdocs.yml`` and the
key path; an unknown key is refused with the known keys.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from typing import Any, TypeVar

T = TypeVar("T")
_RULE = "setting"


class SettingsError(ValueError):
    """A setting under ``extra:`` in mkdocs.yml is unusable."""


@dataclasses.dataclass(frozen=True)
class Rule:
    """What a field's value must be: ``what`` in words (for the message), and the
    bounds the reader checks."""

    what: str = ""
    minimum: float | None = None
    choices: tuple[str, ...] = ()
    blank: bool = True  # may a text be empty?


def setting(
    default: Any,
    what: str = "",
    *,
    minimum: float | None = None,
    choices: tuple[str, ...] = (),
    blank: bool = True,
) -> Any:
    """A field of a section: its ``default`` (immutable) and what a value must be."""
    return dataclasses.field(
        default=default, metadata=rule(what, minimum=minimum, choices=choices, blank=blank)
    )


def rule(
    what: str = "",
    *,
    minimum: float | None = None,
    choices: tuple[str, ...] = (),
    blank: bool = True,
) -> dict[str, Rule]:
    """The metadata of a field declared with ``dataclasses.field`` (a nested section)."""
    return {_RULE: Rule(what, minimum, choices, blank)}


def read_section(
    cls: type[T],
    value: object,
    path: str,
    error: type[SettingsError] = SettingsError,
    what: str = "a mapping of settings",
) -> T:
    """The section ``cls`` from ``value`` (a mapping; ``None`` or empty: the defaults),
    found at the key path ``path`` (``extra.limits``). Raises ``error`` naming the key."""
    if not value:
        value = {}
    if not isinstance(value, Mapping):
        raise error(f"mkdocs.yml: {path} must be {what}")
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(str(key) for key in value if key not in fields)
    if unknown:
        raise error(f"mkdocs.yml: unknown setting {path}.{unknown[0]} (known: {', '.join(fields)})")
    hints = typing.get_type_hints(cls)
    values = {}
    for name, f in fields.items():
        if name in value:
            rule = f.metadata.get(_RULE, Rule())
            values[name] = _value(hints[name], value[name], f"{path}.{name}", rule, error)
    return cls(**values)


def _value(kind: Any, value: object, path: str, rule: Rule, error: type[SettingsError]) -> object:
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return read_section(kind, value, path, error, rule.what or "a mapping of settings")
    wrong = error(f"mkdocs.yml: {path} must be {_what(kind, rule)} (found {value!r})")
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _value(arg, value, path, rule, error)
            except SettingsError as failed:
                if len(args) == 2 and type(None) in args:
                    raise failed from None  # one kind and None: its own message
        raise wrong
    if kind is bool:
        if not isinstance(value, bool):
            raise wrong
        return value
    if kind is int or kind is float:
        number = (int,) if kind is int else (int, float)
        if isinstance(value, bool) or not isinstance(value, number):
            raise wrong
        if rule.minimum is not None and value < rule.minimum:
            raise wrong
        return kind(value)
    if kind is str:
        if not isinstance(value, str) or (not rule.blank and not value.strip()):
            raise wrong
        if rule.choices and value not in rule.choices:
            raise wrong
        return value.strip()
    if origin is frozenset:
        if value is None:
            return frozenset()
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise wrong
        return frozenset(value)
    if origin is tuple:  # a list of sections: tuple[Section, ...]
        if value is None:
            return ()
        if not isinstance(value, list):
            raise wrong
        return tuple(
            read_section(args[0], item, f"{path}[{index}]", error)
            for index, item in enumerate(value)
        )
    if origin in (dict, Mapping):  # a text per language: dict[str, str]
        if not isinstance(value, Mapping) or not all(
            isinstance(key, str) and isinstance(text, str) for key, text in value.items()
        ):
            raise wrong
        return dict(value)
    raise TypeError(f"{path}: the settings reader has no rule for {kind!r}")  # a schema bug


def _what(kind: Any, rule: Rule) -> str:
    if rule.what:
        return rule.what
    if rule.choices:
        return f"one of {', '.join(rule.choices)}"
    if kind is bool:
        return "true or false"
    if typing.get_origin(kind) in (dict, Mapping):
        return "a text per language, like {en: ..., es: ...}"
    if typing.get_origin(kind) is tuple:
        return "a list"
    return "a number" if kind in (int, float) else "a text"
