# Cython declarations for engine.py (read only when compiling; Python ignores this file).
# _Assessor as an extension type: its attributes become fields of a C struct, read by the
# hot methods without a dictionary lookup. The types stay Python objects, except the two
# extension types, whose own fields are then read directly too.
from crampcheck.assessment.tokens cimport Evaluator
from crampcheck.assessment.wording cimport SharedWords

cdef class _Assessor:
    cdef public object knowledge, book, _, translator, medicines, facts
    cdef public Evaluator evaluator
    cdef public SharedWords shared
    cdef public object labels, notes, cited, whys
