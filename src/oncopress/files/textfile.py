"""Text files editors save (the bibliography, the reviewer registry): UTF-8, with or
without a byte order mark, with any line endings. Anything else is refused with
the line where it stops being UTF-8, instead of a ``UnicodeDecodeError``.
"""

from __future__ import annotations

import codecs

_UTF16_MARKS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class NotUtf8Error(ValueError):
    """The file is not UTF-8 text; the message completes "'<file>' ..."."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def decode_text(data: bytes) -> str:
    """``data`` as text: UTF-8, byte order mark dropped, ``\\r\\n`` and ``\\r`` as ``\\n``."""
    if data.startswith(_UTF16_MARKS):
        raise NotUtf8Error("is UTF-16 text, not UTF-8; save it as UTF-8", 1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise NotUtf8Error(
            f"is not UTF-8 text (line {line}: {error.reason}); save it as UTF-8", line
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
