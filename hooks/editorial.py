"""MkDocs hook: editorial (adapter over the oncopress core)."""
