import glob, re, sys
from babel.messages.pofile import read_po, write_po
from babel.messages.catalog import Catalog
with open('src/crampcheck/i18n/locales/crampcheck.pot','rb') as f:
    cat = read_po(f)
msgs=[m for m in cat if m.id]
tr={}
for fn in sorted(glob.glob('tr_work/ru_*.txt')):
    for ln in open(fn, encoding='utf-8'):
        ln=ln.rstrip('\n')
        if not ln.strip(): continue
        n,_,t=ln.partition('|')
        tr[int(n)]=t
def ws(src, t):
    lead=re.match(r'^\s*',src).group(0); trail=re.search(r'\s*$',src).group(0)
    return lead+t.strip()+trail
out=Catalog(locale='ru', project='crampcheck', fuzzy=False)
missing=[]
for i,m in enumerate(msgs):
    t=tr.get(i)
    if t is None:
        missing.append(i); continue
    if isinstance(m.id, tuple):
        forms=[x.strip() for x in t.split(' ‖ ')]
        if len(forms)!=3: print('PLURAL FORMS', i, forms); forms=(forms+forms*3)[:3]
        s=tuple(ws(m.id[0] if k==0 else m.id[1], x) for k,x in enumerate(forms))
    else:
        s=ws(m.id,t)
    out.add(m.id, s, locations=m.locations, flags=m.flags, auto_comments=m.auto_comments, user_comments=m.user_comments)
print('translated', len(msgs)-len(missing), 'missing', len(missing), missing[:20])
if '--write' in sys.argv:
    out.header_comment='# Russian translations for crampcheck.\n#'
    out.language_team='Russian'
    with open('src/crampcheck/i18n/locales/ru.po','wb') as f:
        write_po(f, out, width=100)
    import datetime
    txt=open('src/crampcheck/i18n/locales/ru.po',encoding='utf-8').read()
    body=txt[txt.index('\n\n')+2:]
    now=datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%d %H:%M+0000')
    header=f'''# Russian translations for crampcheck.
# Terminology: docs/glossary-ru.md
#
msgid ""
msgstr ""
"Project-Id-Version: crampcheck\\n"
"PO-Revision-Date: {now}\\n"
"Language: ru\\n"
"Last-Translator: crampcheck translators\\n"
"Language-Team: Russian\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

'''
    # '95% interval', '60% of': babel flags these python-format by its heuristic, but the text is
    # never %-formatted (templates and code call gettext and at most str.format), so mark them
    # no-python-format as gettext expects for a literal percent sign.
    body=body.replace('#, python-brace-format, python-format\n','#, python-brace-format, no-python-format\n').replace('#, python-format\n','#, no-python-format\n')
    open('src/crampcheck/i18n/locales/ru.po','w',encoding='utf-8').write(header+body)
