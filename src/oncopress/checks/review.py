"""Reviewers: the registry (``reviewers.yml``) and the check that every medical
page names known reviewers.

A page is medical unless its front matter says ``medical: false``. It names its
reviewers by id in ``reviewed_by:``; a translated page may also name the
reviewers of its translation in ``translation_reviewed_by:``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import yaml

from oncopress.files.conflicts import conflict_message
from oncopress.files.textfile import NotUtf8Error, decode_text
from oncopress.ledger.sshsig import SigningKey, SshSigError, parse_allowed_signer
from oncopress.pages.frontmatter import describe_yaml_error
from oncopress.problems import ContentError

REVIEW_FIELDS = ("reviewed_by", "translation_reviewed_by")
TEXT_FIELDS = ("name", "credentials")
REVIEWER_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class RegistryError(ValueError):
    """The reviewer registry is missing or malformed (a setup problem)."""


class ReviewError(ContentError):
    """A page's review fields are malformed."""


@dataclass(frozen=True)
class Reviewer:
    """One reviewer (a person or a team), with its name and credentials per locale."""

    id: str
    name: Mapping[str, str]
    credentials: Mapping[str, str]
    # The word before the name in a sentence, per locale ("the" / "el" for a team; none
    # for a person): "Reviewed by the Medical Team", "Reviewed by Dr. Ana Ruiz".
    article: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # A stand-in of a sample site (``sample: true``), not a real reviewer: a publishing
    # build refuses it unless the sample site's opt-in is on.
    sample: bool = False
    # Public SSH keys (``signing_keys:``, lines of git's allowed_signers): the ledger's
    # entries naming this reviewer must carry their signature (oncopress.ledger.signatures).
    signing_keys: tuple[SigningKey, ...] = ()


@dataclass(frozen=True)
class ReviewerRegistry:
    """Every known reviewer by id; ``source`` is the file they came from."""

    source: str
    reviewers: Mapping[str, Reviewer]

    def get(self, reviewer_id: str) -> Reviewer:
        return self.reviewers[reviewer_id]

    def known(self) -> str:
        return ", ".join(sorted(self.reviewers)) or "none"


def registry_not_found(source: str, locales: Sequence[str]) -> str:
    """The setup message for a missing registry file."""
    return (
        f"Reviewer registry '{source}' not found next to mkdocs.yml: create it with each "
        f"reviewer id's 'name' and 'credentials' in {', '.join(locales)}, or set "
        "extra.editorial.reviewers in mkdocs.yml to its file name"
    )


def load_reviewers(text: str | bytes, source: str, locales: Sequence[str]) -> ReviewerRegistry:
    """Parse and check a reviewer registry (its text, or the file's bytes): every id
    has a name and credentials in every locale. Raises ``RegistryError`` listing
    every problem."""
    where = f"Reviewer registry '{source}'"
    try:
        text = decode_text(text) if isinstance(text, bytes) else text
        conflicted = conflict_message(text, where)
        if conflicted:
            raise RegistryError(conflicted)
        data = yaml.safe_load(text)
    except NotUtf8Error as error:
        raise RegistryError(f"{where} {error}") from None
    except yaml.YAMLError as error:
        reason = describe_yaml_error(error, text=str(text))
        raise RegistryError(f"{where} is not valid YAML ({reason})") from None
    if not isinstance(data, dict) or not data:
        raise RegistryError(
            f"{where} must map reviewer ids to their 'name' and 'credentials' in "
            f"{', '.join(locales)}, like:\ncontent-team:\n  name:\n    en: ...\n  credentials:\n"
            "    en: ..."
        )
    problems: list[str] = []
    reviewers: dict[str, Reviewer] = {}
    for key, entry in data.items():
        found = _check_entry(key, entry, locales)
        problems.extend(found)
        if not found:
            article = {
                locale: str(word).strip() for locale, word in entry.get("article", {}).items()
            }
            sample = entry.get("sample", False)
            keys = tuple(parse_allowed_signer(line) for line in _key_lines(entry) or ())
            reviewers[key] = Reviewer(
                key, entry["name"], entry["credentials"], article, sample, keys
            )
    if problems:
        noun = "problem" if len(problems) == 1 else "problems"
        listed = "\n".join(f"  {p}" for p in problems)
        raise RegistryError(f"{where} has {len(problems)} {noun}:\n{listed}")
    return ReviewerRegistry(source, reviewers)


def _check_entry(key: object, entry: object, locales: Sequence[str]) -> list[str]:
    if not isinstance(key, str) or not REVIEWER_ID.fullmatch(key):
        return [f"reviewer id {key!r} must be lowercase letters, digits and hyphens"]
    if not isinstance(entry, dict):
        return [f"reviewer '{key}' must have 'name' and 'credentials'"]
    problems = []
    for name in TEXT_FIELDS:
        texts = entry.get(name)
        for locale in locales:
            value = texts.get(locale) if isinstance(texts, dict) else None
            if not isinstance(value, str) or not value.strip():
                problems.append(f"reviewer '{key}' has no '{name}' in '{locale}'")
    article = entry.get("article", {})
    if (
        not isinstance(article, dict)
        or not all(isinstance(word, str) and word in locales for word in article)
        or not all(isinstance(word, str) for word in article.values())
    ):
        problems.append(
            f"reviewer '{key}' has an 'article' that is not a word per language "
            f"({', '.join(locales)}), like article: {{en: the, es: el}}"
        )
    if not isinstance(entry.get("sample", False), bool):
        problems.append(f"reviewer '{key}' has a 'sample' that is not true or false")
    lines = _key_lines(entry)
    if lines is None:
        problems.append(
            f"reviewer '{key}' has 'signing_keys' that are not a list of public keys, like "
            'signing_keys: ["ana@example.org ssh-ed25519 AAAAC3Nza..."]'
        )
    for number, line in enumerate(lines or (), 1):
        try:
            parse_allowed_signer(line)
        except SshSigError as error:
            problems.append(f"reviewer '{key}': signing key {number} {error}")
    return problems


def _key_lines(entry: Mapping[str, object]) -> list[str] | None:
    """The reviewer's ``signing_keys`` (one line alone counts as a list), or None when
    they are not text."""
    value = entry.get("signing_keys", [])
    lines = [value] if isinstance(value, str) else value
    if not isinstance(lines, list) or not all(isinstance(line, str) for line in lines):
        return None
    return lines


def sample_reviewer_problems(registry: ReviewerRegistry, allowed: bool) -> list[str]:
    """A message for each sample reviewer (``sample: true``) of ``registry``, unless the
    sample site's opt-in is on (``allowed``)."""
    if allowed:
        return []
    return [
        f"{registry.source}: reviewer '{reviewer.id}' is a sample (sample: true), not a real "
        "reviewer; name the real reviewers and sign the pages off with them before "
        "publishing (a sample site may add 'allow_placeholder_site_url: true' under extra:)"
        for reviewer in sorted(registry.reviewers.values(), key=lambda item: item.id)
        if reviewer.sample
    ]


def reviewer_ids(value: object, field: str) -> list[str]:
    """The ids in a review field: a list of ids (or one id written alone)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return list(value)
    raise ReviewError(
        f"'{field}' must be a list of reviewer ids, like [content-team] (found {value!r})"
    )


def is_medical(meta: Mapping[str, object]) -> bool:
    """Pages are medical unless front matter says ``medical: false``."""
    value = meta.get("medical", True)
    if not isinstance(value, bool):
        raise ReviewError(f"'medical' must be true or false (found {value!r})")
    return value


def missing_review(meta: Mapping[str, object], registry: ReviewerRegistry) -> list[str]:
    """Every review problem of one page's front matter, as messages (empty when fine)."""
    problems: list[str] = []
    try:
        medical = is_medical(meta)
    except ReviewError as error:
        problems.append(str(error))
        medical = True
    for field in REVIEW_FIELDS:
        try:
            ids = reviewer_ids(meta.get(field), field)
        except ReviewError as error:
            problems.append(str(error))
            continue
        if field == "reviewed_by" and medical and not ids:
            problems.append(
                "medical page has no 'reviewed_by' in front matter (name reviewer ids "
                f"from {registry.source}, or set 'medical: false')"
            )
        problems.extend(
            f"unknown reviewer id '{reviewer}' in '{field}' "
            f"(ids in {registry.source}: {registry.known()})"
            for reviewer in ids
            if reviewer not in registry.reviewers
        )
    return problems
