"""Citations: the bibliography file, its fields, house-style references, their language, the
render cache.
"""
