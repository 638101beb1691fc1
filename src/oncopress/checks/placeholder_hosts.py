"""Placeholder addresses: links and assets that must never ship.

Some host names are reserved for examples and tests and can never be a real
site: ``example.org``, ``example.com`` and ``example.net`` (and their subdomains,
RFC 2606), any name ending in ``.example``, ``.invalid`` or ``.test``, and
``localhost`` (RFC 6761). A sample configuration full of them looks finished and
sends readers nowhere, so the build names every one it finds: in a page's links
and images, in a URL under ``extra:`` in ``mkdocs.yml`` (the chat, newsletter and
donate links) and in ``site_url``. A sample site may keep a placeholder
``site_url`` only with ``extra: allow_placeholder_site_url: true``, which a
publisher deletes when they set their own address.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from urllib.parse import urlsplit

from oncopress.pages.pagesafety import tag_urls

PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
PLACEHOLDER_TOP_LEVEL = ("example", "invalid", "test", "localhost")
ALLOW_SITE_URL = "allow_placeholder_site_url"
# Text that could belong to a placeholder host: a page without any is not parsed.
_MAYBE_PLACEHOLDER = re.compile(
    r"example\.(?:org|com|net)|\.(?:example|invalid|test|localhost)\b|//localhost\b|@localhost\b",
    re.IGNORECASE,
)
# Text every match of _MAYBE_PLACEHOLDER contains, in lower case (looked for first: quicker).
_MAYBE_PLACEHOLDER_TEXT = ("example.", ".example", ".invalid", ".test", "localhost")


def url_host(url: str) -> str:
    """The host a URL points at, lower case (``""`` for a relative URL): the
    domain of a ``mailto:`` address too."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname or ""
    except ValueError:  # an unreadable address ("http://[x") names no host
        return ""
    if parts.scheme.lower() == "mailto":
        address = parts.path.split("?")[0]
        host = address.rpartition("@")[2].lower() if "@" in address else ""
    return host.rstrip(".")


def is_placeholder_host(host: str) -> bool:
    """True for a host reserved for examples (``survivorship.example.org``, ``site.test``)."""
    host = host.lower().rstrip(".")
    if not host:
        return False
    if any(host == domain or host.endswith("." + domain) for domain in PLACEHOLDER_DOMAINS):
        return True
    return host.rpartition(".")[2] in PLACEHOLDER_TOP_LEVEL


def placeholder_urls(page_html: str) -> list[str]:
    """Every URL in ``page_html``'s tags that points at a placeholder host, once, in order."""
    lowered = page_html.lower()
    if not any(text in lowered for text in _MAYBE_PLACEHOLDER_TEXT) or not (
        _MAYBE_PLACEHOLDER.search(page_html)
    ):
        return []  # the usual page: no need to parse it
    found = (url for url in tag_urls(page_html) if is_placeholder_host(url_host(url)))
    return list(dict.fromkeys(found))


def placeholder_settings(setting: object, key: str = "extra") -> list[tuple[str, str]]:
    """``(key, url)`` for every text in a setting of mkdocs.yml (``extra:`` by default;
    also ``nav``, ``extra_css``...) that is a placeholder address, the key written as
    in mkdocs.yml (``extra.footer.donate.url``, ``nav[3].Donate``)."""
    return [
        (name, text)
        for name, text in _texts(setting, key)
        if is_placeholder_host(url_host(text)) and _looks_like_url(text)
    ]


def site_url_allowed(extra: Mapping[str, object]) -> bool:
    """True when the sample site opted in to a placeholder ``site_url``."""
    return extra.get(ALLOW_SITE_URL) is True


def page_message(url: str) -> str:
    """The problem of a page that links to a placeholder (message of a ``Problem``)."""
    return (
        f"links to '{url}', a placeholder address ('{url_host(url)}' is reserved for "
        "examples and reaches no real site); link to the real address or remove the link"
    )


def setting_message(key: str, url: str) -> str:
    """The problem of a placeholder address under ``extra:``."""
    return (
        f"mkdocs.yml: {key} is '{url}', a placeholder address ('{url_host(url)}' is "
        "reserved for examples); give the real address, or delete the item so it is not shown"
    )


def site_url_message(url: str) -> str:
    """The problem of a placeholder ``site_url`` without the sample site's opt-in."""
    return (
        f"mkdocs.yml: site_url '{url}' is a placeholder address ('{url_host(url)}' is "
        "reserved for examples); set your site's real address (a sample site may add "
        f"'{ALLOW_SITE_URL}: true' under extra:)"
    )


def _looks_like_url(text: str) -> bool:
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    return bool(parts.netloc) or parts.scheme.lower() == "mailto"


def _texts(node: object, key: str) -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield key, node
    elif isinstance(node, Mapping):
        for name, value in node.items():
            yield from _texts(value, f"{key}.{name}")
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from _texts(value, f"{key}[{index}]")
