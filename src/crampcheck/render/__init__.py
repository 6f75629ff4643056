"""Renderers: turn an `Assessment` into text (and later HTML/PDF). They never decide content."""
