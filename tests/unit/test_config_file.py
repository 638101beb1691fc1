"""mkdocs.yml read without MkDocs (oncopress.settings.config_file and .platform): MkDocs'
tags and defaults, and exact messages for a file or a value that cannot be used."""

import os.path
from pathlib import Path

import pytest
import yaml

from oncopress.settings.config_file import ConfigFileError, read_config_file
from oncopress.settings.platform import (
    BUILTIN_EXTENSIONS,
    Bibliography,
    PlatformConfigError,
    read_platform_config,
)

ROOT = Path(__file__).resolve().parents[2]


def read(text: str, environ: dict[str, str] | None = None) -> dict[str, object]:
    return read_config_file(text.encode("utf-8"), "mkdocs.yml", environ or {})


def test_tags_as_mkdocs_reads_them() -> None:
    config = read(
        "a: !ENV [UNSET, SITE_URL, https://fallback.org/]\n"
        "b: !ENV UNSET\n"
        "c: !ENV [UNSET, 3]\n"
        "d: !ENV FLAG\n"
        "e: !!python/name:os.path.join\n"
        "f: !relative $config_dir\n",
        {"SITE_URL": "https://real.org/", "FLAG": "true"},
    )
    assert config == {
        "a": "https://real.org/",
        "b": None,
        "c": 3,
        "d": True,
        "e": os.path.join,
        "f": None,
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"site_name: [broken\n",
            "Config file 'mkdocs.yml' is not valid YAML (line 1, column 12: expected ',' or "
            "']', but got '<stream end>')",
        ),
        (
            b"site_name: Site\nnav:\n\t- index.md\n",
            "Config file 'mkdocs.yml' is not valid YAML (line 3, column 1: found character "
            "'\\t' that cannot start any token: indent with spaces, not tabs)",
        ),
        (
            "site_name: Información\n".encode("latin-1"),
            "Config file 'mkdocs.yml' is not UTF-8 text (line 1: invalid continuation byte); "
            "save it as UTF-8",
        ),
        (
            b"site_name: A\n<<<<<<< HEAD\ndocs_dir: a\n=======\ndocs_dir: b\n>>>>>>> main\n",
            "Config file 'mkdocs.yml' has merge-conflict markers (line 2: '<<<<<<< HEAD'): "
            "keep one side and remove the markers",
        ),
        (b"- docs\n", "Config file 'mkdocs.yml' must be 'key: value' lines (found a list)"),
        (
            b"site_name: A\nx: !!python/name:no_such_module.fence\n",
            "Config file 'mkdocs.yml', line 2: !!python/name:no_such_module.fence names nothing "
            "Python can import (No module named 'no_such_module')",
        ),
    ],
)
def test_a_file_that_cannot_be_read(data: bytes, message: str) -> None:
    with pytest.raises(ConfigFileError) as error:
        read_config_file(data, "mkdocs.yml", {})
    assert str(error.value) == message


def test_an_empty_file_is_mkdocs_defaults(tmp_path: Path) -> None:
    platform = read_platform_config(read(""), tmp_path)
    assert (platform.docs_dir, platform.theme_dir, platform.site_url) == (
        tmp_path / "docs",
        None,
        "",
    )
    assert (platform.languages, platform.bibliography, platform.locales) == (None, None, ["en"])
    assert platform.extensions == BUILTIN_EXTENSIONS


def test_the_project_s_mkdocs_yml() -> None:
    """The same values as a plain YAML reading of the file (it has no tags)."""
    config = read_config_file((ROOT / "mkdocs.yml").read_bytes(), "mkdocs.yml", {})
    plain = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    [i18n] = [p["i18n"] for p in plain["plugins"] if isinstance(p, dict) and "i18n" in p]
    [bibtex] = [p["bibtex"] for p in plain["plugins"] if isinstance(p, dict) and "bibtex" in p]
    platform = read_platform_config(config, ROOT)
    assert (platform.docs_dir, platform.theme_dir) == (
        ROOT / plain["docs_dir"],
        ROOT / plain["theme"]["custom_dir"],
    )
    assert platform.locales == [language["locale"] for language in i18n["languages"]]
    assert platform.default_locale == "en"
    assert platform.fallback_to_default is False
    assert platform.bibliography == Bibliography(bib_file=bibtex["bib_file"])
    assert platform.extensions[:3] == BUILTIN_EXTENSIONS
    assert platform.extra == plain["extra"]
    assert platform.site_names()["es"] == i18n["languages"][1]["site_name"]


def test_site_url_ends_with_a_slash_and_a_language_may_have_its_own(tmp_path: Path) -> None:
    config = read(
        "site_url: https://a.org/info\nplugins:\n  - i18n:\n      languages:\n"
        "        - {locale: en, default: true}\n"
        "        - {locale: es, site_url: https://b.org/}\n"
    )
    platform = read_platform_config(config, tmp_path)
    assert platform.site_url == "https://a.org/info/"
    assert platform.language_site_url("es") == "https://b.org/"
    assert platform.language_site_url("en") == "https://a.org/info/"
    assert platform.fallback_to_default is True  # mkdocs-static-i18n's default


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("docs_dir: 3\n", "mkdocs.yml: docs_dir must be text (found 3)"),
        ("plugins: search\n", "mkdocs.yml: plugins must be a list (found 'search')"),
        (
            "plugins:\n  - [search]\n",
            "mkdocs.yml: plugins: each item must be a plugin's name or 'name: options' "
            "(found ['search'])",
        ),
        (
            "plugins:\n  - i18n:\n      fallback_to_default: no way\n",
            "mkdocs.yml: plugins.i18n.fallback_to_default must be true or false (found 'no way')",
        ),
        (
            "plugins:\n  - i18n:\n      languages:\n        - {name: English}\n",
            "mkdocs.yml: plugins.i18n.languages[0] has no 'locale'",
        ),
        (
            "markdown_extensions:\n  - toc: true\n",
            "mkdocs.yml: markdown_extensions.toc must be 'key: value' lines (found True)",
        ),
        ("extra: [a]\n", "mkdocs.yml: extra must be 'key: value' lines (found ['a'])"),
        ("extra_css: [3]\n", "mkdocs.yml: extra_css: each item must be a path (found 3)"),
    ],
)
def test_a_value_of_the_wrong_kind(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(PlatformConfigError) as error:
        read_platform_config(read(text), tmp_path)
    assert str(error.value) == message
