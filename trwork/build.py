import glob, sys
from babel.messages.pofile import read_po, write_po
from babel.messages.catalog import Catalog
with open('src/crampcheck/i18n/locales/crampcheck.pot','rb') as f:
    pot = read_po(f)
msgs=[m for m in pot if m.id]
tr={}
for fn in sorted(glob.glob('trwork/c*.tsv')):
    for ln,line in enumerate(open(fn,encoding='utf-8'),1):
        line=line.rstrip('\n')
        if not line.strip() or line.startswith('#'): continue
        n,_,t=line.partition('\t')
        n=int(n)
        if n in tr: print('dup',fn,n,file=sys.stderr)
        t=t.replace('\\n','\n')
        if isinstance(msgs[n].id,tuple):
            a,_,b=t.partition('|||'); tr[n]=(a,b)
        else: tr[n]=t
cat=Catalog(locale='sv', project='crampcheck', version='', copyright_holder='crampcheck', msgid_bugs_address='', last_translator='crampcheck translators', language_team='Swedish')
cat.fuzzy=False
missing=0
for i,m in enumerate(msgs):
    s=tr.get(i, '' if not isinstance(m.id,tuple) else ('',''))
    if (s=='' or s==('','')): missing+=1
    cat.add(m.id, s, locations=m.locations, flags=m.flags - {'fuzzy'}, auto_comments=m.auto_comments, user_comments=m.user_comments, context=m.context)
print('translated', len(msgs)-missing, 'missing', missing, file=sys.stderr)
with open('src/crampcheck/i18n/locales/sv.po','wb') as f:
    write_po(f, cat, width=100, include_previous=False)
# Babel flags every msgid holding "95% c"/"60% o" etc. as python-format; no message of this
# project is %-formatted (there is no %(x)s in the template), so mark them no-python-format,
# as the other catalogs do, so that `msgfmt -c` does not read "95 % k" as a directive.
import re
p='src/crampcheck/i18n/locales/sv.po'
text=open(p,encoding='utf-8').read()
text=re.sub(r'^(#,.*?)(?<![-\w])python-format', r'\1no-python-format', text, flags=re.M)
head, sep, body = text.partition('\n\n#: ')
head = '''# Swedish translations for crampcheck.
# Terminology: docs/glossary-sv.md
#
msgid ""
msgstr ""
"Project-Id-Version: crampcheck\\n"
"PO-Revision-Date: 2026-12-05 15:30+0000\\n"
"Language: sv\\n"
"Last-Translator: crampcheck translators\\n"
"Language-Team: Swedish\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"'''
text = head + sep + body
open(p,'w',encoding='utf-8').write(text)
