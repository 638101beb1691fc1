"""Signed sign-offs: a reviewer with a public SSH key in ``reviewers.yml``
(``signing_keys:``) signs each ledger entry that names them, as git signs commits
(``ssh-keygen -Y sign``, namespace ``oncopress-signoff``).

The signature covers ``oncopress.ledger.ledgerfile.signed_message``: the page's path,
its fingerprint, the date, the reviewers, the original's revision for a translation,
and the change notes. ``signature_problems`` is what the build checks: an entry naming a
reviewer with a key must carry that reviewer's valid signature, or the page counts as
never signed off (a warning ``./tasks build`` refuses). Reviewers without a key sign
off as before. ``sign_entries`` is what ``./tasks sign-off --key`` adds to the entries
it writes; the signing itself (``Signer``) is ``ssh-keygen``'s, given by the command.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from oncopress.checks.review import ReviewerRegistry
from oncopress.ledger.ledgerfile import Ledger, SignOff, signed_message
from oncopress.ledger.sshsig import SshSigError, Verdict, one_line, read_signature, verify
from oncopress.system import tasks_command

NAMESPACE = "oncopress-signoff"

# Signs a message with one key: the signature as ``ssh-keygen -Y sign`` writes it.
Signer = Callable[[bytes], str]


class SigningError(ValueError):
    """A signature could not be made, or the keys given sign for none of the reviewers."""


def keyed_reviewers(entry: SignOff, registry: ReviewerRegistry) -> list[str]:
    """The reviewers the entry names who have a signing key, in its order."""
    named = dict.fromkeys(entry.reviewers + entry.translation_reviewers)
    return [
        reviewer
        for reviewer in named
        if reviewer in registry.reviewers and registry.get(reviewer).signing_keys
    ]


def check_signature(entry: SignOff, reviewer: str, registry: ReviewerRegistry) -> str | None:
    """What is wrong with ``reviewer``'s signature on ``entry`` (None: it is valid)."""
    signature = entry.signature_of(reviewer)
    if signature is None:
        return (
            f"its sign-off has no signature of '{reviewer}', whose signing key is in "
            f"{registry.source}: it was written without their key, or by hand"
        )
    try:
        read = read_signature(signature)
    except SshSigError as error:
        return f"its sign-off carries a signature of '{reviewer}' that cannot be read ({error})"
    verdict = verify(read, signed_message(entry), NAMESPACE, registry.get(reviewer).signing_keys)
    if verdict is Verdict.VALID:
        return None
    if verdict is Verdict.NAMESPACE:
        return (
            f"its sign-off carries a signature of '{reviewer}' made for '{read.namespace}', "
            f"not for sign-offs ('{NAMESPACE}')"
        )
    if verdict is Verdict.OTHER_KEY:
        return (
            f"its sign-off is signed for '{reviewer}' with a key that is not theirs in "
            f"{registry.source} ({read.fingerprint})"
        )
    return (
        f"its sign-off does not match the signature of '{reviewer}': the entry was changed "
        "after it was signed (by hand, or by something other than ./tasks sign-off)"
    )


def signature_problems(ledger: Ledger, registry: ReviewerRegistry) -> dict[str, str]:
    """For each entry a reviewer's signature is missing from or does not verify, the
    message: the page's sign-off cannot be trusted."""
    found = {}
    for path, entry in sorted(ledger.entries.items()):
        for reviewer in keyed_reviewers(entry, registry):
            problem = check_signature(entry, reviewer, registry)
            if problem:
                found[path] = (
                    f"{problem} (line {entry.line} of {ledger.source}); once '{reviewer}' has "
                    f"approved this text, sign it off again: {resign_command(entry)}"
                )
                break
    return found


def resign_command(entry: SignOff, key: str = "THEIR_KEY") -> str:
    command = f"{tasks_command('sign-off')} {entry.path} --by {','.join(entry.reviewers)}"
    if entry.translation_reviewers:
        command += f" --translation-by {','.join(entry.translation_reviewers)}"
    return command + f" --key {key}"


@dataclasses.dataclass(frozen=True)
class Signed:
    """The entries with their signatures, and who has yet to sign which page."""

    entries: dict[str, SignOff]
    waiting: list[str]


def sign_entries(
    entries: Mapping[str, SignOff],
    previous: Ledger,
    registry: ReviewerRegistry,
    signers: Mapping[str, Signer],
) -> Signed:
    """``entries`` (the sign-offs being written) signed with each key of ``signers``
    (by the name the editor gave it) for the reviewers it belongs to. A reviewer's valid
    signature on the previous entry is kept when the entry is the same (another
    reviewer adding theirs: the same command, with the same ``--date``). Raises
    ``SigningError`` when a key signs for none of the reviewers named, or when no key
    is given and a reviewer with a key must sign."""
    signed: dict[str, SignOff] = {}
    used: dict[str, set[str]] = {name: set() for name in signers}
    fingerprints: dict[str, str] = {}
    for path, entry in entries.items():
        keyed = keyed_reviewers(entry, registry)
        signatures = dict(_kept(entry, previous.get(path), keyed, registry))
        message = signed_message(entry)
        for name, signer in signers.items():
            signature = one_line(signer(message))
            try:
                read = read_signature(signature)
            except SshSigError as error:
                raise SigningError(f"--key {name}: {error}") from None
            fingerprints[name] = read.fingerprint
            for reviewer in keyed:
                keys = registry.get(reviewer).signing_keys
                if verify(read, message, NAMESPACE, keys) is Verdict.VALID:
                    signatures[reviewer] = signature
                    used[name].add(reviewer)
        signed[path] = dataclasses.replace(entry, signatures=tuple(sorted(signatures.items())))
    unused = [name for name, reviewers in used.items() if not reviewers and entries]
    if unused:
        keyed_names = sorted({r for e in entries.values() for r in keyed_reviewers(e, registry)})
        raise SigningError(
            "\n".join(
                f"--key {name}: its key ({fingerprints.get(name, '?')}) is not the signing key "
                f"in {registry.source} of any reviewer these sign-offs name (reviewers with a "
                f"key: {', '.join(keyed_names) or 'none'})"
                for name in unused
            )
        )
    waiting = [
        f"'{path}' waits for the signature of '{reviewer}' (their signing key is in "
        f"{registry.source}); until then it is not signed off. They run: "
        f"{resign_command(entry)} --date {entry.revised.isoformat()}"
        for path, entry in signed.items()
        for reviewer in keyed_reviewers(entry, registry)
        if entry.signature_of(reviewer) is None
    ]
    if waiting and not signers:
        raise SigningError(
            "\n".join(
                f"'{path}' names '{reviewer}', whose signing key is in {registry.source}: "
                "sign with --key (their private key, or its .pub with the key in ssh-agent)"
                for path, entry in signed.items()
                for reviewer in keyed_reviewers(entry, registry)
                if entry.signature_of(reviewer) is None
            )
        )
    return Signed(signed, waiting)


def _kept(
    entry: SignOff, before: SignOff | None, keyed: Sequence[str], registry: ReviewerRegistry
) -> list[tuple[str, str]]:
    """The previous entry's valid signatures, when the entry signed is the same."""
    if before is None or signed_message(before) != signed_message(entry):
        return []
    return [
        (reviewer, signature)
        for reviewer, signature in before.signatures
        if reviewer in keyed and check_signature(before, reviewer, registry) is None
    ]
