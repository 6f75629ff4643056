# Cython declarations for tokens.py (read only when compiling; Python ignores this file).
# Evaluator as an extension type: its attributes become fields of a C struct, so the hot
# methods read them without a dictionary lookup. The types stay Python objects.
cdef class Evaluator:
    cdef public object facts, book, context, slots, evidence, mask, true_ids
    cdef public object _bits, _next_bit, _negative, _not_asked
