"""Site chrome configured under ``extra:`` in ``mkdocs.yml``: the checks that keep it
honest, and the texts it shows.

- The helpline belongs to its operator (the American Cancer Society), not to the
  publisher: its label must name the operator (``{operator}`` in the label).
- The publisher's name (``extra.publisher.name``) is the author of the PDFs and the
  holder of the copyright; the site's name in the same language must agree with it
  (one contains the other, ignoring case), so a reader never meets two identities.
- The copyright line's year is ``{year}``: ``extra.footer.year`` when set, otherwise
  the year of the newest sign-off in the ledger; never a year written in the line.
- The safety block (``extra.safety``) closes every medical page and its PDF: what to
  do in an emergency, in a crisis, and about new or lasting symptoms.
- While the sample site's opt-in (``extra.allow_placeholder_site_url``) is on, every
  page and PDF says that its content is a sample nobody clinical reviewed.
- The reprint contact (``extra.contact.email``) is shown only when it is set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from html import escape

from oncopress.checks.placeholder_hosts import is_placeholder_host, site_url_allowed, url_host
from oncopress.i18n.labels import label
from oncopress.settings.reader import read_section
from oncopress.settings.schema import Chrome

OPERATOR = "{operator}"
PUBLISHER = "{publisher}"
YEAR = "{year}"
CONTACT_MARKER = "<!-- reprint-contact -->"
#: Where the build puts the copyright year it worked out, for the footer and the PDFs.
YEAR_KEY = "copyright_year"
_FIXED_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# {tel:911}, {sms:988}, {web:988lifeline.org} in a safety text: a link showing the number
# (or the address) itself.
_LINK = re.compile(r"\{(tel|sms|web):([^{}\s]+)\}")


def read_chrome(extra: Mapping[str, object]) -> Chrome:
    """The chrome sections of ``extra``, checked against ``oncopress.settings.schema``
    (raises ``oncopress.settings.reader.SettingsError`` naming the key path)."""
    names = Chrome.__dataclass_fields__
    return read_section(Chrome, {key: extra[key] for key in names if key in extra}, "extra")


def fill_chrome(text: str, operator: str = "", publisher: str = "", year: str = "") -> str:
    """``text`` with ``{operator}``, ``{publisher}`` and ``{year}`` replaced (other braces
    kept)."""
    return text.replace(OPERATOR, operator).replace(PUBLISHER, publisher).replace(YEAR, year)


def copyright_year(extra: Mapping[str, object], signed: Iterable[date], today: date) -> str:
    """The copyright line's year: ``extra.footer.year`` when set, otherwise the year of
    the newest of the ``signed`` dates (the ledger's), otherwise ``today``'s."""
    footer = extra.get("footer")
    setting = footer.get("year") if isinstance(footer, Mapping) else None
    if setting is not None and str(setting).strip():
        return str(setting).strip()
    return str(max(signed, default=today).year)


def sample_notice(extra: Mapping[str, object], locale: str) -> str:
    """The notice every page and PDF shows while the sample site's opt-in is on ("" off)."""
    return label("sample_notice", locale) if site_url_allowed(extra) else ""


def reprint_contact(extra: Mapping[str, object], locale: str) -> str:
    """The usage policy's way to ask, as HTML (``extra.contact.email``), or "" unset."""
    contact = extra.get("contact")
    email = contact.get("email") if isinstance(contact, Mapping) else None
    if not isinstance(email, str) or not email.strip():
        return ""
    address = escape(email.strip())
    link = f'<a href="mailto:{address}">{address}</a>'
    before, _, after = escape(label("reprint_contact", locale)).partition("{email}")
    return f'<p class="site-contact">{before}{link}{after}</p>'


def safety_block(extra: Mapping[str, object], locale: str) -> str:
    """The safety block of a medical page in ``locale``, as HTML ("" when ``extra`` has
    none): its title, each item's label and text (``{tel:911}``, ``{sms:988}`` and
    ``{web:host}`` become links), and the sources."""
    safety = extra.get("safety")
    if not isinstance(safety, Mapping):
        return ""
    items = safety.get("items")
    entries = "".join(
        f"<li><strong>{escape(_text(item, 'label', locale))}:</strong> "
        f"{_linked(_text(item, 'text', locale))}</li>"
        for item in (items if isinstance(items, list) else [])
    )
    title = escape(_text(safety, "title", locale))
    sources = _text(safety, "sources", locale)
    cited = f'<p class="site-safety__sources">{escape(sources)}</p>' if sources else ""
    return (
        f'<aside class="site-safety" aria-label="{title}">'
        f'<p class="site-safety__title">{title}</p>'
        f"<ul>{entries}</ul>{cited}</aside>"
    )


def _text(node: object, field: str, locale: str) -> str:
    texts = node.get(field) if isinstance(node, Mapping) else None
    value = texts.get(locale) if isinstance(texts, Mapping) else None
    return str(value).strip() if value is not None else ""


def _linked(text: str) -> str:
    parts = []
    rest = 0
    for found in _LINK.finditer(text):
        scheme, target = found.groups()
        href = f"https://{target}/" if scheme == "web" else f"{scheme}:{target}"
        parts.append(escape(text[rest : found.start()]))
        parts.append(f'<a href="{escape(href)}">{escape(target)}</a>')
        rest = found.end()
    parts.append(escape(text[rest:]))
    return "".join(parts)


def chrome_problems(site_names: Mapping[str, str], extra: Mapping[str, object]) -> list[str]:
    """A message for each way the chrome of ``site_names``' languages misleads."""
    problems = []
    publisher = _by_locale(extra, "publisher", "name")
    labels = _by_locale(extra, "helpline", "label")
    for locale, site_name in site_names.items():
        name = publisher.get(locale, "")
        if name and not _agree(name, site_name):
            problems.append(
                f"mkdocs.yml: extra.publisher.name.{locale} '{name}' does not agree with the "
                f"site name '{site_name}'; name the site after its publisher (one containing "
                "the other)"
            )
        label = labels.get(locale, "")
        if label and OPERATOR not in label:
            problems.append(
                f"mkdocs.yml: extra.helpline.label.{locale} '{label}' does not name the "
                f"helpline's operator; write {OPERATOR} where extra.helpline.operator.{locale} "
                "goes"
            )
        fixed = _FIXED_YEAR.search(_by_locale(extra, "footer", "copyright").get(locale, ""))
        if fixed:
            problems.append(
                f"mkdocs.yml: extra.footer.copyright.{locale} has a fixed year "
                f"'{fixed.group()}'; write {YEAR} where it goes (the newest sign-off's year, "
                "or extra.footer.year)"
            )
        problems.extend(_safety_problems(extra, locale))
    contact = extra.get("contact")
    email = contact.get("email") if isinstance(contact, Mapping) else None
    if isinstance(email, str) and is_placeholder_host(url_host(f"mailto:{email}")):
        problems.append(
            f"mkdocs.yml: extra.contact.email '{email}' is a placeholder address; give the "
            "real address, or delete it so the contact sentence is not shown"
        )
    return problems


def _safety_problems(extra: Mapping[str, object], locale: str) -> list[str]:
    safety = extra.get("safety")
    if not isinstance(safety, Mapping):
        return []
    items = safety.get("items")
    fields = [("title", safety)] + [
        (f"items[{index}].{field}", item)
        for index, item in enumerate(items if isinstance(items, list) else [])
        for field in ("label", "text")
    ]
    return [
        f"mkdocs.yml: extra.safety.{name}.{locale} is missing; every medical page shows "
        "the safety block in each language"
        for name, node in fields
        if not _text(node, name.rpartition(".")[2], locale)
    ]


def _agree(publisher: str, site_name: str) -> bool:
    first, second = publisher.casefold(), site_name.casefold()
    return first in second or second in first


def _by_locale(extra: Mapping[str, object], section: str, field: str) -> dict[str, str]:
    node = extra.get(section)
    texts = node.get(field) if isinstance(node, Mapping) else None
    if not isinstance(texts, Mapping):
        return {}
    return {str(locale): str(text) for locale, text in texts.items()}
