"""SSH signatures as git makes them (``ssh-keygen -Y sign``), read and verified here.

A reviewer's public key is a line of git's ``allowed_signers`` file::

    ana.ruiz@example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI... ana's laptop

(principals, optional options such as ``namespaces="oncopress-signoff"``, the key type,
the key, a comment). A signature is OpenSSH's SSHSIG blob (``PROTOCOL.sshsig``): the
signer's public key, the namespace, the hash algorithm and the signature over a digest
of the message. ``verify`` checks one against a reviewer's keys with Ed25519 from
``cryptography``: no ``ssh-keygen`` is needed to build. Only ``ssh-ed25519`` keys are
taken (the type git's and GitHub's guides make); others are refused by name.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

KEY_TYPE = "ssh-ed25519"
MAGIC = b"SSHSIG"
HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}
ARMOR = re.compile(r"-----(BEGIN|END) SSH SIGNATURE-----")
BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")
_WORD = re.compile(r'(?:[^\s"]+|"[^"]*"?)+')  # a word; quoted parts keep their spaces
_KNOWN_TYPES = re.compile(r"(ssh|ecdsa|sk|rsa)-[\w@.-]+")


class SshSigError(ValueError):
    """A key line or a signature that is not what ssh-keygen reads and writes."""


@dataclass(frozen=True)
class SigningKey:
    """One line of ``allowed_signers``: who, and the Ed25519 public key (its wire form)."""

    principals: str
    blob: bytes  # string "ssh-ed25519", string key (32 bytes)
    namespaces: tuple[str, ...] | None = None  # None: any namespace

    @property
    def fingerprint(self) -> str:
        """``SHA256:...`` as ``ssh-keygen -l`` prints it."""
        return fingerprint(self.blob)


def fingerprint(blob: bytes) -> str:
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return f"SHA256:{digest}"


def parse_allowed_signer(line: str) -> SigningKey:
    """The key in one ``allowed_signers`` line, or ``SshSigError`` saying what is wrong."""
    raw = _WORD.findall(line)
    words = [word.replace('"', "") for word in raw]
    typed = [i for i, word in enumerate(words) if _KNOWN_TYPES.fullmatch(word)]
    if not typed or typed[0] == 0 or typed[0] > 2 or typed[0] + 1 >= len(words):
        raise SshSigError(
            "is not 'principals [options] ssh-ed25519 KEY [comment]', like git's allowed_signers"
        )
    at = typed[0]
    if sum(word.count('"') for word in raw[:at]) % 2:
        raise SshSigError("cannot be read (a quote is not closed)")
    if words[at] != KEY_TYPE:
        raise SshSigError(
            f"is a '{words[at]}' key; only {KEY_TYPE} keys are taken (ssh-keygen -t ed25519)"
        )
    namespaces = None
    if at == 2:
        for option in _split_options(raw[1]):
            name, _, value = option.partition("=")
            if name.lower() == "namespaces":
                namespaces = tuple(part.strip() for part in value.split(",") if part.strip())
            else:
                raise SshSigError(f"has the option '{name}', which sign-offs do not use")
    blob = _decode(words[at + 1], "its key")
    key_type, key = _public_key(blob, "its key")
    if key_type != KEY_TYPE:
        raise SshSigError(f"says {KEY_TYPE} but holds a '{key_type}' key")
    return SigningKey(words[0], _string(KEY_TYPE.encode()) + _string(key), namespaces)


def _split_options(text: str) -> list[str]:
    """``namespaces="a,b",cert-authority`` -> its options (commas in quotes kept)."""
    return [
        part.replace('"', "") for part in re.findall(r'(?:[^,"]|"[^"]*")+', text) if part.strip()
    ]


@dataclass(frozen=True)
class Signature:
    """An SSHSIG blob, read."""

    public_key: bytes  # the signer's key, in wire form
    namespace: str
    hash_algorithm: str
    signature: bytes  # the Ed25519 signature (64 bytes)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.public_key)


def read_signature(text: str) -> Signature:
    """An SSH signature, armored as ``ssh-keygen -Y sign`` writes it, or its base64 on
    one line (how the ledger keeps it)."""
    body = "".join(ARMOR.sub("", text).split())
    blob = _decode(body, "the signature")
    reader = _Reader(blob, "the signature")
    if reader.take(6) != MAGIC:
        raise SshSigError("the signature is not an SSH signature (no SSHSIG preamble)")
    (version,) = struct.unpack(">I", reader.take(4))
    if version != 1:
        raise SshSigError(f"the signature has version {version}; ssh-keygen writes 1")
    public_key = reader.string()
    namespace = reader.string().decode("utf-8", "replace")
    reader.string()  # reserved
    hash_algorithm = reader.string().decode("ascii", "replace")
    wrapped = _Reader(reader.string(), "the signature")
    if reader.rest():
        raise SshSigError("the signature has bytes after its end")
    key_type, _ = _public_key(public_key, "the signature's key")
    sig_type = wrapped.string().decode("ascii", "replace")
    signature = wrapped.string()
    if key_type != KEY_TYPE or sig_type != KEY_TYPE or len(signature) != 64:
        raise SshSigError(f"the signature is made with a '{key_type}' key, not {KEY_TYPE}")
    if hash_algorithm not in HASHES:
        raise SshSigError(f"the signature hashes with '{hash_algorithm}'")
    return Signature(public_key, namespace, hash_algorithm, signature)


def one_line(armored: str) -> str:
    """The signature's base64 on one line (from ``ssh-keygen -Y sign``'s armored text)."""
    return "".join(ARMOR.sub("", armored).split())


class Verdict(StrEnum):
    VALID = "valid"
    OTHER_KEY = "other key"  # a good signature, by a key not in the list
    MISMATCH = "mismatch"  # not a signature of this message (edited since)
    NAMESPACE = "namespace"  # made for another purpose (git, file)


def verify(
    signature: Signature, message: bytes, namespace: str, keys: Sequence[SigningKey]
) -> Verdict:
    """Whether ``signature`` is one of ``keys``' over ``message`` in ``namespace``."""
    if signature.namespace != namespace:
        return Verdict.NAMESPACE
    if not _valid(signature, message):
        return Verdict.MISMATCH
    for key in keys:
        if key.blob == signature.public_key and (
            key.namespaces is None or namespace in key.namespaces
        ):
            return Verdict.VALID
    return Verdict.OTHER_KEY


def signed_data(message: bytes, namespace: str, hash_algorithm: str = "sha512") -> bytes:
    """What an SSH signature signs: the preamble, namespace, hash name and digest."""
    digest = HASHES[hash_algorithm](message).digest()
    return (
        MAGIC
        + _string(namespace.encode())
        + _string(b"")
        + _string(hash_algorithm.encode())
        + _string(digest)
    )


def _valid(signature: Signature, message: bytes) -> bool:
    # Imported here: a site whose reviewers have no keys never loads it.
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    _, key = _public_key(signature.public_key, "the signature's key")
    data = signed_data(message, signature.namespace, signature.hash_algorithm)
    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature.signature, data)
    except InvalidSignature:
        return False
    return True


def _public_key(blob: bytes, what: str) -> tuple[str, bytes]:
    reader = _Reader(blob, what)
    key_type = reader.string().decode("ascii", "replace")
    if key_type != KEY_TYPE:
        return key_type, b""
    key = reader.string()
    if len(key) != 32 or reader.rest():
        raise SshSigError(f"{what} is not an {KEY_TYPE} key")
    return key_type, key


def _decode(text: str, what: str) -> bytes:
    if not BASE64.fullmatch(text):
        raise SshSigError(f"{what} is not base64 text")
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise SshSigError(f"{what} is not base64 text") from None


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


class _Reader:
    def __init__(self, data: bytes, what: str) -> None:
        self.data, self.at, self.what = data, 0, what

    def take(self, count: int) -> bytes:
        if self.at + count > len(self.data):
            raise SshSigError(f"{self.what} is cut short")
        chunk = self.data[self.at : self.at + count]
        self.at += count
        return chunk

    def string(self) -> bytes:
        (length,) = struct.unpack(">I", self.take(4))
        return self.take(length)

    def rest(self) -> bytes:
        return self.data[self.at :]
