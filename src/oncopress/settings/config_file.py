"""``mkdocs.yml`` read without MkDocs, as MkDocs reads it: ``!ENV`` takes a value from
the environment, ``!!python/name:`` names an object (a Markdown extension's function),
``!relative`` and other tags give nothing. A file that cannot be read gives one message
naming the file and, where there is one, its line: no YAML traceback.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import yaml

from oncopress.files.conflicts import conflict_message
from oncopress.files.textfile import NotUtf8Error, decode_text
from oncopress.pages.frontmatter import describe_yaml_error

_PYTHON_NAME = "tag:yaml.org,2002:python/name:"


class ConfigFileError(ValueError):
    """mkdocs.yml cannot be read; the message names the file (and line)."""


def read_config_file(data: bytes, name: str, environ: Mapping[str, str]) -> dict[str, Any]:
    """The mapping ``data`` (the text of the file called ``name``) holds; ``environ``
    gives ``!ENV``'s values. Raises ``ConfigFileError``."""
    what = f"Config file '{name}'"
    try:
        text = decode_text(data)
    except NotUtf8Error as error:
        raise ConfigFileError(f"{what} {error}") from None
    conflicted = conflict_message(text, what)
    if conflicted:
        raise ConfigFileError(conflicted)
    try:
        config = yaml.load(text, Loader=_loader(environ))
    except yaml.YAMLError as error:
        raise ConfigFileError(
            f"{what} is not valid YAML ({describe_yaml_error(error, 1, text)})"
        ) from None
    except _NameError as error:
        raise ConfigFileError(f"{what}, line {error.line}: {error}") from None
    if config is None:
        return {}
    if not isinstance(config, dict):
        kind = type(config).__name__
        raise ConfigFileError(f"{what} must be 'key: value' lines (found a {kind})")
    return config


class _NameError(ValueError):
    """``!!python/name:`` names nothing that can be imported."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def _loader(environ: Mapping[str, str]) -> type[yaml.SafeLoader]:
    class Loader(yaml.SafeLoader):
        """SafeLoader with MkDocs' tags: ``!ENV`` from ``environ``, ``!!python/name:``."""

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        # As yaml_env_tag (MkDocs' !ENV): the first variable set, else the last item of a
        # list of several (the default), else None; a value read as YAML reads it.
        default: Any = None
        if isinstance(node, yaml.SequenceNode):
            children = list(node.value)
            if len(children) > 1:
                default = loader.construct_object(children[-1])
                children = children[:-1]
            names = [str(loader.construct_scalar(child)) for child in children]
        elif isinstance(node, yaml.ScalarNode):
            names = [str(loader.construct_scalar(node))]
        else:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "!ENV expects a name or a list of names, not a mapping",
                node.start_mark,
            )
        for variable in names:
            if variable in environ:
                value = environ[variable]
                tag = loader.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
                return loader.construct_object(yaml.ScalarNode(tag, value))
        return default

    def python_name(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
        module, _, attribute = suffix.rpartition(".")
        try:
            return getattr(importlib.import_module(module), attribute)
        except (ImportError, AttributeError, ValueError) as error:
            raise _NameError(
                f"!!python/name:{suffix} names nothing Python can import ({error})",
                node.start_mark.line + 1,
            ) from None

    Loader.add_constructor("!ENV", env)
    Loader.add_multi_constructor(_PYTHON_NAME, python_name)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return Loader
