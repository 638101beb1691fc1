"""What the editors' preview (``tools/serve.py``) shows in the browser about a build.

While a build is broken, every preview URL answers with a page listing the build's
problems exactly as the terminal prints them (``ERROR    -  ...`` lines, multi-line
messages included), in the language of the URL; when a build succeeds with warnings,
each page carries a panel listing them. Only the preview server uses this module:
nothing of it is written into a built site.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from oncopress.i18n.labels import LABELS, label

# The preview's strings, in each language's labels file (preview_title, ...).
PREVIEW_KEYS = ("title", "intro", "problems", "warnings")
FALLBACK = "en"  # the language of the strings while a language's labels cannot be read

PANEL_ID = "preview-problems"

_STYLE = (
    "font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;"
    "max-width:60rem;margin:2rem auto;padding:0 1rem"
)
_PRE_STYLE = (
    "white-space:pre-wrap;overflow-wrap:anywhere;background:#fdf2f2;border-left:4px solid "
    "#b00020;padding:1rem;font:14px/1.5 ui-monospace,monospace"
)
_PANEL_STYLE = (
    "position:fixed;left:0;right:0;bottom:0;z-index:10;max-height:40vh;overflow:auto;"
    "margin:0;padding:.5rem 1rem;background:#fff8e1;border-top:3px solid #8a6d00;"
    "color:#1a1a1a;font:14px/1.5 system-ui,sans-serif"
)


def labels_for(locale: str) -> Mapping[str, str]:
    """The preview's visible strings in ``locale`` (English while that language's labels
    file cannot be read: the build's problems then say why)."""
    shown = locale if locale in LABELS else FALLBACK
    return {key: label(f"preview_{key}", shown) for key in PREVIEW_KEYS}


def locale_of_url(path: str, locales: Sequence[str], default: str) -> str:
    """The language a preview URL path (``/es/care/``) is in: its first folder if that
    is one of ``locales``, else ``default``."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in locales and first != default else default


def render_problem_page(lines: Sequence[str], locale: str) -> str:
    """A whole HTML page listing ``lines`` (the build's problem lines, as printed)."""
    text = labels_for(locale)
    problems = html.escape("\n".join(lines))
    return (
        f'<!doctype html>\n<html lang="{html.escape(locale)}">\n<head>\n'
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>{html.escape(text['title'])}</title>\n</head>\n"
        f'<body style="{_STYLE}">\n<main id="{PANEL_ID}">\n'
        f"<h1>{html.escape(text['title'])}</h1>\n"
        f"<p>{html.escape(text['intro'])}</p>\n"
        f"<h2>{html.escape(text['problems'])}</h2>\n"
        f'<pre style="{_PRE_STYLE}">{problems}</pre>\n'
        "</main>\n</body>\n</html>\n"
    )


def render_warning_panel(lines: Sequence[str], locale: str) -> str:
    """A panel pinned to the foot of a built page listing the build's warning lines."""
    text = labels_for(locale)
    problems = html.escape("\n".join(lines))
    return (
        f'<aside id="{PANEL_ID}" lang="{html.escape(locale)}" style="{_PANEL_STYLE}">'
        f"<strong>{html.escape(text['warnings'])}</strong>"
        f'<pre style="white-space:pre-wrap;margin:.25rem 0 0">{problems}</pre></aside>'
    )
