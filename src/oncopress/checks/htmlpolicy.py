"""What a page's HTML may contain: nothing that runs a script, loads another page into
this one, sends what a reader types elsewhere, or changes the page around it.

Patient pages need none of it, and Markdown passes raw HTML through as it is, so
``<script>``, ``onerror=`` or ``[x](javascript:...)`` in a page would reach every
reader. ``policy_findings`` reads the page's rendered content (what is published:
Markdown links and ``attr_list`` attributes included) with Python's HTML parser,
never with regular expressions, and finds:

- the elements of ``REFUSED_ELEMENTS``: ``script``; ``iframe``, ``frame``,
  ``frameset``, ``object``, ``embed``, ``applet``, ``portal`` (another page or a
  plugin inside this one); ``form`` (sends what a patient types elsewhere);
  ``base`` (changes where every link of the page goes); ``meta`` (``http-equiv``
  refresh sends the reader away) and ``link`` (loads style sheets or scripts:
  the theme's own are in its templates, not in pages); ``style`` (restyles or hides
  the whole page, loads remote files); and ``noscript``, ``xmp``, ``noembed``,
  ``noframes``, ``plaintext``, whose content browsers read differently from any
  parser (the way a hidden ``onerror`` gets past a check);
- every attribute named ``on...`` (event handlers), on any element;
- any attribute value that is a ``javascript:`` or ``vbscript:`` URL (browsers
  ignore tabs, newlines and case in the scheme; so does the check), and ``data:``
  URLs anywhere but an image's ``src``/``srcset``.

A publisher may let named elements through (``extra: html_policy: allow_elements:``);
their attributes are still checked. ``locate`` finds the line of each finding in the
Markdown source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser

from oncopress.settings.reader import SettingsError, read_section
from oncopress.settings.schema import HtmlPolicy as HtmlPolicy

SECTION = "html_policy"
REFUSED_ELEMENTS = (
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "portal",
    "form",
    "base",
    "meta",
    "link",
    "style",
    "noscript",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
)
SCRIPT_SCHEMES = ("javascript:", "vbscript:")
URL_ATTRIBUTES = frozenset(
    {"href", "src", "srcset", "action", "formaction", "data", "poster", "background", "cite"}
    | {"xlink:href", "ping", "manifest", "codebase", "longdesc", "usemap", "lowsrc", "dynsrc"}
)
IMAGE_URLS = frozenset({("img", "src"), ("img", "srcset"), ("source", "srcset")})
_IGNORED = "".join(chr(n) for n in range(0x21))  # what browsers drop from a URL's scheme
_SHOWN = 60  # characters of a value a message quotes


class HtmlPolicyError(SettingsError):
    """``extra.html_policy`` in mkdocs.yml is unusable."""


NOTHING_ALLOWED = HtmlPolicy()  # the default policy


@dataclass(frozen=True)
class Finding:
    """One thing the policy refuses: what to say, and what to look for in the source
    to find its line (lowercase)."""

    message: str
    needles: tuple[str, ...]  # the first one the source has gives the line


def read_html_policy(extra: Mapping[str, object]) -> HtmlPolicy:
    """The settings under ``extra.html_policy`` (by default nothing is let through)."""
    names = read_section(HtmlPolicy, extra.get(SECTION), f"extra.{SECTION}", HtmlPolicyError)
    for name in sorted(names.allow_elements):
        if name.strip().lower() not in REFUSED_ELEMENTS:
            raise HtmlPolicyError(
                f"mkdocs.yml: extra.{SECTION}.allow_elements: '{name}' is not an element the "
                f"policy refuses (it refuses: {', '.join(REFUSED_ELEMENTS)})"
            )
    return HtmlPolicy(frozenset(name.strip().lower() for name in names.allow_elements))


def policy_findings(content: str, policy: HtmlPolicy = NOTHING_ALLOWED) -> list[Finding]:
    """Everything in the page's rendered ``content`` the policy refuses, in order."""
    parser = _Reader(policy)
    parser.feed(content)
    parser.close()
    return parser.findings


class _Reader(HTMLParser):
    def __init__(self, policy: HtmlPolicy) -> None:
        super().__init__(convert_charrefs=True)
        self.policy = policy
        self.findings: list[Finding] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in REFUSED_ELEMENTS and tag not in self.policy.allow_elements:
            self.findings.append(
                Finding(
                    f"has the element <{tag}>, which pages may not contain ({_WHY[tag]}); "
                    f"remove it (a publisher can allow it: extra.{SECTION}.allow_elements "
                    "in mkdocs.yml)",
                    (f"<{tag}",),
                )
            )
        for name, value in attrs:
            finding = _attribute_finding(tag, name, value or "")
            if finding:
                self.findings.append(finding)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    # Where this parser and browsers part ways, refuse rather than guess: a comment
    # ended by '--!>' or opened by '<!-->', and '<![CDATA[' (a comment up to the first
    # '>' in a browser) could hide a tag from the check that a browser would run.
    def handle_comment(self, data: str) -> None:
        if "--!>" in data or data.startswith((">", "->")):
            self.findings.append(
                Finding(
                    "has an HTML comment that browsers end earlier than it seems ('--!>', "
                    "'<!-->' or '<!--->'); end each comment with '-->' or remove it",
                    ("<!--",),
                )
            )

    def unknown_decl(self, data: str) -> None:
        self.findings.append(
            Finding(
                "has '<![CDATA[' in HTML, which browsers read as a comment that ends at the "
                "first '>'; remove it",
                ("<![",),
            )
        )


def _attribute_finding(tag: str, name: str, value: str) -> Finding | None:
    if name.startswith("on"):
        return Finding(
            f"has an event attribute '{name}' on <{tag}>, which would run a script in "
            "readers' browsers; remove it",
            (f"{name}=", f"{name} =", name),
        )
    if ":" not in value:
        return None  # no scheme, so no URL to refuse (most attributes of a page)
    scheme = "".join(c for c in value[:40] if c not in _IGNORED).lower()
    if scheme.startswith(SCRIPT_SCHEMES):
        return Finding(
            f"has a '{scheme.split(':')[0]}:' URL in '{name}' of <{tag}> ('{_shown(value)}'), "
            "which would run a script in readers' browsers; link to a page or a web address",
            _needles(value),
        )
    if name in URL_ATTRIBUTES and scheme.startswith("data:") and (tag, name) not in IMAGE_URLS:
        return Finding(
            f"has a 'data:' URL in '{name}' of <{tag}> ('{_shown(value)}'), which can carry a "
            "whole page or a script; link to a file in the site instead",
            _needles(value),
        )
    return None


def _shown(value: str) -> str:
    """The start of an attribute's value as a message quotes it."""
    shown = "".join(c if c.isprintable() else f"\\x{ord(c):02x}" for c in value[:_SHOWN])
    return shown + ("..." if len(value) > _SHOWN else "")


def _needles(value: str) -> tuple[str, ...]:
    """What to look for in the page's source to find an attribute's line."""
    return (value.strip().lower()[:_SHOWN], value.partition(":")[2].strip().lower()[:_SHOWN])


_WHY = {
    "script": "it would run in readers' browsers",
    "iframe": "it shows another site inside the page",
    "frame": "it shows another site inside the page",
    "frameset": "it shows other sites inside the page",
    "object": "it runs a plugin or shows another page inside this one",
    "embed": "it runs a plugin or shows another page inside this one",
    "applet": "it runs a plugin",
    "portal": "it shows another site inside the page",
    "form": "it would send what readers type to another address",
    "base": "it changes where every link of the page goes",
    "meta": "it can send readers to another page",
    "link": "it loads files into the page",
    "style": "it restyles the whole page and can load files",
    "noscript": "browsers and checks read its content differently",
    "xmp": "browsers and checks read its content differently",
    "noembed": "browsers and checks read its content differently",
    "noframes": "browsers and checks read its content differently",
    "plaintext": "browsers and checks read its content differently",
}


def locate(findings: Sequence[Finding], source: str) -> list[str]:
    """Each finding's message with the line of ``source`` (the page's Markdown file)
    where it is written: the n-th finding of one needle at the n-th line after the front
    matter that has it. A finding not written as such (an entity-encoded URL) is said
    without a line."""
    lines = source.lower().split("\n")
    first = front_matter_lines(lines)
    seen: dict[str, int] = {}
    messages = []
    for finding in findings:
        for needle in (n for n in finding.needles if n):
            found = [n for n, line in enumerate(lines[first:], first + 1) if needle in line]
            if found:
                index = seen.get(needle, 0)
                seen[needle] = index + 1
                messages.append(f"line {found[min(index, len(found) - 1)]}: {finding.message}")
                break
        else:
            messages.append(finding.message)
    return list(dict.fromkeys(messages))


def front_matter_lines(lines: Sequence[str]) -> int:
    """How many of ``lines`` (a page's) are its front matter block, as MkDocs reads it."""
    if not lines or lines[0].rstrip(" \t") != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip(" \t") in ("---", "..."):
            return number
    return 0
