"""The pages the HTML policy found clean, kept between builds by a hash of what the
verdict depends on.

Reading a page's rendered HTML with the policy costs about 0.4 ms a page (0.15 s of a
200 + 200-page build). The verdict depends only on the HTML, the policy's settings and
the policy's code (with Python's ``html.parser``), so a page found clean stays clean
while those are the same: the key is a SHA-256 of all of them, the code by the caller's
``version`` (a hash of ``oncopress/checks/htmlpolicy.py`` and the Python version). Only
clean pages are kept: a page with findings is read again on every build, so each
refusal is always worked out, and worded, by the policy itself. Deleting the cache file
is always safe.
"""

from __future__ import annotations

import hashlib
import json

from oncopress.checks.htmlpolicy import Finding, HtmlPolicy, policy_findings
from oncopress.files.cachefile import cached_entries

CACHE_FORMAT = 1


class PolicyCache:
    """The keys of clean pages; ``used`` records those this build looked up, so a saved
    cache holds only the pages the site still has."""

    def __init__(self, version: str, clean: set[str] | None = None) -> None:
        self.version = version
        self.clean = set(clean or ())
        self.used: set[str] = set()
        self.changed = False

    def findings(self, html: str, policy: HtmlPolicy) -> list[Finding]:
        """``policy_findings(html, policy)``: empty without reading a page found clean."""
        key = self._key(html, policy)
        self.used.add(key)
        if key in self.clean:
            return []
        found = policy_findings(html, policy)
        if not found:
            self.clean.add(key)
            self.changed = True
        return found

    def dumps(self) -> str:
        kept = {key: True for key in sorted(self.used & self.clean)}
        return json.dumps({"format": CACHE_FORMAT, "version": self.version, "clean": kept})

    def _key(self, html: str, policy: HtmlPolicy) -> str:
        parts = (self.version, repr(sorted(policy.allow_elements)), html)
        return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def load_policy_cache(text: str | None, version: str) -> PolicyCache:
    """The cache saved as ``text`` (None: no file yet); empty if it was written by other
    code, in another format, or is not a cache at all."""
    entries = cached_entries(text, CACHE_FORMAT, version, "clean")
    return PolicyCache(version, {key for key, value in entries.items() if value is True})
