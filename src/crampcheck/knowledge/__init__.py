"""The knowledge base: schema-checked data files on conditions, factors, advice, medicines, claims."""
