#!/usr/bin/env python3
"""Writes data/intent/question.everyday.jsonl: questions written for the intent model in lv/en/ru about everyday
things (opening hours, timetables, weather, prices, people's contacts, dates, sums of money, private disputes,
recipes, gardening, recommendations) and the project's topics asked with a problem mentioned in passing ("our school
closed, how do we start an association?"). A resident's context sentence goes first in some; a third of the Latvian
ones are folded to no diacritics. They teach the model that an everyday word or a complaint in passing does not make
a question a report. Deterministic (fixed seed)."""
import json, os, random, unicodedata

root = os.path.join(os.path.dirname(__file__), '..')
rng = random.Random(13)

ASK = {
    'lv': [
        'cikos šodien aizveras pasts?', 'līdz cikiem sestdien strādā bibliotēka?', 'vai ambulance pirmdien pieņem bez pieraksta?',
        'kad atver tirgu svētdienās?', 'vai benzīntanks pie šosejas strādā visu nakti?', 'kad pienāks nākamais reisa autobuss uz novada centru?',
        'vai vilciens uz Rīgu svētku dienās kursē pēc parastā saraksta?', 'kur atrast vasaras autobusu sarakstu?', 'cikos no rīta iet pirmais busiņš uz pilsētu?',
        'vai nākamnedēļ gaidāms sals?', 'cik grādu būs rīt pa nakti?', 'vai nedēļas nogalē būs saulains?', 'kad šogad sāksies pirmās salnas?',
        'cik maksā malka par kubu?', 'cik izmaksā jauns jumts vidējai mājai?', 'cik šobrīd maksā degviela?', 'cik maksā bērnudārzs mēnesī?',
        'kāds ir pagasta vadītāja e-pasts?', 'kā sazināties ar Jāni Bērziņu no novada domes?', 'kāds ir mūsu ārsta telefona numurs?',
        'kurā datumā būs Jāņu zaļumballe?', 'kad notiks nākamā talka pie baznīcas?', 'kurā dienā šogad izved lielgabarīta atkritumus?',
        'cik naudas biedrībām šogad piešķīra novadā?', 'cik eiro dabūja kaimiņu pagasts par jauno estrādi?', 'kāda bija pagasta budžeta summa pērn?',
        'vai varu iesūdzēt kaimiņu par nocirstu koku?', 'kā šķirties, ja otrs nepiekrīt?', 'vai man pienākas pabalsts, ja strādāju pusslodzi?',
        'kā izcept rupjmaizi mājās?', 'kad labāk sēt burkānus?', 'ar ko barot vistas ziemā?', 'kā atbrīvoties no kurmjiem dārzā?',
        'iesaki labu santehniķi tuvumā', 'kurš auto serviss novadā ir godīgs?', 'pasaki, kur var nopirkt lētu sienu', 'ieteiksi kādu labu grāmatu vakaram?',
        'kas vakar uzvarēja hokejā?', 'kas jauns pasaulē šodien?', 'kāds ir dolāra kurss?', 'kā uzlikt WhatsApp vecmāmiņai telefonā?',
        'kā nomainīt paroli e-pastam?', 'kur var salabot datoru?',
        'skola slēgta, kā mums nodibināt biedrību, lai ēku paturētu?', 'ceļi slikti un autobuss reti, kādi ir jaunie mobilitātes risinājumi laukiem?',
        'jaunieši aizbrauc, kā ciems var viņus piesaistīt atpakaļ?', 'elektrība dārga, vai mēs paši varam izveidot enerģijas kopienu?',
        'sapulcēs visi strīdas, kā vadīt kopienas sanāksmi, lai kaut ko izlemtu?', 'naudas nav, kur dabūt līdzfinansējumu LEADER projektam?',
        'kultūras nams stāv tukšs, kā iedzīvotāji paši var to apsaimniekot?', 'vecie cilvēki neprot internetu, kur viņi var apgūt digitālās prasmes?',
        'bibliotēkā nav datoru, kā pensionāri var izmantot e-pakalpojumus?', 'ciemā neviens neuzticas citiem, kā stiprināt sociālo kapitālu?',
    ],
    'en': [
        'what time does the post office shut today?', 'is the library open on Saturday afternoons?', 'does the clinic take walk-ins on Mondays?',
        'when does the market open on Sundays?', 'is the petrol station on the highway open all night?', 'when is the next bus to the county town?',
        'do the trains to Riga run normally on public holidays?', 'where do I find the summer bus timetable?', 'what time is the first minibus in the morning?',
        'will there be frost next week?', 'how cold will it get tonight?', 'is it going to be sunny at the weekend?', 'when is the first frost expected this year?',
        'how much is firewood per cubic metre?', 'how much does a new roof cost for an average house?', 'what does petrol cost at the moment?',
        "what's the parish head's email address?", 'how do I reach Janis Berzins at the council?', "what's our doctor's phone number?",
        'which date is the midsummer dance this year?', 'when is the next clean-up day at the church?', 'which day do they collect bulky waste this year?',
        'how much money did associations get from the county this year?', 'how many euros did the next parish get for its new stage?', 'what was the parish budget last year?',
        'can I take my neighbour to court over a felled tree?', 'am I entitled to benefits if I work part-time?', 'how do I get a divorce if my spouse refuses?',
        'when is the best time to sow carrots?', 'what should I feed hens in winter?', 'how do I get rid of moles in the garden?',
        'recommend a good plumber nearby', 'which car service in the county is honest?', 'tell me where to buy cheap hay', 'can you suggest a good book for tonight?',
        "what's the news today?", "what's the dollar exchange rate?", 'how do I set up WhatsApp on my gran\'s phone?',
        'how do I change my email password?',
        'the school closed, so how do we set up an association to keep the building?', 'roads are bad and buses rare - what new mobility ideas exist for villages?',
        'young people keep leaving, how can a village draw them back?', 'electricity is so expensive, can we form our own energy community?',
        'our meetings end in shouting, how do you run a community meeting that decides something?', 'we have no money, where do we find co-financing for a LEADER project?',
        'the culture house sits empty, can residents run it themselves?', 'older folk cannot use the internet, where can they learn digital skills?',
    ],
    'ru': [
        'во сколько сегодня закрывается почта?', 'работает ли библиотека в субботу после обеда?', 'принимает ли амбулатория в понедельник без записи?',
        'когда по воскресеньям открывается рынок?', 'работает ли заправка у шоссе круглосуточно?', 'когда следующий автобус в центр края?',
        'ходят ли поезда в Ригу по праздникам как обычно?', 'где найти летнее расписание автобусов?', 'во сколько утром первый микроавтобус в город?',
        'будут ли заморозки на следующей неделе?', 'сколько градусов будет ночью?', 'будет ли солнечно на выходных?',
        'сколько стоит кубометр дров?', 'сколько стоит новая крыша для обычного дома?', 'почём сейчас бензин?',
        'какой адрес почты у главы волости?', 'как связаться с Янисом Берзиньшем из думы?', 'какой телефон у нашего врача?',
        'какого числа будет праздник Лиго в этом году?', 'когда следующая толока у церкви?', 'в какой день вывозят крупногабаритный мусор?',
        'сколько денег получили общества от края в этом году?', 'сколько евро получила соседняя волость на новую сцену?', 'какой был бюджет волости в прошлом году?',
        'можно ли подать в суд на соседа из-за срубленного дерева?', 'положено ли мне пособие, если я работаю на полставки?',
        'как испечь ржаной хлеб дома?', 'когда лучше сеять морковь?', 'чем кормить кур зимой?', 'как избавиться от кротов в огороде?',
        'посоветуйте хорошего сантехника поблизости', 'какой автосервис в крае честный?', 'подскажи, где купить дешёвое сено',
        'какой курс доллара?', 'как установить WhatsApp бабушке на телефон?',
        'школу закрыли, как нам создать общество, чтобы сохранить здание?', 'дороги плохие, автобус редко - какие есть новые решения мобильности для деревень?',
        'молодёжь уезжает, как деревне вернуть её?', 'электричество дорогое, можем ли мы сами создать энергетическое сообщество?',
        'на собраниях все ругаются, как провести собрание общины, чтобы что-то решить?', 'денег нет, где взять софинансирование для проекта LEADER?',
        'пожилые не умеют пользоваться интернетом, где им научиться цифровым навыкам?',
    ],
}

CONTEXT = {
    'lv': ['Sveiki!', 'Labdien,', 'Atvainojiet, ka traucēju.', 'Esmu te jauns.', 'Ātrs jautājums:', 'Gribēju pajautāt.', 'Sieva jautā.',
           'Mums te viss kā vienmēr.', 'Plānojam braukt uz pilsētu.', 'Mašīna remontā.', 'Kaimiņiene nezina.', 'Internetā neatradu.',
           'Pie mums ceļš pilns ar bedrēm, bet ne par to.', 'Nav jau nekāda problēma, vienkārši interesē.', 'Dzīvojam tālu no centra.'],
    'en': ['Hi!', 'Hello,', 'Sorry to bother you.', "I'm new here.", 'Quick one:', 'Just wondering.', 'My wife is asking.',
           'All fine here otherwise.', "We're planning a trip to town.", 'The car is in the garage.', "My neighbour doesn't know either.", "Couldn't find it online.",
           'Our road is full of potholes, but that is not why I write.', 'Not a complaint, just curious.', 'We live far from the centre.'],
    'ru': ['Здравствуйте!', 'Привет,', 'Извините за беспокойство.', 'Я тут новенький.', 'Быстрый вопрос:', 'Хотел спросить.', 'Жена спрашивает.',
           'У нас всё по-старому.', 'Собираемся в город.', 'Машина в ремонте.', 'Соседка тоже не знает.', 'В интернете не нашёл.',
           'Дорога у нас в ямах, но я не об этом.', 'Это не жалоба, просто интересно.', 'Живём далеко от центра.'],
}


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn')


rows, seen = [], set()


def add(text, lang):
    if text not in seen:
        seen.add(text)
        rows.append({'text': text, 'lang': lang})


for lang, asks in ASK.items():
    for ask in asks:
        text = ask
        if lang == 'lv' and rng.random() < 0.35:
            text = fold(text).lower()
        if rng.random() < 0.3:
            text = text.rstrip('?')
        add(text, lang)
        if rng.random() < 0.6:
            context = rng.choice(CONTEXT[lang])
            add(context + ' ' + (fold(ask).lower() if lang == 'lv' and rng.random() < 0.35 else ask), lang)

with open(os.path.join(root, 'data', 'intent', 'question.everyday.jsonl'), 'w', encoding='utf-8') as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(rows), 'questions')
