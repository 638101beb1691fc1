"""The editorial report as a page for editors (``reports/editorial-report.html``,
and ``/_editor/editorial-report.html`` in the preview).

A standalone HTML file written next to the JSON after the build, never into the
published site: not a page of the site, so it is in no navigation, sitemap or
search index, and it asks search engines not to index it. One table row per page
and language, with the page's link, dates, reviewers, sign-off, translation status,
readability, citations and PDF; what needs an editor's attention is said in words,
not only in colour.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from oncopress.i18n.plurals import counted
from oncopress.report.editorial_report import REPORT_FILE, summary_text

COLUMNS = (
    "Page",
    "Language",
    "Last revised",
    "Review due",
    "Reviewers",
    "Sign-off",
    "Translation",
    "Readability",
    "Citations",
    "PDF",
)
STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #1a1a1a; }
table { border-collapse: collapse; font-size: 0.875rem; }
caption { text-align: left; font-weight: bold; padding: 0.5rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8e8f4; }
.attention { color: #8b0000; font-weight: bold; }
code { font-size: 0.8rem; }
"""


def render_report_html(document: Mapping[str, Any], site_name: str, site_base: str = "") -> str:
    """The HTML page of one report (``EditorialReport.document()``); page links are
    ``site_base`` (the site's folder, relative to the report) plus the page's URL."""
    summary = document["summary"]
    rows = "\n".join(_row(page, site_base) for page in document["pages"])
    headings = "".join(f'<th scope="col">{name}</th>' for name in COLUMNS)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Editorial report: {escape(site_name)}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>Editorial report</h1>
<p>Built on {escape(document["generated"])}. Pages are due for review
{counted(document["review_interval_years"], "year", "years")} after their last revision.</p>
<p>{escape(summary_text(summary))}.
The same data for tools: <a href="{REPORT_FILE}">{REPORT_FILE}</a>.</p>
<table>
<caption>Every page in every language</caption>
<thead><tr>{headings}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body>
</html>
"""


def _row(page: Mapping[str, Any], site_base: str) -> str:
    title = escape(page["title"] or page["path"])
    link = escape(site_base + (page["url"] or ""))
    name = f'<a href="{link}">{title}</a>' if page["url"] is not None else title
    due = escape(page["review_due"]) + (_attention("overdue") if page["overdue"] else "")
    cells = [
        f'<th scope="row">{name}<br><code>{escape(page["path"])}</code></th>',
        _cell(page["locale"]),
        _cell(page["last_revised"]),
        f"<td>{due}</td>",
        _cell(_reviewers(page)),
        f"<td>{_sign_off(page)}</td>",
        f"<td>{_translation(page)}</td>",
        f"<td>{_readability(page['readability'])}</td>",
        _cell(str(len(page["citations"]))),
        f"<td>{_pdf(page['pdf'], site_base)}</td>",
    ]
    return f"<tr>{''.join(cells)}</tr>"


def _reviewers(page: Mapping[str, Any]) -> str:
    text = ", ".join(page["reviewers"]) or "none"
    if page["translation_reviewers"]:
        text += f" (translation: {', '.join(page['translation_reviewers'])})"
    return text


def _sign_off(page: Mapping[str, Any]) -> str:
    state, signed = page.get("sign_off"), page.get("signed_off")
    if state == "signed":
        return escape(f"signed off {signed}")
    if state == "changed":
        return _attention(f"changed since its sign-off of {signed}").strip()
    if state == "unsigned":
        return _attention("never signed off").strip()
    return "unknown"


def _translation(page: Mapping[str, Any]) -> str:
    status = page["translation"]
    if status is None:
        return "unknown"
    text = escape(status)
    if status in ("stale", "pending"):
        text = f'<span class="attention">{text}</span>'
    if page["translation_of"]:
        text += f" (of {escape(page['translation_of'])})"
    changed = page.get("changed_in_original") or []
    if changed:
        items = "".join(f"<li>{escape(paragraph)}</li>" for paragraph in changed)
        text += f"<br>Changed in the original since:<ul>{items}</ul>"
    moved = page.get("moved_in_original") or []
    if moved:
        items = "".join(f"<li>{escape(paragraph)}</li>" for paragraph in moved)
        how = escape(str(page.get("how_moved")))
        text += f"<br>Moved in the original since ({how}):<ul>{items}</ul>"
    return text


def _readability(readability: Mapping[str, Any] | None) -> str:
    if readability is None:
        return "not scored"
    text = escape(
        f"{readability['metric']} {readability['score']:.1f} (target {readability['target']})"
    )
    return text if readability["ok"] else text + _attention("hard to read")


def _pdf(pdf: str | None, site_base: str) -> str:
    return f'<a href="{escape(site_base + pdf)}">PDF</a>' if pdf else "none"


def _cell(text: str) -> str:
    return f"<td>{escape(text)}</td>"


def _attention(text: str) -> str:
    return f' <span class="attention">{escape(text)}</span>'
