"""MkDocs hook: in ``mkdocs build``, Python's garbage collector leaves alone what
lives until the build ends.

Python's full collections walk every object the program holds: here also the
modules, the configuration, the bibliography, the sign-off ledger and the pages
already built, which all live until the process ends. At 500 + 500 pages a build's
full collections took 0.17 s, against 0.05 s for plain Material + i18n on the same
Markdown; with this hook, 0.05 to 0.08 s (the hooks' site, same machine).

- ``on_startup``: only a one-shot build (``mkdocs build``, ``gh-deploy``, which is
  what ``./tasks build`` runs). The preview (``serve``) runs builds and single-page
  rebuilds in one long-lived process, whose garbage must stay collectable, so it
  leaves the collector as it is;
- ``on_config`` and ``on_pre_build`` (each language pass, before the other plugins):
  ``gc.freeze()`` sets what exists now aside from the collector, for the rest of the
  process. The process ends with the build, so nothing is ever handed back.
"""

from __future__ import annotations

import gc

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

ONE_SHOT_COMMANDS = ("build", "gh-deploy")
_one_shot = False


def on_startup(command: str, dirty: bool) -> None:
    global _one_shot
    _one_shot = command in ONE_SHOT_COMMANDS


@event_priority(100)  # before the other plugins and hooks load their data
def on_config(config: MkDocsConfig) -> None:
    if _one_shot:
        gc.freeze()


@event_priority(100)  # after they loaded it, before the pages
def on_pre_build(config: MkDocsConfig) -> None:
    if _one_shot:
        gc.freeze()
