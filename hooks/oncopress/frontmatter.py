"""Front matter: the YAML block between ``---`` lines at the top of a page.

Reads it the way MkDocs does (same delimiters), but reports what MkDocs silently
ignores: malformed YAML or a block that is not ``key: value`` lines would leave
the page without a title, date or reviewers. Dates stay as written
(``2023-02-30`` must reach the date check as text, not crash the YAML parser).
"""

from __future__ import annotations

import re

import yaml

from oncopress.problems import ContentError

# The pattern MkDocs uses (mkdocs.utils.meta.YAML_RE).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


class FrontMatterError(ContentError):
    """The front matter block cannot be read."""


class _TextDatesLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as the text the editor wrote."""


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return str(loader.construct_scalar(node))  # type: ignore[arg-type]


_TextDatesLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def read_front_matter(text: str) -> tuple[dict[str, object], str]:
    """The front matter of a page as a dict, and the Markdown after it.

    A page without front matter gives ``({}, text)``.
    """
    match = FRONT_MATTER.match(text)
    if match is None:
        return {}, text
    try:
        data = yaml.load(match.group(1), _TextDatesLoader)  # a SafeLoader subclass
    except yaml.YAMLError as error:
        raise FrontMatterError(
            f"front matter is not valid YAML ({describe_yaml_error(error, 2)})"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        kind = type(data).__name__
        raise FrontMatterError(f"front matter must be 'key: value' lines (found a {kind})")
    return {str(key): value for key, value in data.items()}, text[match.end() :].lstrip("\n")


def describe_yaml_error(error: yaml.YAMLError, first_line: int = 1) -> str:
    """Where (line and column, counting from ``first_line``) and why YAML failed.

    The position is where the broken construct starts (an unclosed ``[`` or
    quote, a key without its colon) when YAML knows it, else where it noticed.
    """
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    reason = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return str(reason)
    return f"line {mark.line + first_line}, column {mark.column + 1}: {reason}"
