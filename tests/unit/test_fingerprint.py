"""Fingerprints of what a reviewer signs off: exact digests, what changes them and what
does not (the text, and every front matter field but the sign-off's own)."""

from __future__ import annotations

import pytest

from oncopress.ledger.fingerprint import Paragraph, fingerprint_page, normalize_text

META = {"title": "Recurrence", "description": "When cancer comes back."}
BODY = "# Recurrence\n\nCancer can come back.\n\nAsk your care team.\n"
DIGEST = "sha256:a682cdea0f7a01686dcfbd43a2a5cf0f76cddb086a934ed7b15b0a33864a55be"
# What a version-1 ledger recorded for the same page: the text only.
TEXT_DIGEST = "sha256:257be8e042a9e3042e8acbaaef3ac8d69a9510f699003d3cd942d74a85a36d0c"


def test_exact_fingerprint_and_paragraphs() -> None:
    printed = fingerprint_page(META, BODY)
    assert printed.digest == DIGEST
    assert printed.text_digest == TEXT_DIGEST
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
        ({**META, "medical": False}, BODY),
        ({**META, "medical": True}, BODY),
        ({**META, "pdf": False}, BODY),
        ({**META, "hide": ["toc"]}, BODY),
        ({**META, "template": "other.html"}, BODY),
    ],
    ids=[
        "a letter",
        "a space inside",
        "a line",
        "the title",
        "the description",
        "no description",
        "medical false",
        "medical true",
        "no pdf",
        "hide",
        "template",
    ],
)
def test_any_change_readers_see_changes_it(meta: dict[str, object], body: str) -> None:
    assert fingerprint_page(meta, body).digest != DIGEST


def test_the_sign_off_fields_do_not_count() -> None:
    meta = {
        **META,
        "last_revised": "2026-11-28",
        "reviewed_by": ["content-team"],
        "translation_of": "2026-11-27",
        "translation_reviewed_by": ["translation-team"],
    }
    assert fingerprint_page(meta, BODY).digest == DIGEST


def test_front_matter_fields_are_paragraphs_after_the_text_in_any_order() -> None:
    first = fingerprint_page({"medical": False, **META, "pdf": False}, BODY)
    second = fingerprint_page({"pdf": False, **META, "medical": False}, BODY)
    assert first == second
    assert first.paragraphs[5:] == (
        Paragraph("53580e50e8ed929b", "medical: false"),
        Paragraph("6c44e09e7e66a575", "pdf: false"),
    )
    assert first.text_digest == TEXT_DIGEST
    assert first.text_only() == fingerprint_page(META, BODY).text_only()
    assert first.text_only().paragraphs == fingerprint_page(META, BODY).paragraphs


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


def paragraphs(*blocks: str) -> str:
    return "\n\n".join(blocks) + "\n"


ONE, TWO, THREE, FOUR, FIVE = (f"Paragraph {word}." for word in "ABCDE")


@pytest.mark.parametrize(
    ("now", "described", "moved"),
    [
        ((TWO, ONE, THREE, FOUR), "paragraphs 1 and 2 swapped places", (TWO, ONE)),
        ((ONE, THREE, TWO, FOUR), "paragraphs 2 and 3 swapped places", (THREE, TWO)),
        ((FOUR, TWO, THREE, ONE), "paragraphs 1 and 4 swapped places", (FOUR, ONE)),
        ((TWO, THREE, FOUR, ONE), "1 paragraph moved, now paragraph 4", (ONE,)),
        ((THREE, FOUR, ONE, TWO), "2 paragraphs moved, now paragraphs 1 and 2", (THREE, FOUR)),
        ((FOUR, THREE, TWO, ONE), "3 paragraphs moved, now paragraphs 1, 2 and 3",
         (FOUR, THREE, TWO)),
        # FOUR gone, FIVE new: ONE and TWO still traded places
        ((TWO, FIVE, ONE, THREE), "paragraphs 1 and 3 swapped places", (TWO, ONE)),
    ],
)  # fmt: skip
def test_paragraphs_in_another_order_since_a_revision(
    now: tuple[str, ...], described: str, moved: tuple[str, ...]
) -> None:
    """Issue 22: two swapped paragraphs were "changed" with no paragraph to show."""
    before = fingerprint_page(META, paragraphs(ONE, TWO, THREE, FOUR))
    after = fingerprint_page(META, paragraphs(*now))
    found = after.moved_since([p.digest for p in before.paragraphs])
    assert found is not None
    assert found.describe() == described
    assert tuple(p.text for p in found.paragraphs) == moved


def test_the_same_order_is_no_move_and_a_repeated_paragraph_counts_twice() -> None:
    before = fingerprint_page(META, paragraphs(ONE, TWO, ONE))
    recorded = [p.digest for p in before.paragraphs]
    assert before.moved_since(recorded) is None
    after = fingerprint_page(META, paragraphs(ONE, TWO))  # the second ONE removed
    assert (after.changed_since(recorded), after.removed_since(recorded)) == ([], 1)
    assert after.moved_since(recorded) is None
    again = fingerprint_page(META, paragraphs(ONE, TWO, ONE, ONE))  # ONE written once more
    assert [p.text for p in again.changed_since(recorded)] == [ONE]
    assert again.removed_since(recorded) == 0


def test_one_copy_of_a_repeated_paragraph_changed_is_a_change_not_a_move() -> None:
    """A list written three times, its first copy changed (found by
    tests/e2e/test_preview_incremental.py): the other copies stay where they were."""
    before = fingerprint_page(META, paragraphs(ONE, TWO, THREE, TWO, FOUR, TWO))
    recorded = [p.digest for p in before.paragraphs]
    after = fingerprint_page(META, paragraphs(ONE, FIVE, THREE, TWO, FOUR, TWO))
    assert [p.text for p in after.changed_since(recorded)] == [FIVE]
    assert after.removed_since(recorded) == 1
    assert after.moved_since(recorded) is None
    swapped = fingerprint_page(META, paragraphs(ONE, TWO, THREE, TWO, TWO, FOUR))
    found = swapped.moved_since(recorded)
    assert found is not None and found.describe() == "paragraphs 5 and 6 swapped places"


def test_normalize_text() -> None:
    assert normalize_text("\ufeff\n a  \r\nb\t\r\n\r\n") == " a\nb"
