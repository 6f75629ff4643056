"""The knowledge base: schema-checked data files and the models that describe them."""
