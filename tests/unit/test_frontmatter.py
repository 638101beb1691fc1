import pytest
from oncopress.frontmatter import FrontMatterError, read_front_matter


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
