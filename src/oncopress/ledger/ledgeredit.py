"""What a sign-off writes into the ledger file: its own entries, and not a line more.

``render_ledger`` writes a whole ledger: the header, then one entry per page, sorted by
path, each key in the same order, with no YAML anchors or aliases. A ledger that the
command wrote is therefore changed by a sign-off in the lines of the pages it signed
off only. ``ledger_text`` keeps that promise for any ledger the build accepts: each
entry that did not change keeps its text as it is in the file, byte for byte (a ledger
written before anchors were turned off, with ``&id001`` and ``*id001``, or one whose
entries were reformatted, keeps them), and only the entries signed off, added or
removed are written again. An unchanged entry is written again only when it holds an
alias of an anchor written in one of those (the anchor goes with its entry).

When the file cannot be edited in place (another version or header, entries out of
order, or a text that would not read back as the new ledger) the whole ledger is
written, as ``render_ledger`` writes it.
"""

from __future__ import annotations

import yaml

from oncopress.ledger.ledgerfile import Ledger, LedgerError, parse_ledger, render_ledger


def ledger_text(before: str, ledger: Ledger) -> str:
    """The ledger file's text for ``ledger``, given the file's text ``before``."""
    whole = render_ledger(ledger)
    try:
        old = parse_ledger(before, ledger.source)
        preamble, old_blocks = _blocks(before, old)
        new_preamble, new_blocks = _blocks(whole, parse_ledger(whole, ledger.source))
    except (LedgerError, yaml.YAMLError, ValueError):
        return whole
    if preamble != new_preamble or list(old_blocks) != sorted(old_blocks):
        return whole
    rewritten = {
        path
        for path in old_blocks
        if path not in ledger.entries or old.entries[path] != ledger.entries[path]
    }
    rewritten |= _aliased(before, preamble.count("\n"), old_blocks, rewritten)
    kept = {path: block for path, block in old_blocks.items() if path not in rewritten}
    text = preamble + "".join(kept.get(path, new_blocks[path]) for path in sorted(new_blocks))
    try:
        if parse_ledger(text, ledger.source) == ledger:
            return text
    except LedgerError:
        pass
    return whole


def _blocks(text: str, ledger: Ledger) -> tuple[str, dict[str, str]]:
    """The text before the first entry, and each entry's lines (its key's line to the
    next entry's), in file order. ``ValueError`` when the ledger has no entries."""
    starts = sorted((entry.line, path) for path, entry in ledger.entries.items())
    if not starts:
        raise ValueError("no entries to keep")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    ends = [line for line, _ in starts[1:]] + [len(lines) + 1]
    blocks = {
        path: "".join(lines[start - 1 : end - 1])
        for (start, path), end in zip(starts, ends, strict=True)
    }
    return "".join(lines[: starts[0][0] - 1]), blocks


def _aliased(text: str, offset: int, blocks: dict[str, str], rewritten: set[str]) -> set[str]:
    """The entries to write again as well: those holding an alias of an anchor that is
    written in an entry written again (until no more are found). ``offset``: the lines
    before the first entry."""
    starts, line = [], 0
    for path, block in blocks.items():
        starts.append((line, path))
        line += block.count("\n")

    anchors: dict[str, str] = {}
    aliases: list[tuple[str, str]] = []
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if not isinstance(event, yaml.NodeEvent) or event.anchor is None:
            continue
        line = event.start_mark.line - offset if event.start_mark else -1
        if line < 0:
            continue  # nothing before the first entry has anchors the command reads
        entry = max((start, path) for start, path in starts if start <= line)[1]
        if isinstance(event, yaml.AliasEvent):
            aliases.append((entry, str(event.anchor)))
        else:
            anchors[str(event.anchor)] = entry
    found = set(rewritten)
    while True:
        more = {path for path, anchor in aliases if anchors.get(anchor) in found} - found
        if not more:
            return found - rewritten
        found |= more
