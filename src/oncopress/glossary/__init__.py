"""The glossary: definitions of medical words where pages use them."""
