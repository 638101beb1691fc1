"""Search: per-language indexes and the section cache."""
