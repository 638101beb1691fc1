"""Files the tools write and read: atomic writes, locks, caches, UTF-8 text, merge conflicts,
the output folder.
"""
