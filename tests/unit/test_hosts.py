"""Which Host headers the preview answers (oncopress.preview.hosts): no DNS rebinding."""

from __future__ import annotations

import pytest

from oncopress.preview.hosts import allowed_hosts, host_name, is_allowed_host, refusal

LOOPBACK = ("127.0.0.1", "localhost", "[::1]")


@pytest.mark.parametrize(
    ("bound", "expected"),
    [
        ("127.0.0.1", LOOPBACK),
        ("localhost", LOOPBACK),
        ("::1", LOOPBACK),
        ("0.0.0.0", (*LOOPBACK, "0.0.0.0")),
        ("Preview.Lan", (*LOOPBACK, "preview.lan")),
        ("fe80::1", (*LOOPBACK, "[fe80::1]")),
    ],
)
def test_allowed_hosts_are_the_loopback_names_and_the_bound_one(
    bound: str, expected: tuple[str, ...]
) -> None:
    assert allowed_hosts(bound) == expected


@pytest.mark.parametrize(
    "header",
    [
        "127.0.0.1",
        "127.0.0.1:8000",
        "localhost:8000",
        "LocalHost",
        "[::1]:8000",
        "[::1]",
        "192.168.1.20:8000",  # an address cannot be rebound to another computer
        "preview.lan:8000",
    ],
)
def test_names_of_this_computer_are_answered(header: str) -> None:
    assert is_allowed_host(header, allowed_hosts("preview.lan"))


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "evil.example",
        "evil.example:8000",
        "localhost.evil.example",
        "127.0.0.1.nip.io",
        "localhost:80x",
        "localhost:",
        "[::1]x",
        "preview.lan",  # not bound to it
    ],
)
def test_other_names_are_refused(header: str | None) -> None:
    assert not is_allowed_host(header, LOOPBACK)


def test_host_name_drops_the_port_and_keeps_ipv6_brackets() -> None:
    assert host_name("[::1]:8000") == "[::1]"
    assert host_name("Evil.Example:8000") == "evil.example"
    assert host_name("evil.example:x") == ""


def test_the_refusal_says_which_names_the_preview_answers() -> None:
    assert refusal("evil.example:8000", LOOPBACK, 8000) == (
        "Blocked request: this preview answers only to 127.0.0.1, localhost, [::1] and IP "
        "addresses, not to the host 'evil.example' (a web page may be trying to read the "
        "preview). Open http://127.0.0.1:8000/ instead, or start the preview on another "
        "name with -a HOST:PORT.\n"
    )
