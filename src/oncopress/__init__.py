"""Pure, typed core of the site's publishing rules.

Nothing in this package imports MkDocs: the thin adapters in ``hooks/*.py`` pull
plain values out of MkDocs objects, call these functions, and turn the results
into Markdown/HTML, log lines or ``PluginError``.
"""
