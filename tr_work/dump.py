from babel.messages.pofile import read_po
with open('src/crampcheck/i18n/locales/crampcheck.pot','rb') as f:
    cat = read_po(f)
msgs=[m for m in cat if m.id]
for i,m in enumerate(msgs):
    loc = m.locations[0][0] if m.locations else ''
    loc = loc.replace('web/templates/','w/').replace('.yaml','').replace('.html','').replace('.py','')
    if isinstance(m.id, tuple):
        print(f"{i}\t[{loc}] P\t{m.id[0]}\t||\t{m.id[1]}")
    else:
        print(f"{i}\t[{loc}]\t{m.id}")
