"""The knowledge base: claims, medications and the bibliography, read from YAML under data/."""
