import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from oncopress.checks.placeholder_hosts import (
    is_placeholder_host,
    page_message,
    placeholder_settings,
    placeholder_urls,
    setting_message,
    site_url_allowed,
    site_url_message,
    url_host,
)
from oncopress.pages.pagesafety import tag_urls


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://survivorship.example.org/chat/", "survivorship.example.org"),
        ("HTTP://WWW.Example.COM.:8080/x", "www.example.com"),
        ("//cdn.example.net/a.js", "cdn.example.net"),
        ("mailto:ayuda@clinica.example?subject=Hola", "clinica.example"),
        ("mailto:", ""),
        ("tel:+18002272345", ""),
        ("../about/", ""),
        ("http://[broken", ""),
    ],
)
def test_url_host(url: str, host: str) -> None:
    assert url_host(url) == host


@pytest.mark.parametrize(
    ("host", "placeholder"),
    [
        ("example.org", True),
        ("survivorship.example.org", True),
        ("example.com", True),
        ("a.b.example.net", True),
        ("site.example", True),
        ("nothing.invalid", True),
        ("preview.test", True),
        ("localhost", True),
        ("app.localhost", True),
        ("", False),
        ("www.cancer.org", False),
        ("example.org.uk", False),
        ("myexample.org", False),
        ("examples.com", False),
        ("testing.org", False),
    ],
)
def test_is_placeholder_host(host: str, placeholder: bool) -> None:
    assert is_placeholder_host(host) is placeholder


def test_placeholder_urls_in_links_images_and_srcset_once_each() -> None:
    page = (
        '<p><a href="https://donate.example.org/">Done</a> <a href="https://www.cancer.org/">ACS</a>'
        ' <a href="https://donate.example.org/">again</a> <a href="tel:+18002272345">call</a>'
        ' <img src="http://localhost:8000/x.png" alt="x"'
        ' srcset="a.png 1x, https://img.site.test/b.png 2x">'
        ' <a href="mailto:ana@clinic.invalid">Ana</a> <a href="../about/">About</a></p>'
        "<p>Text about example.org without a link.</p>"
    )
    assert placeholder_urls(page) == [
        "https://donate.example.org/",
        "http://localhost:8000/x.png",
        "https://img.site.test/b.png",
        "mailto:ana@clinic.invalid",
    ]


def test_placeholder_settings_name_the_key_under_extra() -> None:
    extra = {
        "allow_placeholder_site_url": True,
        "helpline": {"phone": "1-800-227-2345", "label": {"en": "Helpline"}},
        "chat": {"url": "https://survivorship.example.org/chat/", "label": {"en": "Chat"}},
        "footer": {
            "links": ["https://www.cancer.org/", "mailto:news@charity.test"],
            "note": {"en": "Write to example.org"},
        },
    }
    assert placeholder_settings(extra) == [
        ("extra.chat.url", "https://survivorship.example.org/chat/"),
        ("extra.footer.links[1]", "mailto:news@charity.test"),
    ]


@pytest.mark.parametrize(
    ("extra", "allowed"),
    [
        ({"allow_placeholder_site_url": True}, True),
        ({"allow_placeholder_site_url": "true"}, False),
        ({"allow_placeholder_site_url": False}, False),
        ({}, False),
    ],
)
def test_site_url_opt_in_is_exactly_true(extra: dict, allowed: bool) -> None:
    assert site_url_allowed(extra) is allowed


def test_messages() -> None:
    assert page_message("https://donate.example.org/") == (
        "links to 'https://donate.example.org/', a placeholder address ('donate.example.org' "
        "is reserved for examples and reaches no real site); link to the real address or "
        "remove the link"
    )
    assert setting_message("extra.chat.url", "https://x.example.org/chat/") == (
        "mkdocs.yml: extra.chat.url is 'https://x.example.org/chat/', a placeholder address "
        "('x.example.org' is reserved for examples); give the real address, or delete the "
        "item so it is not shown"
    )
    assert site_url_message("https://survivorship.example.org/") == (
        "mkdocs.yml: site_url 'https://survivorship.example.org/' is a placeholder address "
        "('survivorship.example.org' is reserved for examples); set your site's real "
        "address (a sample site may add 'allow_placeholder_site_url: true' under extra:)"
    )


_PIECES = st.sampled_from(
    [
        "<p>text ",
        "<a href='https://survivorship.EXAMPLE.org/x'>",
        '<img src="http://site.Test/a.png">',
        "<a href='mailto:me@LOCALHOST'>",
        "<a href=//localhost:8000/>",
        "<a href='https://info.example/'>",
        "<a href='https://cancer.org/'>",
        "examples.org ",
        "\u212a",
    ]
)


@given(st.lists(_PIECES, max_size=6).map("".join), st.booleans())
@settings(max_examples=300, deadline=None)
def test_looking_first_never_skips_a_placeholder(page: str, upper: bool) -> None:
    page = page.upper() if upper else page
    found = (url for url in tag_urls(page) if is_placeholder_host(url_host(url)))
    assert placeholder_urls(page) == list(dict.fromkeys(found))
