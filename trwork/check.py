import re, sys
from collections import Counter
from babel.messages.pofile import read_po
cat = read_po(open('src/crampcheck/i18n/locales/sv.po','rb'))
pot = read_po(open('src/crampcheck/i18n/locales/crampcheck.pot','rb'))
PH = re.compile(r'\{[^{}]*\}|%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdifr%]')
TAG = re.compile(r'</?[a-zA-Z][^>]*>|&[a-z]+;')
TICK = re.compile(r'`[^`]+`')
OPT = re.compile(r'(?<![\w-])--[a-z][a-z-]*')
SNAKE = re.compile(r"'[a-z]+(?:_[a-z]+)+'")
NUM = re.compile(r'\d+')
problems = 0; n = 0; untrans = 0; fuzzy = 0
potids = {m.id for m in pot if m.id}
ids = {m.id for m in cat if m.id}
print('pot entries', len(potids), 'po entries', len(ids), 'missing', len(potids - ids), 'extra', len(ids - potids))
def lead_trail(s): return (re.match(r'\s*', s).group(), re.search(r'\s*$', s).group(), s.count('\n'))
for m in cat:
    if not m.id: continue
    n += 1
    if m.fuzzy: fuzzy += 1
    srcs = m.id if isinstance(m.id, tuple) else (m.id,)
    tgts = m.string if isinstance(m.string, tuple) else (m.string,)
    if any(not t for t in tgts): untrans += 1; print('UNTRANSLATED', srcs[0]); continue
    for i, t in enumerate(tgts):
        s = srcs[min(i, len(srcs)-1)]
        for name, rx in (('placeholder', PH), ('markup', TAG), ('backtick', TICK), ('option', OPT), ('snake', SNAKE)):
            a, b = Counter(rx.findall(s)), Counter(rx.findall(t))
            if a != b:
                problems += 1; print(f'{name} mismatch:', repr(s), '=>', repr(t), dict(a), dict(b))
        if lead_trail(s) != lead_trail(t):
            problems += 1; print('whitespace mismatch:', repr(s), repr(t))
        if ('  ' in s) != ('  ' in t) or s.count('  ') != t.count('  '):
            problems += 1; print('double-space mismatch:', repr(s), repr(t))
        # digits present in source but missing in target (warn only)
        miss = Counter(NUM.findall(re.sub(PH, '', s))) - Counter(NUM.findall(re.sub(PH, '', t)))
        if miss: print('WARN numbers differ:', dict(miss), '|', s, '=>', t)
    pf = set(pot[m.id].flags) if pot.get(m.id) else set()
    if pf - set(m.flags): problems += 1; print('flag lost', m.id, pf - set(m.flags))
print(f'entries={n} untranslated={untrans} fuzzy={fuzzy} problems={problems}')
print('Plural-Forms:', cat.plural_forms, 'Language:', cat.locale, 'charset:', cat.charset)
