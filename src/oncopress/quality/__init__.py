"""Plain language: readability scores, their cache and the quality gates."""
