"""Languages: translation integrity and the label table of every visible string."""
