"""``./tasks status``: everything that needs an editor, from one ``SiteCheck``.

An item per page and need: an editorial problem, a text changed since its sign-off or
never signed off, front matter that disagrees with the ledger, a stale translation
(with the original's paragraphs added, changed or moved since the translated revision),
a review overdue or due within ``DUE_SOON_DAYS``, a translation pending, a ledger entry
whose page is gone, a problem of a bibliography entry no page cites
(``reference_items``). ``blocking`` items are those a strict build refuses to publish.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from oncopress.checks.sitecheck import Level, SiteCheck
from oncopress.citations.references import cited_keys
from oncopress.i18n.plurals import counted, plural
from oncopress.i18n.translations import Status
from oncopress.pages.dates import is_overdue, next_review
from oncopress.system import tasks_command

STATUS_VERSION = 1
DUE_SOON_DAYS = 60  # a review due within this many days is listed
COLUMNS = ("Page", "Lang", "Needs", "Blocks", "What to do")


@dataclass(frozen=True)
class Item:
    path: str
    locale: str
    # problem, changed, unsigned, front matter, stale, overdue, due soon, pending, ledger
    need: str
    blocking: bool
    detail: str
    quotes: tuple[str, ...] = ()


def status_items(
    check: SiteCheck, today: date, interval_years: int, overdue_blocks: bool = False
) -> list[Item]:
    """Every item, sorted by page, then in the order above (``overdue_blocks``: the
    publisher's ``overdue_reviews: warn``)."""
    items = [
        Item(problem.path, problem.locale, "problem", True, problem.message)
        for problem in check.preflight.problems
    ]
    for finding in check.findings:
        problem = finding.problem
        blocking = finding.level is Level.WARNING
        if problem is None:
            items.append(Item(check.ledger.source, "-", finding.kind, blocking, finding.text))
            continue
        trust = check.trust[problem.path]
        need = {"draft": trust.trust.value, "mismatch": "front matter"}.get(
            finding.kind, finding.kind
        )
        quotes: tuple[str, ...] = ()
        if finding.kind == "stale" and trust.stale is not None:
            quotes = tuple(paragraph.text for paragraph in trust.stale.quoted)
        items.append(Item(problem.path, problem.locale, need, blocking, problem.message, quotes))
    for path in sorted(check.preflight.records):
        record = check.record(path)
        if record is None or record.translation_pending:
            continue
        due = next_review(record.last_revised, interval_years, record.review_interval_months)
        revised = f"last revised {record.last_revised.isoformat()}"
        if is_overdue(due, today):
            detail = f"{revised}, review was due {due.isoformat()}"
            items.append(Item(path, record.locale, "overdue", overdue_blocks, detail))
        elif (due - today).days <= DUE_SOON_DAYS:
            days = (due - today).days
            when = "today" if days == 0 else f"in {days} day{'' if days == 1 else 's'}"
            detail = f"{revised}, review due {due.isoformat()} ({when})"
            items.append(Item(path, record.locale, "due soon", False, detail))
    for translation in check.translations():
        if translation.status is Status.PENDING:
            items.append(
                Item(
                    translation.path,
                    translation.locale,
                    "pending",
                    False,
                    f"translation pending: shows a notice linking to '{translation.original}'",
                )
            )
    order = (
        "problem",
        "changed",
        "unsigned",
        "unconfirmed",
        "front matter",
        "stale",
        "overdue",
        "due soon",
        "pending",
    )
    return sorted(
        items,
        key=lambda item: (
            item.path,
            item.locale,
            order.index(item.need) if item.need in order else len(order),
        ),
    )


def status_document(items: Sequence[Item], today: date) -> dict[str, Any]:
    """What ``./tasks status --json`` prints."""
    return {
        "version": STATUS_VERSION,
        "today": today.isoformat(),
        "blocking": sum(1 for item in items if item.blocking),
        "items": [{**asdict(item), "quotes": list(item.quotes)} for item in items],
    }


def render_status(items: Sequence[Item], today: date, width: int = 100) -> str:
    """A plain-text table for a terminal ``width`` characters wide; each stale
    translation's changed paragraphs quoted in full under its row."""
    if not items:
        return f"Nothing needs an editor ({today.isoformat()})."
    rows = [
        (item.path, item.locale, item.need, "yes" if item.blocking else "no", item.detail)
        for item in items
    ]
    widths = [max(len(COLUMNS[i]), *(len(row[i]) for row in rows)) for i in range(4)]
    indent = sum(widths) + 2 * 4
    detail_width = max(30, width - indent)
    lines = [_line(COLUMNS, widths), _line(tuple("-" * w for w in [*widths, 10]), widths)]
    for item, row in zip(items, rows, strict=True):
        wrapped = textwrap.wrap(row[4], detail_width, break_on_hyphens=False) or [""]
        lines.append(_line((*row[:4], wrapped[0]), widths))
        lines += [" " * indent + more for more in wrapped[1:]]
        for text in item.quotes:
            quoted = textwrap.wrap(
                " ".join(text.split()), max(30, width - 6), break_on_hyphens=False
            )
            lines += ["    > " + part for part in quoted]
    blocking = sum(1 for item in items if item.blocking)
    lines.append("")
    lines.append(
        f"{counted(len(items), 'item', 'items')} {plural(len(items), 'needs', 'need')} an "
        f"editor; {blocking} {plural(blocking, 'blocks', 'block')} publishing"
        + (f" ({tasks_command('build')} refuses to publish)." if blocking else ".")
    )
    return "\n".join(lines)


def _line(cells: Sequence[str], widths: Sequence[int]) -> str:
    padded = [cell.ljust(width) for cell, width in zip(cells, widths, strict=False)]
    return "  ".join([*padded, *cells[len(widths) :]]).rstrip()


def reference_items(
    problems: Mapping[str, Sequence[str]], pages: Iterable[str], source: str
) -> list[Item]:
    """An item for each problem of a bibliography entry no page cites (``pages``: every
    page's text): it blocks nothing, but a page that cites it will be refused. The
    problems of a cited entry are the citing pages' own ("problem" items)."""
    cited = {key for text in pages for key in cited_keys(text)}
    return [
        Item(
            source,
            "-",
            "reference",
            False,
            f"{message.removeprefix(source + ', ')} (no page cites '{key}' yet; a page that "
            "cites it is refused until it is fixed)",
        )
        for key, messages in problems.items()
        if key not in cited
        for message in messages
    ]
