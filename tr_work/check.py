import re, sys
from babel.messages.pofile import read_po
po = read_po(open('src/crampcheck/i18n/locales/ru.po','rb'))
pot = read_po(open('src/crampcheck/i18n/locales/crampcheck.pot','rb'))
print('header Plural-Forms:', po.plural_forms, '| Language:', po.locale, '| charset:', po.charset)
ph = re.compile(r'\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdif%]')
tag = re.compile(r'</?[a-zA-Z][^>]*>|&[a-z]+;')
bad=0; n=0; plur=0; fuzzy=0; empty=0
for m in pot:
    if not m.id: continue
    n+=1
    t = po.get(m.id)
    if t is None: print('MISSING', m.id); bad+=1; continue
    if 'fuzzy' in t.flags: fuzzy+=1
    norm=lambda f: {x.replace('no-python-format','python-format') for x in f}-{'fuzzy'}
    if norm(m.flags) != norm(t.flags): print('FLAGS', m.id, m.flags, t.flags); bad+=1
    if isinstance(m.id, tuple):
        plur+=1
        if not isinstance(t.string, tuple) or len(t.string)!=3 or not all(t.string): print('PLURAL', m.id); bad+=1; continue
        srcs=[m.id[0], m.id[1], m.id[1]]; strs=list(t.string)
    else:
        srcs=[m.id]; strs=[t.string]
    for s,x in zip(srcs,strs):
        if not x: empty+=1; print('EMPTY', s); continue
        if sorted(ph.findall(s)) != sorted(ph.findall(x)):
            # plural: singular form may reuse args; compare sets then
            if set(ph.findall(s)) != set(ph.findall(x)):
                print('PLACEHOLDER', repr(s), '\n   ', repr(x)); bad+=1
        if sorted(tag.findall(s)) != sorted(tag.findall(x)): print('MARKUP', s); bad+=1
        lead=lambda z: re.match(r'^\s*',z).group(0); trail=lambda z: re.search(r'\s*$',z).group(0)
        if lead(s)!=lead(x) or trail(s)!=trail(x): print('WHITESPACE', repr(s)); bad+=1
        if s.count('`')!=x.count('`'): print('BACKTICK', s); bad+=1
print(f'entries {n}, translated {len([1 for m in po if m.id and m.string])}, plural entries {plur}, fuzzy {fuzzy}, empty {empty}, problems {bad}')
