"""PDF handouts and booklets: what goes into each (plan, names, handout, booklet,
listing), how they are rendered (engine, fetch, render, cache) and the settings."""
