"""SSH signatures as ssh-keygen -Y sign makes them, read and verified without ssh-keygen:
exact messages for keys that are not allowed_signers lines, and the verdicts."""

from __future__ import annotations

import base64
import struct
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from oncopress.ledger.sshsig import (
    MAGIC,
    SshSigError,
    Verdict,
    parse_allowed_signer,
    read_signature,
    signed_data,
    verify,
)

NAMESPACE = "oncopress-signoff"


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def sign(private: Ed25519PrivateKey, message: bytes, namespace: str = NAMESPACE) -> str:
    """An SSHSIG signature made with cryptography, as ssh-keygen -Y sign makes it."""
    raw = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    public = _string(b"ssh-ed25519") + _string(raw)
    signature = private.sign(signed_data(message, namespace))
    blob = (
        MAGIC + struct.pack(">I", 1) + _string(public) + _string(namespace.encode())
        + _string(b"") + _string(b"sha512")
        + _string(_string(b"ssh-ed25519") + _string(signature))
    )  # fmt: skip
    return base64.b64encode(blob).decode()


def allowed(private: Ed25519PrivateKey, options: str = "") -> str:
    key = private.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH).decode()
    return f"ana@example.org {options}{key} ana's laptop"


def test_a_signature_made_here_is_the_one_ssh_keygen_makes(tmp_path: Path) -> None:
    """Ed25519 signatures are deterministic: ssh-keygen's, for the same key and message,
    are byte for byte ours, and each verifies the other's."""
    private = Ed25519PrivateKey.generate()
    key = tmp_path / "key"
    key.write_bytes(private.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption()))
    key.chmod(0o600)
    message = tmp_path / "message"
    message.write_bytes(b'{"page":"docs/care.md"}')
    subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-q", "-n", NAMESPACE, "-f", str(key), str(message)],
        check=True,
        capture_output=True,
    )
    armored = (tmp_path / "message.sig").read_text()
    ours = sign(private, message.read_bytes())
    assert "".join(armored.splitlines()[1:-1]) == ours
    read = read_signature(armored)
    assert verify(read, message.read_bytes(), NAMESPACE, [parse_allowed_signer(allowed(private))])
    assert read.namespace == NAMESPACE and read.hash_algorithm == "sha512"


def test_the_verdicts() -> None:
    private, other = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    keys = [parse_allowed_signer(allowed(private))]
    message = b"entry"
    assert verify(read_signature(sign(private, message)), message, NAMESPACE, keys) is (
        Verdict.VALID
    )
    assert verify(read_signature(sign(private, message)), b"edited", NAMESPACE, keys) is (
        Verdict.MISMATCH
    )
    assert verify(read_signature(sign(other, message)), message, NAMESPACE, keys) is (
        Verdict.OTHER_KEY
    )
    assert verify(read_signature(sign(private, message, "git")), message, NAMESPACE, keys) is (
        Verdict.NAMESPACE
    )
    only_git = [parse_allowed_signer(allowed(private, 'namespaces="git,file" '))]
    assert verify(read_signature(sign(private, message)), message, NAMESPACE, only_git) is (
        Verdict.OTHER_KEY
    )
    ours = [parse_allowed_signer(allowed(private, f'namespaces="git,{NAMESPACE}" '))]
    assert verify(read_signature(sign(private, message)), message, NAMESPACE, ours) is (
        Verdict.VALID
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "ana@example.org ssh-rsa AAAAB3NzaC1yc2E",
            "is a 'ssh-rsa' key; only ssh-ed25519 keys are taken (ssh-keygen -t ed25519)",
        ),
        (
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5",
            "is not 'principals [options] ssh-ed25519 KEY [comment]', like git's allowed_signers",
        ),
        ("ana@example.org ssh-ed25519 !!", "its key is not base64 text"),
        ("ana@example.org ssh-ed25519 AAAA", "its key is cut short"),
        (
            "ana@example.org cert-authority ssh-ed25519 AAAA",
            "has the option 'cert-authority', which sign-offs do not use",
        ),
        (
            'ana@example.org namespaces="git ssh-ed25519 AAAA',
            "is not 'principals [options] ssh-ed25519 KEY [comment]', like git's allowed_signers",
        ),
    ],
)
def test_a_key_line_that_is_not_an_allowed_signers_line(line: str, message: str) -> None:
    with pytest.raises(SshSigError) as raised:
        parse_allowed_signer(line)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bm90IGEgc2lnbmF0dXJl", "the signature is not an SSH signature (no SSHSIG preamble)"),
        ("%%%", "the signature is not base64 text"),
        (base64.b64encode(MAGIC).decode(), "the signature is cut short"),
    ],
)
def test_a_signature_that_cannot_be_read(text: str, message: str) -> None:
    with pytest.raises(SshSigError) as raised:
        read_signature(text)
    assert str(raised.value) == message
