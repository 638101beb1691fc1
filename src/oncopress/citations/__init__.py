"""Citations: the bibliography file, its fields, house-style references, their language, the
render cache; and ``[@key]`` as footnotes without MkDocs (``footnote_markdown``, ``library``,
and the Python-Markdown extension ``markdown_ext``).
"""
