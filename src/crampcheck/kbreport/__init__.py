"""Reports over the whole knowledge base, medications and claims included: its coverage
(`crampcheck kb check`) and the generated reference (docs/knowledge-base.md)."""
