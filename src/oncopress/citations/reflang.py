"""The language of a reference, and the note a page in another language puts after
its title, so a reader knows before opening it: "... survivors of cancer (en inglés)."

A reference is in the language its BibTeX entry names (``langid = {spanish}`` or
``language = {es}``), or in English, the language of most medical journals. This
module only adds the note; ``oncopress.citations.references`` formats the reference.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from functools import cache

from babel import Locale

from oncopress.citations.references import Reference
from oncopress.i18n.labels import label

DEFAULT_LANGUAGE = "en"
LANGUAGE_FIELDS = ("langid", "language")


@cache
def _codes_by_english_name() -> dict[str, str]:
    names = Locale("en").languages
    return {name.casefold(): code for code, name in names.items() if "_" not in code}


def reference_language(fields: Mapping[str, object]) -> str:
    """The language code of a BibTeX entry's ``fields`` (``"english"`` -> ``"en"``)."""
    for name in LANGUAGE_FIELDS:
        value = str(fields.get(name, "")).strip().casefold()
        if not value:
            continue
        if value in Locale("en").languages:
            return value
        code = _codes_by_english_name().get(value)
        if code:
            return code
    return DEFAULT_LANGUAGE


def language_note(language: str, locale: str) -> str:
    """``"(en inglés)"`` for an English reference on a Spanish page; ``""`` when the
    reference is in the page's language."""
    if language == locale:
        return ""
    name = Locale(locale).languages.get(language, language)
    return label("reference_in_language", locale).format(language=name)


def with_language_note(ref: Reference, note: str) -> Reference:
    """``ref`` with ``note`` after its title (unchanged when ``note`` is empty)."""
    if not note:
        return ref
    return dataclasses.replace(ref, title=f"{ref.title.rstrip('.')} {note}")
