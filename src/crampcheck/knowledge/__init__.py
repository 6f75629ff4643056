"""The knowledge base: schema-checked data on conditions, factors, advice, medicines, claims."""
