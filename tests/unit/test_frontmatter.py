import pytest

from oncopress.pages.frontmatter import FrontMatterError, read_front_matter


def test_reads_front_matter_and_keeps_dates_as_written() -> None:
    text = (
        "---\ntitle: Recurrence\nlast_revised: 2023-02-30\nreviewed_by: [content-team]\n"
        "medical: false\n---\n\n# Recurrence\n"
    )
    meta, markdown = read_front_matter(text)
    assert meta == {
        "title": "Recurrence",
        "last_revised": "2023-02-30",  # text: the date check explains what is wrong
        "reviewed_by": ["content-team"],
        "medical": False,
    }
    assert markdown == "# Recurrence\n"


def test_a_page_without_front_matter_has_none() -> None:
    assert read_front_matter("# Title\n\nText.\n") == ({}, "# Title\n\nText.\n")


def test_an_empty_block_is_empty_front_matter() -> None:
    assert read_front_matter("---\n\n---\nText\n") == ({}, "Text\n")


def test_the_block_may_end_with_dots() -> None:
    assert read_front_matter("---\ntitle: T\n...\nText\n") == ({"title": "T"}, "Text\n")


def test_malformed_yaml_names_the_line_in_the_page() -> None:
    text = "---\ntitle: Recurrence\nlast_revised: 2023-08-28\nreviewed_by: [content-team\n---\n"
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter(text)
    assert str(raised.value) == (
        "front matter is not valid YAML "
        "(line 4, column 14: expected ',' or ']', but got '<stream end>')"
    )


def test_a_key_without_a_colon_is_reported() -> None:
    text = "---\ntitle: Recurrence\nlast_revised 2023-08-28\nmedical: false\n---\n"
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter(text)
    assert str(raised.value) == (
        "front matter is not valid YAML (line 3, column 1: could not find expected ':')"
    )


def test_front_matter_must_be_a_mapping() -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter("---\n- title\n- date\n---\nText\n")
    assert str(raised.value) == "front matter must be 'key: value' lines (found a list)"


def test_an_empty_page_is_refused() -> None:
    for text in ("", "\n", "  \n\t\n"):
        with pytest.raises(FrontMatterError) as raised:
            read_front_matter(text)
        assert str(raised.value) == "is empty; write the page's front matter and text, or delete it"


NO_TEXT = "has front matter but no text; write the page's text after the closing '---' line"


@pytest.mark.parametrize(
    "text", ["---\ntitle: T\n---\n", "---\ntitle: T\n---\n\n  \n", "---\ntitle: T\n---"]
)
def test_a_page_with_only_front_matter_is_refused(text: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter(text)
    assert str(raised.value) == NO_TEXT


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        ("---\ntemplate: home.html\n---\n", {"template": "home.html"}),
        (
            "---\ntitle: Cuidado\ntranslation_status: pending\n---\n",
            {"title": "Cuidado", "translation_status": "pending"},
        ),
    ],
)
def test_a_template_page_or_a_translation_stub_may_have_no_text(
    text: str, meta: dict[str, object]
) -> None:
    assert read_front_matter(text) == (meta, "")


def test_front_matter_that_is_never_closed() -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter("---\ntitle: Care\nlast_revised: 2023-08-28\n\n# Care\n\nText.\n")
    assert str(raised.value) == (
        "front matter opened by '---' on line 1 is never closed; "
        "end it with a line of three dashes (---)"
    )


def test_four_dashes_do_not_close_front_matter() -> None:
    with pytest.raises(FrontMatterError, match="is never closed"):
        read_front_matter("---\ntitle: Care\n----\n\nText.\n")


def test_two_rules_at_the_top_are_markdown_as_for_mkdocs() -> None:
    assert read_front_matter("---\n---\nText\n") == ({}, "---\n---\nText\n")


@pytest.mark.parametrize(
    ("front", "message"),
    [
        (
            "title: T\nreviewd_by: [content-team]\n",
            "unknown front matter key 'reviewd_by' (line 3: did you mean 'reviewed_by'?)",
        ),
        (
            "Title: T\n",
            "unknown front matter key 'Title' (line 2: did you mean 'title'?)",
        ),
        (
            "title: T\nlast_revision: 2023-08-28\n",
            "unknown front matter key 'last_revision' (line 3: did you mean 'last_revised'?)",
        ),
        (
            "title: T\ntranslation_off: 2023-08-28\n",
            "unknown front matter key 'translation_off' (line 3: did you mean 'translation_of'?)",
        ),
        (
            "title: T\nauthor: Ana\n",
            "unknown front matter key 'author' (line 3); this site's keys: title, description, "
            "last_revised, medical, reviewed_by, translation_of, translation_reviewed_by, "
            "translation_status, pdf, review_interval_months",
        ),
        (
            "reviewd_by: [a]\ntitle: T\ncolour: blue\n",
            "unknown front matter keys 'reviewd_by' (line 2: did you mean 'reviewed_by'?), "
            "'colour' (line 4); this site's keys: title, description, last_revised, medical, "
            "reviewed_by, translation_of, translation_reviewed_by, translation_status, pdf, "
            "review_interval_months",
        ),
    ],
)
def test_an_unknown_key_names_its_line_and_the_key_meant(front: str, message: str) -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter(f"---\n{front}---\nText\n")
    assert str(raised.value) == message


def test_keys_that_material_reads_are_known() -> None:
    text = "---\ntitle: T\nhide: [toc]\nsearch: {exclude: true}\nicon: x\nsubtitle: S\n---\nText\n"
    meta, _ = read_front_matter(text)
    assert set(meta) == {"title", "hide", "search", "icon", "subtitle"}


def test_a_key_written_twice_names_both_lines() -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter(
            "---\nlast_revised: 2023-08-28\ntitle: T\nlast_revised: 2024-01-10\n---\nT\n"
        )
    assert str(raised.value) == (
        "front matter key 'last_revised' is written twice (lines 2 and 4); keep one"
    )


def test_a_tab_says_to_indent_with_spaces() -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter("---\ntitle: T\nreviewed_by:\n\t- content-team\n---\nText\n")
    assert str(raised.value) == (
        "front matter is not valid YAML (line 4, column 1: found character '\\t' that cannot "
        "start any token: indent with spaces, not tabs)"
    )


def test_a_control_character_pasted_in_names_its_line() -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter("---\ntitle: T\ndescription: Care\x0bafter treatment\n---\nText\n")
    assert str(raised.value) == (
        "front matter is not valid YAML (line 3: unacceptable character #x000b: special "
        "characters are not allowed)"
    )


ALIASES = (
    "anchors (&) and aliases (*) are not allowed in pages; write each value out, and put a "
    "value that starts with '*' or '&' in quotes"
)


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            "title: T\nbomb: &a [x, x]\ntags: [*a, *a]\n",
            f"front matter uses a YAML anchor '&a' (line 3): {ALIASES}",
        ),
        (
            "title: *important\n",
            f"front matter uses a YAML alias '*important' (line 2): {ALIASES}",
        ),
        (
            "tags: " + "[" * 5000 + "]" * 5000 + "\n",
            "front matter is nested more than 50 levels deep (line 2); write its values as "
            "plain 'key: value' lines or lists",
        ),
        (
            "".join("  " * n + f"k{n}:\n" for n in range(60)) + "  " * 60 + "x: 1\n",
            "front matter is nested more than 50 levels deep (line 52); write its values as "
            "plain 'key: value' lines or lists",
        ),
    ],
)
def test_anchors_aliases_and_deep_nesting_are_refused_before_yaml_builds(
    block: str, expected: str
) -> None:
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter(f"---\n{block}---\n\nText.\n")
    assert str(raised.value) == expected


def test_stars_and_ampersands_inside_values_are_fine() -> None:
    meta, _ = read_front_matter("---\ntitle: 'Q&A: *now*'\ndescription: Rest & care *\n---\n\nT\n")
    assert meta == {"title": "Q&A: *now*", "description": "Rest & care *"}


def test_a_control_character_beside_an_anchor_sign_is_the_yaml_error_with_its_line() -> None:
    """Found by the property test: the anchor check read the block before the YAML
    reader could refuse the character, and the reader's error escaped as a traceback."""
    with pytest.raises(FrontMatterError) as raised:
        read_front_matter("---\n&\x1f\n---\n\nText.\n")
    assert str(raised.value) == (
        "front matter is not valid YAML (line 2: unacceptable character #x001f: special "
        "characters are not allowed)"
    )
