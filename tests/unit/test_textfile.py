import pytest

from oncopress.files.textfile import NotUtf8Error, decode_text


@pytest.mark.parametrize(
    "data",
    [
        "año\nniño\n".encode(),
        b"\xef\xbb\xbf" + "año\nniño\n".encode(),
        "año\r\nniño\r\n".encode(),
        "año\rniño\r".encode(),
    ],
)
def test_utf8_with_or_without_bom_and_any_line_endings(data: bytes) -> None:
    assert decode_text(data) == "año\nniño\n"


def test_latin1_names_the_line() -> None:
    with pytest.raises(NotUtf8Error) as raised:
        decode_text("title: Care\nauthor: Götze\n".encode("latin-1"))
    assert str(raised.value) == "is not UTF-8 text (line 2: invalid start byte); save it as UTF-8"
    assert raised.value.line == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_its_mark_is_named(encoding: str) -> None:
    data = "title: Care\n".encode(encoding)
    if encoding != "utf-16":
        data = ("\ufeff" + "title: Care\n").encode(encoding)
    with pytest.raises(NotUtf8Error) as raised:
        decode_text(data)
    assert str(raised.value) == "is UTF-16 text, not UTF-8; save it as UTF-8"
