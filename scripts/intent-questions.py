#!/usr/bin/env python3
"""Writes data/intent/question.frames.jsonl: question frames (written for the intent model, in lv/en/ru, some with a
resident's context sentence first) filled with the knowledge base's own tags, so the question class knows the
domain's words as well as the problem class knows everyday complaints. Deterministic (fixed seed)."""
import glob, json, os, random, re, unicodedata

root = os.path.join(os.path.dirname(__file__), '..')
rng = random.Random(12)

FRAMES = {
    'lv': ['kas ir {t}?', 'ko nozīmē {t}?', 'pastāstiet, lūdzu, par {t}', '{t} – kas tas ir?', 'vai variet izskaidrot, kas ir {t}?',
           '{t} - ko tas nozīmē mazam ciemam?', 'kur uzzināt vairāk par {t}?', 'man neskaidrs {t}, paskaidrojiet vienkārši',
           'vai {t} attiecas arī uz mūsu pagastu?', 'kāda ir atšķirība starp {t} un {u}?', '{t} un {u} – tas pats vai kas cits?',
           'kā {t} darbojas praksē?', 'kāpēc ciemam vajadzīgs {t}?', 'kurš lemj par {t}?', 'ar ko sākt, ja interesē {t}?',
           'vai ir kāds piemērs par {t}?', '{t}?', 'ko darīt ar {t}, no kā sākt'],
    'en': ['what is {t}?', 'what does {t} mean for a small village?', 'can you explain {t} simply?', '{t} - what is it exactly?',
           'is {t} the same as {u}?', "what's the difference between {t} and {u}?", 'tell me more about {t}', 'how does {t} work in practice?',
           'why does {t} matter for a village?', 'who decides about {t}?', 'any tips on {t}?', 'where can I read about {t}?',
           'is there an example of {t} somewhere?', '{t}?', 'does {t} apply to small villages too?'],
    'ru': ['что такое {t}?', 'что значит {t} для маленькой деревни?', 'объясните простыми словами, что такое {t}', '{t} - это что?',
           'чем отличается {t} от {u}?', 'расскажите подробнее про {t}', 'как {t} работает на практике?', 'зачем деревне {t}?',
           'кто решает про {t}?', 'где почитать про {t}?', 'есть ли пример, где есть {t}?', '{t}?'],
}
CONTEXT = {
    'lv': ['Esmu jauns biedrības valdē.', 'Pagājušajā sapulcē par to strīdējāmies.', 'Kaimiņš stāstīja, bet es neko nesapratu.',
           'Pie mums uz sapulcēm nāk maz cilvēku.', 'Mēs esam maza kopiena un pieredzes nav.', 'Godīgi sakot, tie vārdi man sveši.',
           'Gribam kaut ko darīt ciema labā.', 'Lasīju avīzē, bet palika neskaidrs.', 'labdien!', 'sveiki,',
           'Mūsu ciemā neviens neko nedara, visi gaida pašvaldību.', 'Puse pagasta ir pensionāri bez datora.', 'Jaunieši aizbrauc uz pilsētu.',
           'Naudas nav un brīvprātīgo maz.', 'Pie mums neviens nevienam neuzticas.', 'Sapulcēs visi runā vienlaikus un nekas netiek izlemts.'],
    'en': ["I'm new on the village board.", 'We argued about this at the last meeting.', 'My neighbour mentioned it and I got lost.',
           'Only a few people come to our meetings.', "We're a small group with no experience.", 'Honestly the jargon confuses me.',
           'We want to do something for the village.', 'I read about it in the paper but it was unclear.', 'hi,', 'hello!',
           'Nobody here does anything, everyone waits for the council.', 'Half the parish are pensioners without a computer.', 'Our young people all leave for the city.',
           'We have no money and hardly any volunteers.', 'Nobody trusts anybody here.', 'Our meetings go nowhere.'],
    'ru': ['Я недавно в правлении общества.', 'На прошлом собрании мы об этом спорили.', 'Сосед рассказывал, но я не понял.',
           'У нас на собрания приходит мало людей.', 'Мы маленькая община без опыта.', 'Честно, эти слова мне непонятны.',
           'Хотим что-то сделать для деревни.', 'здравствуйте!', 'привет,',
           'У нас никто ничего не делает, все ждут самоуправление.', 'Половина жителей пенсионеры без компьютера.', 'Молодёжь уезжает в город.',
           'Денег нет, добровольцев мало.', 'У нас никто никому не доверяет.'],
}
PER_LANG = {'lv': 650, 'en': 450, 'ru': 350}


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')


def tags(lang):
    out = []
    for path in sorted(glob.glob(os.path.join(root, 'data', 'knowledge', lang, '*.md'))):
        m = re.search(r'^tags:\s*\[(.*)\]', open(path, encoding='utf-8').read(), re.M)
        if m:
            out += [t.strip() for t in m.group(1).split(',') if t.strip()]
    return sorted(set(out))


rows, seen = [], set()
for lang, n in PER_LANG.items():
    words = tags(lang)
    while sum(1 for r in rows if r['lang'] == lang) < n:
        t, u = rng.sample(words, 2)
        text = rng.choice(FRAMES[lang]).format(t=t, u=u)
        if rng.random() < 0.4:
            text = rng.choice(CONTEXT[lang]) + ' ' + text
        if lang == 'lv' and rng.random() < 0.4:
            text = fold(text).lower()
        if text not in seen:
            seen.add(text)
            rows.append({'text': text, 'lang': lang})

with open(os.path.join(root, 'data', 'intent', 'question.frames.jsonl'), 'w', encoding='utf-8') as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(rows), 'questions')
