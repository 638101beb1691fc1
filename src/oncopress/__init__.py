"""Pure, typed core of the site's publishing rules, installed with the project
(``./tasks setup``, editable: ``src/oncopress/``).

Nothing in the core imports MkDocs: the build's steps (``oncopress.cli.step_*``, run by
the ``oncopress`` MkDocs plugin, ``oncopress.cli.plugin``) pull plain values out of
MkDocs objects, call these functions, and turn the results into Markdown/HTML, log lines
or ``PluginError``. ``oncopress.cli`` (the plugin and the commands behind ``tools/``: they
print, exit and drive MkDocs) is the one exception; the core never imports it.
Subpackages by concern: ``files``, ``pages``, ``ledger``, ``citations``, ``checks``,
``quality``, ``i18n``, ``search``, ``report``, ``preview``, ``pdf``.
"""
