#!/usr/bin/env python3
"""Writes data/intent/question.everyday.jsonl: questions written for the intent model in lv/en/ru about everyday
things (opening hours, timetables, weather, prices, people's contacts, dates, sums of money, private disputes,
recipes, gardening, recommendations), information sought on the topics residents report problems about (rubbish
collection days, a water connection, the bus to the hospital), and the project's topics asked with a problem mentioned in passing ("our school
closed, how do we start an association?"), everyday questions in a report's words (a cough, a match's score,
exchange rates, a person's number, the state of one's own application) and questions that name a problem and ask how
to act on it ("the road is all holes - where can a village get money to repair it?"). A resident's context sentence
goes first in some, a situation after the question in others ("…? We have no car."); a third of the Latvian
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
        'cik eiro dabūja kaimiņu pagasts par jauno estrādi?', 'kāda bija pagasta budžeta summa pērn?',
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
        'how much does a new roof cost for an average house?', 'what does petrol cost at the moment?',
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

# Questions on everyday matters the bot cannot know but that are still questions (health advice, sport, news, money,
# people, services' hours, trips, weather for a plan, the state of one's own application), and questions that name a
# problem and ask how to act on it ("the road is in holes - where does a village get money to mend it?"). Their
# words are those of reports; the asking makes them questions.
MORE = {
    'lv': [
        'kādas zāles dzert pret klepu, ja nav temperatūras?', 'ko darīt, ja bērnam naktī paceļas drudzis?', 'vai pret alerģiju der tabletes bez receptes?',
        'kāds rezultāts bija vakardienas volejbola spēlei?', 'kurš šogad vinnēja dziesmu svētku koru konkursu?', 'kad sāksies hokeja čempionāts?',
        'kas jauns ziņās par degvielas cenām?', 'cik šodien maksā eiro pret zlotu?', 'vai veikalos jau var nopirkt jaunos kartupeļus?',
        'kur var apmainīt naudu tuvāk par Rīgu?', 'kur tuvumā ir bankomāts?', 'kurā veikalā ir lētākais cukurs?',
        'vai Pēteris Kalniņš vēl strādā skolā?', 'kāds ir bibliotekāres numurs?', 'kā sazvanīt veterinārārstu brīvdienās?',
        'līdz cikiem strādā frizētava centrā?', 'vai svētdien strādā pasta nodaļa?', 'kur var uzpildīt gāzes balonu?',
        'kā nokļūt līdz slimnīcai, ja nav mašīnas?', 'cikos pēdējais vilciens no Rīgas vakarā?', 'vai autobuss svētkos kursē?',
        'vai sestdien nelīs? gribam pļaut', 'cik silts būs ūdens ezerā nākamnedēļ?', 'vai rīt būs vējš? jāliek jumts',
        'vai mūsu pieteikumu jau izvērtēja?', 'kad būs zināmi konkursa rezultāti mūsu projektam?', 'vai novads jau apstiprināja mūsu biedrības naudu?',
        'kaimiņš neatdod parādu, ko man darīt?', 'vai var sūdzēt tiesā kaimiņu par troksni?', 'cik maksā jurists, lai sastādītu līgumu?',
        'ceļš pilns ar bedrēm - kur ciems var dabūt naudu tā salabošanai?', 'busiņš iet tikai divreiz dienā, kad tieši ir nākamais?',
        'lampas nedeg, kam tad īsti jāzvana, pagastam vai tīklu uzņēmumam?', 'ūdens bieži pazūd - kā iedzīvotāji var paši pieteikt projektu ūdensvadam?',
        'internets ļoti lēns, kādas ir iespējas dabūt optiku uz laukiem?', 'klubs ir slēgts, kā mēs paši varētu to atvērt?',
        'jauniešiem nav ko darīt, kādi projekti viņiem ir bijuši citos ciemos?', 'veikals aizvērās, kā citi ciemi risina pārtikas piegādi?',
        'kā iedzīvotāji var pieprasīt, lai pašvaldība salabo tiltu?', 'kur pieteikties naudai, lai nomainītu jumtu tautas namam?',
        'kā mēs varam saņemt atbalstu ielu apgaismojumam ar saules paneļiem?', 'vai ir kāda programma, kas palīdz ciemiem ar transportu?',
    ],
    'en': [
        'what can I take for a cough if there is no fever?', 'what do I do if my child has a fever at night?', 'are allergy pills without a prescription ok?',
        "what was the score in yesterday's volleyball game?", 'who won the choir contest this year?', 'when does the hockey championship start?',
        "what's new in the news about fuel prices?", 'how many zloty is a euro today?', 'can you buy new potatoes in the shops yet?',
        'where can I change money closer than Riga?', 'is there a cash machine nearby?', 'which shop has the cheapest sugar?',
        'does Peteris Kalnins still work at the school?', "what's the librarian's number?", 'how do I call a vet at the weekend?',
        'until when is the hairdresser in the centre open?', 'is the post office open on Sunday?', 'where can I refill a gas bottle?',
        'how do I get to the hospital without a car?', 'when is the last train from Riga in the evening?', 'does the bus run on holidays?',
        "will it stay dry on saturday? we want to cut the hay", 'how warm will the lake be next week?', 'will it be windy tomorrow? we are fixing the roof',
        'has our application been assessed yet?', 'when will the results for our project be out?', "did the county approve our association's money yet?",
        "my neighbour won't pay back what he owes, what can I do?", 'can I take a neighbour to court over noise?', 'how much does a lawyer charge to draw up a contract?',
        'the road is all holes - where can a village get money to repair it?', 'the minibus only goes twice a day, when exactly is the next one?',
        'the street lamps are out, who should I actually call, the parish or the grid company?', 'water keeps going off - how can residents start a project for a water main?',
        'internet is really slow, what are the options for fibre in the countryside?', 'the club is closed, how could we open it ourselves?',
        'young people have nothing to do, what projects have other villages done for them?', 'the shop shut down, how do other villages handle food deliveries?',
        'how can residents get the council to repair a bridge?', 'where do we apply for money to replace the community hall roof?',
        'how can we get support for solar street lighting?', 'is there any programme that helps villages with transport?',
    ],
    'ru': [
        'что пить от кашля, если нет температуры?', 'что делать, если у ребёнка ночью жар?', 'можно ли брать таблетки от аллергии без рецепта?',
        'какой счёт был во вчерашнем матче по волейболу?', 'кто в этом году победил в конкурсе хоров?', 'когда начнётся чемпионат по хоккею?',
        'что нового в новостях о ценах на топливо?', 'сколько злотых за евро сегодня?', 'уже продают молодую картошку в магазинах?',
        'где поменять деньги поближе, чем в Риге?', 'есть ли рядом банкомат?', 'в каком магазине самый дешёвый сахар?',
        'Петерис Калниньш ещё работает в школе?', 'какой номер у библиотекаря?', 'как вызвать ветеринара в выходные?',
        'до скольки работает парикмахерская в центре?', 'работает ли почта в воскресенье?', 'где заправить газовый баллон?',
        'как добраться до больницы без машины?', 'во сколько последний поезд из Риги вечером?', 'ходит ли автобус в праздники?',
        'в субботу дождя не будет? хотим косить', 'какая будет вода в озере на следующей неделе?', 'завтра будет ветер? надо чинить крышу',
        'нашу заявку уже рассмотрели?', 'когда будут результаты конкурса по нашему проекту?', 'край уже утвердил деньги для нашего общества?',
        'сосед не возвращает долг, что мне делать?', 'можно ли судиться с соседом из-за шума?', 'сколько берёт юрист за составление договора?',
        'дорога вся в ямах - где деревне взять деньги на ремонт?', 'автобус ходит всего два раза в день, когда следующий?',
        'фонари не горят, кому звонить - в волость или в сетевую компанию?', 'вода часто пропадает - как жителям самим начать проект водопровода?',
        'интернет очень медленный, какие есть варианты провести оптику в деревню?', 'клуб закрыт, как мы могли бы сами его открыть?',
        'молодёжи нечем заняться, какие проекты для них делали в других деревнях?', 'магазин закрылся, как другие деревни решают доставку продуктов?',
        'как жителям добиться, чтобы самоуправление отремонтировало мост?', 'куда подать заявку на деньги для новой крыши народного дома?',
    ],
}

# A resident's situation after the question ("…? we have no car"): the words of a report, the intent of a question.
AFTER = {
    'lv': ['Mums nav mašīnas.', 'Pie mums nekas nestrādā.', 'Esmu viena ar bērniem.', 'Ceļš tāpat slikts.', 'Internets te vājš.', 'Neviens nezina.',
           'Kaimiņi sūdzas.', 'Vecie cilvēki paliek vieni.', 'Nav naudas.', 'Pagastā klusē.'],
    'en': ['We have no car.', 'Nothing works here.', "I'm alone with the kids.", 'The road is bad anyway.', 'Internet is weak here.', 'Nobody knows.',
           'The neighbours complain.', 'Old people are left alone.', 'There is no money.', 'The parish says nothing.'],
    'ru': ['У нас нет машины.', 'У нас ничего не работает.', 'Я одна с детьми.', 'Дорога и так плохая.', 'Интернет тут слабый.', 'Никто не знает.',
           'Соседи жалуются.', 'Пожилые остаются одни.', 'Денег нет.', 'В волости молчат.'],
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

for lang in MORE:
    for ask in MORE[lang]:
        text = fold(ask).lower() if lang == 'lv' and rng.random() < 0.35 else ask
        add(text.rstrip('?') if rng.random() < 0.3 else text, lang)
        roll = rng.random()
        if roll < 0.4:
            add(ask + ' ' + rng.choice(AFTER[lang]), lang)
        elif roll < 0.7:
            add(rng.choice(CONTEXT[lang]) + ' ' + ask, lang)

with open(os.path.join(root, 'data', 'intent', 'question.everyday.jsonl'), 'w', encoding='utf-8') as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + '\n')
print(len(rows), 'questions')
