"""The sign-off ledger: fingerprints of what reviewers approve, the ledger file, the trust in
each stamp.
"""
