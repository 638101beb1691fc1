"""MkDocs hook: bibliography (adapter over the oncopress core)."""
