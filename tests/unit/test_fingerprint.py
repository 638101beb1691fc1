"""Fingerprints of what readers see: exact digests, what changes them and what does not."""

from __future__ import annotations

import pytest
from oncopress.fingerprint import Paragraph, fingerprint_page, normalize_text

META = {"title": "Recurrence", "description": "When cancer comes back."}
BODY = "# Recurrence\n\nCancer can come back.\n\nAsk your care team.\n"
DIGEST = "sha256:257be8e042a9e3042e8acbaaef3ac8d69a9510f699003d3cd942d74a85a36d0c"


def test_exact_fingerprint_and_paragraphs() -> None:
    printed = fingerprint_page(META, BODY)
    assert printed.digest == DIGEST
    assert printed.paragraphs == (
        Paragraph("2a2b96b3a8256bcf", "title: Recurrence"),
        Paragraph("83c1dccdbbcd5d40", "description: When cancer comes back."),
        Paragraph("312d91767cbf0133", "# Recurrence"),
        Paragraph("cebf2221feefa4e8", "Cancer can come back."),
        Paragraph("c7e740d77650284c", "Ask your care team."),
    )


@pytest.mark.parametrize(
    "body",
    [
        BODY.replace("\n", "\r\n"),
        "\ufeff" + BODY,
        "\ufeff" + BODY.replace("\n", "\r\n"),
        BODY.replace("\n", "\r"),
        BODY.replace("back.\n", "back.   \n").replace("team.\n", "team.\t\n"),
        "\n\n" + BODY + "\n\n\n",
        BODY.replace("\n\nAsk", "\n\n\n\nAsk"),
    ],
    ids=["crlf", "bom", "bom-crlf", "cr", "trailing-spaces", "blank-lines-around", "more-blanks"],
)
def test_what_readers_do_not_see_does_not_change_it(body: str) -> None:
    assert fingerprint_page(META, body).digest == DIGEST


@pytest.mark.parametrize(
    ("meta", "body"),
    [
        (META, BODY.replace("come back", "come bak")),
        (META, BODY.replace("care team", "care  team")),
        (META, BODY + "\nOne more line.\n"),
        ({**META, "title": "Recurrences"}, BODY),
        ({**META, "description": "When cancer returns."}, BODY),
        ({"title": "Recurrence"}, BODY),
    ],
    ids=["a letter", "a space inside", "a line", "the title", "the description", "no description"],
)
def test_any_change_readers_see_changes_it(meta: dict[str, object], body: str) -> None:
    assert fingerprint_page(meta, body).digest != DIGEST


def test_other_front_matter_fields_do_not_count() -> None:
    meta = {**META, "last_revised": "2026-11-28", "reviewed_by": ["content-team"]}
    assert fingerprint_page(meta, BODY).digest == DIGEST


def test_changed_and_removed_paragraphs_since_a_revision() -> None:
    before = fingerprint_page(META, BODY)
    after = fingerprint_page(
        META, "# Recurrence\n\nCancer can come back later.\n\nAsk your care team.\n\nCall us.\n"
    )
    recorded = [p.digest for p in before.paragraphs]
    assert [p.text for p in after.changed_since(recorded)] == [
        "Cancer can come back later.",
        "Call us.",
    ]
    assert after.removed_since(recorded) == 1


def test_normalize_text() -> None:
    assert normalize_text("\ufeff\n a  \r\nb\t\r\n\r\n") == " a\nb"
