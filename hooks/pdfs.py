"""MkDocs hook: pdfs (adapter over the oncopress core)."""
