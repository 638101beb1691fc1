import pytest

from oncopress.pages.pagesafety import (
    escape_text,
    html_safe_meta,
    is_local_file,
    local_file_message,
    local_file_urls,
)


def test_text_fields_are_escaped_and_the_rest_kept() -> None:
    meta = {
        "title": "Sex & <intimacy>",
        "description": 'She said "stop"',
        "subtitle": "Año's <b>",
        "last_revised": "2023-08-28",
        "reviewed_by": ["content-team"],
        "medical": False,
    }
    assert html_safe_meta(meta) == {
        "title": "Sex &amp; &lt;intimacy&gt;",
        "description": "She said &quot;stop&quot;",
        "subtitle": "Año's &lt;b&gt;",
        "last_revised": "2023-08-28",
        "reviewed_by": ["content-team"],
        "medical": False,
    }


def test_a_title_that_is_not_text_is_left_to_the_other_checks() -> None:
    assert html_safe_meta({"title": 2023}) == {"title": 2023}


def test_escape_text() -> None:
    assert escape_text('<script>alert("x")</script> & más') == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; más"
    )


@pytest.mark.parametrize(
    ("url", "local"),
    [
        ("file:///etc/passwd", True),
        ("FILE://server/share/x.png", True),
        ("C:\\Users\\ana\\scan.png", True),
        ("c:/Users/ana/scan.png", True),
        ("\\\\server\\share\\scan.png", True),
        ("images/scan.png", False),
        ("../care/", False),
        ("https://example.org/x.png", False),
        ("mailto:help@example.org", False),
        ("tel:+18002272345", False),
        ("data:image/png;base64,AAAA", False),
        ("#top", False),
    ],
)
def test_is_local_file(url: str, local: bool) -> None:
    assert is_local_file(url) is local


def test_local_file_urls_in_every_kind_of_tag() -> None:
    html = (
        '<p><img alt="x" src="file:///etc/passwd"><a href="C:\\Users\\ana\\doc.pdf">doc</a>'
        '<a href="../care/">care</a><img srcset="a.png 1x, file:///b.png 2x">'
        '<video poster="\\\\server\\share\\p.jpg"></video><img src="file:///etc/passwd"></p>'
    )
    assert local_file_urls(html) == [
        "file:///etc/passwd",
        "C:\\Users\\ana\\doc.pdf",
        "file:///b.png",
        "\\\\server\\share\\p.jpg",
    ]


def test_text_that_only_mentions_a_path_is_not_a_link() -> None:
    assert local_file_urls("<p>Open file:///etc/passwd or C:\\Users</p>") == []


def test_message() -> None:
    assert local_file_message("file:///x.png") == (
        "links to 'file:///x.png', a file on one computer that readers cannot open; copy the "
        "file into the site's sources and link to it with a relative path"
    )
