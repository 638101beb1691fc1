"""Site chrome configured under ``extra:`` in ``mkdocs.yml``: the checks that keep it
honest, and the texts it shows.

- The helpline belongs to its operator (the American Cancer Society), not to the
  publisher: its label must name the operator (``{operator}`` in the label).
- The publisher's name (``extra.publisher.name``) is the author of the PDFs and the
  holder of the copyright; the site's name in the same language must agree with it
  (one contains the other, ignoring case), so a reader never meets two identities.
"""

from __future__ import annotations

from collections.abc import Mapping

OPERATOR = "{operator}"
PUBLISHER = "{publisher}"


def fill_chrome(text: str, operator: str = "", publisher: str = "") -> str:
    """``text`` with ``{operator}`` and ``{publisher}`` replaced (other braces kept)."""
    return text.replace(OPERATOR, operator).replace(PUBLISHER, publisher)


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
    return problems


def _agree(publisher: str, site_name: str) -> bool:
    first, second = publisher.casefold(), site_name.casefold()
    return first in second or second in first


def _by_locale(extra: Mapping[str, object], section: str, field: str) -> dict[str, str]:
    node = extra.get(section)
    texts = node.get(field) if isinstance(node, Mapping) else None
    if not isinstance(texts, Mapping):
        return {}
    return {str(locale): str(text) for locale, text in texts.items()}
