import sys
from babel.messages.pofile import read_po
with open('src/crampcheck/i18n/locales/crampcheck.pot','rb') as f:
    cat = read_po(f)
msgs=[m for m in cat if m.id]
print(len(msgs), file=sys.stderr)
a,b=int(sys.argv[1]),int(sys.argv[2])
for i,m in enumerate(msgs):
    if a<=i<b:
        if isinstance(m.id,tuple):
            print(i, 'PL', m.id[0].replace('\n','\\n'), '|||', m.id[1].replace('\n','\\n'))
        else:
            print(i, m.id.replace('\n','\\n'))
