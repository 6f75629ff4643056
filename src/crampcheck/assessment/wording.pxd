# Cython declarations for wording.py (read only when compiling; Python ignores this file).
# SharedWords as an extension type: its attributes become fields of a C struct, read by the
# engine without a dictionary lookup. The types stay Python objects.
cdef class SharedWords:
    cdef public object labels, translator, advice, concerns, factors, systems, not_asked
    cdef public object medications, whys, citations, general_why, urgency, disclaimer_json
    cdef public object safety_net, concern_safety_net, system_ids, safety_net_sources
    cdef public object _source_bits, language_json_end, advice_not_now
