"""Every setting the project reads from ``mkdocs.yml``'s ``extra:``, declared once.

``schema`` declares each section as a frozen dataclass (its fields' types and defaults,
and what a wrong value must be); ``reader`` walks a section by that declaration and
reports a wrong value with its key path (``mkdocs.yml: extra.limits.page_bytes must
be ...``).
"""
