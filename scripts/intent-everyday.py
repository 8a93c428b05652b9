#!/usr/bin/env python3
"""Writes data/intent/question.everyday.jsonl: questions written for the intent model in lv/en/ru about everyday
things (opening hours, timetables, weather, prices, people's contacts, dates, sums of money, private disputes,
recipes, gardening, recommendations), information sought on the topics residents report problems about (rubbish
collection days, a water connection, the bus to the hospital), and the project's topics asked with a problem mentioned in passing ("our school
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
        'vai varu iesūdzēt kaimiņu par nocirstu koku?', 'kā šķirties, ja otrs nepiekrīt?',         'kad labāk sēt burkānus?', 'ar ko barot vistas ziemā?', 'kā atbrīvoties no kurmjiem dārzā?',
        'iesaki labu santehniķi tuvumā', 'kurš auto serviss novadā ir godīgs?', 'pasaki, kur var nopirkt lētu sienu', 'ieteiksi kādu labu grāmatu vakaram?',
        'kas vakar uzvarēja hokejā?', 'kāds ir dolāra kurss?', 'kā uzlikt WhatsApp vecmāmiņai telefonā?',
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
        'when is the best time to sow carrots?', 'what should I feed hens in winter?',         'recommend a good plumber nearby', 'which car service in the county is honest?', 'tell me where to buy cheap hay', 'can you suggest a good book for tonight?',
        "what's the dollar exchange rate?", 'how do I set up WhatsApp on my gran\'s phone?',
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

# Questions that seek information on the very topics residents report problems about (roads, transport, water,
# electricity, waste, health, internet, safety, nature): the topic is the same, the intent is not a report.
TOPICAL = {
    'lv': [
        'kurā dienā pie mums izved sadzīves atkritumus?', 'kur var nodot vecās riepas un akumulatorus?', 'cik maksā atkritumu konteiners privātmājai?',
        'kā pieslēgties centralizētajam ūdensvadam?', 'kur var pārbaudīt akas ūdens kvalitāti?', 'cik maksā kanalizācijas pieslēgums?',
        'kā pieteikt jaunu elektrības pieslēgumu mājai?', 'kur redzams plānoto elektrības atslēgumu grafiks?', 'vai var uzlikt saules paneļus uz šķūņa jumta?',
        'cik ilgi pa ziemu darbojas ielu apgaismojums?', 'kurš pagastā atbild par ceļu greiderēšanu?', 'kad parasti sāk šķūrēt sniegu lauku ceļos?',
        'no kurienes atiet autobuss uz slimnīcu?', 'vai ir pieprasījuma transports pensionāriem?', 'cik maksā biļete ar skolēnu karti?',
        'kā pierakstīties pie ģimenes ārsta pa telefonu?', 'kur tuvākā aptieka, kas strādā brīvdienās?', 'vai feldšerpunkts pieņem arī bērnus?',
        'kā saņemt sociālo aprūpi mājās vecākam cilvēkam?', 'kur pieteikties pabalstam apkurei?', 'cik maksā optiskais internets laukos?',
        'kurš operators vislabāk sedz mūsu pusi?', 'kā uzstādīt āra antenu labākam mobilajam internetam?', 'kā izmantot e-veselību bez ID kartes?',
        'kam zvanīt, ja redzu aizdomīgu mašīnu naktī?', 'vai pagastā ir pašvaldības policija?', 'kā pieteikt ugunsdrošības pārbaudi mājai?',
        'vai drīkst pavasarī dedzināt pērno zāli?', 'kur var nodot bīstamos atkritumus?', 'kā pieteikt koku zāģēšanu pie ceļa?',
        'kas pie mums apsaimnieko peldvietu?', 'vai bērnu laukumu drīkst izmantot vakaros?', 'kā rezervēt tautas namu ģimenes svētkiem?',
        'kur pieteikt bedri uz valsts ceļa, vai to dara pagasts?', 'kādi dokumenti vajadzīgi, lai ierīkotu iebrauktuvi no ceļa?',
    ],
    'en': [
        'which day is household rubbish collected here?', 'where can I drop off old tyres and batteries?', 'how much is a waste bin for a private house?',
        'how do I connect to the mains water supply?', 'where can I get my well water tested?', 'what does a sewer connection cost?',
        'how do I apply for a new electricity connection?', 'where is the schedule of planned power cuts?', 'can I put solar panels on a barn roof?',
        'how long are street lights on in winter?', 'who in the parish is responsible for grading the roads?', 'when do they usually start ploughing snow on rural roads?',
        'where does the bus to the hospital leave from?', 'is there on-demand transport for pensioners?', 'how much is a ticket with a pupil card?',
        'how do I book a GP appointment by phone?', 'which pharmacy nearby opens at weekends?', 'does the rural health post see children too?',
        'how can an elderly person get care at home?', 'where do I apply for a heating allowance?', 'how much is fibre internet in the countryside?',
        'which mobile operator covers our area best?', 'how do I set up an outdoor antenna for better mobile internet?', 'how do I use e-health without an ID card?',
        'who do I call if I see a suspicious car at night?', 'does the parish have municipal police?', 'how do I get a fire safety check for my house?',
        'is it allowed to burn last year\'s grass in spring?', 'where can I dispose of hazardous waste?', 'how do I request trees to be cut along the road?',
        'who looks after the bathing spot here?', 'can the playground be used in the evenings?', 'how do I book the community hall for a family party?',
        'who do I tell about a pothole on a state road, the parish or someone else?',
    ],
    'ru': [
        'в какой день у нас вывозят бытовой мусор?', 'куда сдать старые шины и аккумуляторы?', 'сколько стоит мусорный контейнер для частного дома?',
        'как подключиться к центральному водопроводу?', 'где проверить качество воды из колодца?', 'сколько стоит подключение к канализации?',
        'как подать заявку на новое подключение электричества?', 'где посмотреть график плановых отключений света?', 'можно ли поставить солнечные панели на крышу сарая?',
        'сколько часов зимой горят уличные фонари?', 'кто в волости отвечает за грейдирование дорог?', 'когда обычно начинают чистить снег на сельских дорогах?',
        'откуда отходит автобус до больницы?', 'есть ли транспорт по заявке для пенсионеров?', 'сколько стоит билет по школьной карте?',
        'как записаться к семейному врачу по телефону?', 'какая аптека рядом работает по выходным?', 'принимает ли фельдшерский пункт детей?',
        'как пожилому человеку получить уход на дому?', 'куда подать на пособие на отопление?', 'сколько стоит оптический интернет в деревне?',
        'какой оператор лучше всего ловит у нас?', 'как установить наружную антенну для мобильного интернета?',
        'кому звонить, если ночью вижу подозрительную машину?', 'есть ли в волости муниципальная полиция?',
        'можно ли весной жечь прошлогоднюю траву?', 'куда сдать опасные отходы?', 'как заказать спил деревьев у дороги?',
        'как забронировать народный дом для семейного праздника?',
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


for lang in ASK:
    for ask in ASK[lang] + TOPICAL[lang]:
        text = ask
        if lang == 'lv' and rng.random() < 0.35:
            text = fold(text).lower()
        if rng.random() < 0.3:
            text = text.rstrip('?')
        add(text, lang)
        if rng.random() < 0.7:
            context = rng.choice(CONTEXT[lang])
            add(context + ' ' + (fold(ask).lower() if lang == 'lv' and rng.random() < 0.35 else ask), lang)

with open(os.path.join(root, 'data', 'intent', 'question.everyday.jsonl'), 'w', encoding='utf-8') as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(rows), 'questions')
