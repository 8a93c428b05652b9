#!/usr/bin/env python3
"""Writes data/intent/question.daily.jsonl and data/intent/problem.asking.jsonl for the intent model.

question.daily: everyday questions of many kinds (timetables, opening hours, prices, fuel, exchange rates, weather,
recipes, sport and news, health advice, law and appeals, benefits and papers, people's contacts, gardening, animals,
phones and computers, recommendations, trips, the state of one's own request) written for this model in lv, en and
ru (Russian with Latvian words inside, as residents type them), in the forms residents use: a question with or
without a mark, a bare noun phrase ("train timetable Madona Riga", "beetroot soup recipe"), a request ("iesaki…",
"подскажите…"). The topic is not the municipality's, the form is a question: they go to the answering, which says
honestly when it does not know. Also questions on the project's topics that carry a problem word or a doubt ("why is
our plan only about festivals…?"), which stay questions.

problem.asking: reports phrased as questions ("Kāpēc atkal nedeg lampas?", "когда уберут…?") and plain statements in
Russian, Latvian without diacritics and English, so that a question mark or a "why" does not make a report a question.

A third to a half of the Latvian texts are folded to no diacritics. Deterministic (fixed seed)."""
import json, os, random, unicodedata

root = os.path.join(os.path.dirname(__file__), '..')
rng = random.Random(29)

TOWNS_LV = ['Madonas', 'Tukuma', 'Bauskas', 'Rēzeknes', 'Alūksnes', 'Talsu', 'Līvānu', 'Smiltenes', 'Gulbenes', 'Preiļu']
TOWNS_LV_TO = ['Madonu', 'Tukumu', 'Bausku', 'Rēzekni', 'Alūksni', 'Talsiem', 'Līvāniem', 'Smilteni', 'Gulbeni', 'Preiļiem']
TOWNS_LV_IN = ['Madonā', 'Tukumā', 'Bauskā', 'Rēzeknē', 'Alūksnē', 'Talsos', 'Līvānos', 'Smiltenē', 'Gulbenē', 'Preiļos']
TOWNS_LV_NOM = ['Madona', 'Tukums', 'Bauska', 'Rēzekne', 'Alūksne', 'Talsi', 'Līvāni', 'Smiltene', 'Gulbene', 'Preiļi']
TOWNS_EN = ['Madona', 'Tukums', 'Bauska', 'Rezekne', 'Aluksne', 'Talsi', 'Livani', 'Smiltene', 'Gulbene', 'Preili']

# Everyday questions, each kind in several forms: (lv, en, ru). {a}/{b} are town slots filled per language.
DAILY = [
    # timetables and trips
    ('kad atiet pēdējais autobuss no {a} uz {b}?', 'when does the last bus leave {a} for {b}?', 'когда последний автобус из {a} в {b}?'),
    ('autobusu saraksts {n} - {b}', 'bus times {a} to {b}', 'расписание автобусов {a} - {b}'),
    ('vai svētku dienā kursē vilciens uz {b}', 'is there a train to {b} on the holiday', 'ходит ли электричка в {b} в праздник'),
    ('cik ilgi jābrauc ar autobusu līdz {b}?', 'how long is the bus ride to {b}?', 'сколько ехать на автобусе до {b}?'),
    ('no kuras pieturas iet busiņš uz {b}', 'which stop does the minibus to {b} go from', 'с какой остановки идёт маршрутка в {b}'),
    ('vai uz lidostu var aizbraukt ar sabiedrisko transportu', 'can I get to the airport by public transport', 'можно ли добраться до аэропорта общественным транспортом'),
    ('cik maksā biļete uz prāmi līdz Zviedrijai', 'ferry ticket price to Sweden', 'сколько стоит билет на паром в Швецию'),
    # opening hours
    ('{a} aptiekas darba laiks brīvdienās', 'pharmacy opening hours in {a} at weekends', 'часы работы аптеки в {a} в выходные'),
    ('vai Maxima strādā Ziemassvētkos?', 'is the supermarket open on Christmas day?', 'работает ли Maxima на Рождество?'),
    ('līdz cikiem atvērts būvmateriālu veikals', 'until what time is the hardware store open', 'до скольки открыт строительный магазин'),
    ('kad strādā zobārsts {l}', 'when is the dentist in {a} working', 'когда принимает зубной врач в {a}'),
    ('vai banka sestdienās atvērta', 'are banks open on saturdays', 'открыт ли банк по субботам'),
    # prices and money
    ('benzīna cena šonedēļ', 'petrol price this week', 'цена на бензин на этой неделе'),
    ('cik maksā kartupeļu maiss tirgū', 'how much is a sack of potatoes at the market', 'почём мешок картошки на рынке'),
    ('kur lētāk nopirkt briketes', 'where are briquettes cheapest', 'где дешевле купить брикеты'),
    ('granulu cena par tonnu', 'wood pellets price per tonne', 'цена пеллет за тонну'),
    ('cik maksā pilns tehniskās apskates cikls', 'how much is a car inspection', 'сколько стоит техосмотр машины'),
    ('vai elektrība nākamajā mēnesī kļūs lētāka?', 'will electricity get cheaper next month?', 'подешевеет ли электричество в следующем месяце?'),
    ('kāda ir minimālā alga šogad', 'what is the minimum wage this year', 'какая минимальная зарплата в этом году'),
    ('cik liela ir vecuma pensija, ja nostrādāti 30 gadi', 'how big is the old-age pension after 30 years of work', 'какая пенсия по старости при 30 годах стажа'),
    # weather
    ('laika prognoze nedēļas nogalei {a}', 'weekend forecast for {a}', 'прогноз погоды на выходные в {a}'),
    ('vai rīt būs lietus, gribam grābt sienu', 'will it rain tomorrow, we want to rake the hay', 'будет ли завтра дождь, хотим сено грести'),
    ('cik grādu ūdens ezerā šobrīd', 'how warm is the lake water now', 'какая сейчас температура воды в озере'),
    ('kad gaidāms pirmais sniegs', 'when is the first snow expected', 'когда ожидается первый снег'),
    ('vai nākamnedēļ būs vējains', 'is it going to be windy next week', 'будет ли ветрено на следующей неделе'),
    # recipes and cooking
    ('kā iesālīt gurķus burkās?', 'how do I pickle cucumbers in jars?', 'как засолить огурцы в банках?'),
    ('iesaki recepti biešu zupai', 'suggest a recipe for beetroot soup', 'посоветуйте рецепт свекольного супа'),
    ('cik ilgi vārīt olas, lai būtu mīkstas', 'how long to boil an egg soft', 'сколько варить яйца всмятку'),
    ('ko pagatavot no cukini', 'what to cook with courgettes', 'что приготовить из кабачков'),
    ('kā marinēt šašliku', 'how to marinate meat for a barbecue', 'как замариновать шашлык'),
    # sport, news, culture
    ('kurš vinnēja vakardienas hokeja spēli', "who won yesterday's hockey game", 'чем закончился вчера хоккей'),
    ('basketbola izlases nākamās spēles datums', "date of the national basketball team's next game", 'когда следующая игра сборной по баскетболу'),
    ('kas šovakar rāda kino {l}', 'what is on at the cinema in {a} tonight', 'что идёт в кино в {a} сегодня вечером'),
    ('kurā datumā ir Dziesmu svētki', 'when is the song festival', 'когда праздник песни'),
    ('kura grupa spēlēs pilsētas svētkos', 'which band plays at the town festival', 'какая группа выступит на празднике города'),
    # health
    ('ko dzert pret kakla sāpēm', 'what helps a sore throat', 'что пить от боли в горле'),
    ('bērnam temperatūra 39, vai saukt ātros', 'my child has a fever of 39, should I call an ambulance', 'у ребёнка температура 39, вызывать скорую?'),
    ('kur var uztaisīt asins analīzes bez nosūtījuma', 'where can I get a blood test without a referral', 'где сдать анализ крови без направления'),
    ('vai gripas pote jau pieejama', 'is the flu jab available yet', 'есть ли уже прививка от гриппа'),
    ('kā pierakstīties pie acu ārsta', 'how do I book an eye doctor', 'как записаться к окулисту'),
    ('ko darīt, ja iedzēlusi ērce', 'what to do after a tick bite', 'что делать если укусил клещ'),
    # law, papers, appeals, benefits
    ('kā apstrīdēt soda naudu par ātrumu', 'how do I contest a speeding fine', 'как оспорить штраф за превышение скорости'),
    ('kā pārsūdzēt nekustamā īpašuma nodokļa aprēķinu', 'how to challenge the land tax assessment', 'как обжаловать расчёт налога на недвижимость'),
    ('kā sastādīt testamentu pie notāra', 'how do I make a will with a notary', 'как составить завещание у нотариуса'),
    ('kur nomainīt pasi, ja tā beidzas', 'where do I renew my passport', 'где поменять паспорт если истекает'),
    ('kā reģistrēt dzīvesvietu citā novadā', 'how do I register my address in another county', 'как задекларировать место жительства в другом крае'),
    ('vai drīkst nocirst kokus savā pagalmā bez atļaujas', 'can I cut trees in my own yard without a permit', 'можно ли рубить деревья у себя во дворе без разрешения'),
    ('kaimiņš neatdod aizņemto naudu, ko man darīt', 'a friend borrowed money and will not pay it back, what are my options', 'знакомый не возвращает деньги, что мне делать'),
    ('kā iesniegt gada ienākumu deklarāciju', 'how do I file my annual income tax return', 'как подать годовую декларацию о доходах'),
    ('cik ilgi jāgaida atbilde no VID', 'how long does the tax office take to reply', 'сколько ждать ответ из VID'),
    ('vai mans iesniegums par malkas pabalstu ir izskatīts', 'has my application for the firewood allowance been looked at', 'рассмотрели ли моё заявление на пособие на дрова'),
    # people and contacts
    ('pagasta sociālā darbinieka telefons', "the parish social worker's phone number", 'телефон социального работника волости'),
    ('kā sazināties ar veterinārārstu {l}', 'how do I contact the vet in {a}', 'как связаться с ветеринаром в {a}'),
    ('vai Pēteris Ozols vēl strādā skolā', 'does Peter Ozols still teach at the school', 'работает ли ещё Петерис Озолс в школе'),
    ('kur dzīvo mūsu vecais skolotājs Kalniņš', 'where does our old teacher Kalnins live now', 'где живёт наш старый учитель Калниньш'),
    # garden, animals, house
    ('kad griezt ābeles', 'when should apple trees be pruned', 'когда обрезать яблони'),
    ('kā tikt vaļā no gliemežiem dārzā', 'how to get rid of slugs in the garden', 'как избавиться от слизней в огороде'),
    ('kuras tomātu šķirnes labākas siltumnīcai', 'which tomato varieties suit a greenhouse', 'какие сорта помидоров лучше для теплицы'),
    ('ar ko barot kazas ziemā', 'what do goats eat in winter', 'чем кормить коз зимой'),
    ('kā pieradināt suni pie ķēdes', 'how do I train a puppy to walk on a lead', 'как приучить щенка к поводку'),
    ('kā nosiltināt vecu guļbūvi', 'how to insulate an old log house', 'как утеплить старый сруб'),
    ('kurš siltumsūknis labāks lauku mājai', 'which heat pump is best for a country house', 'какой тепловой насос лучше для дома в деревне'),
    # phones, computers
    ('kā pārsūtīt bildes no telefona uz datoru', 'how do I move photos from my phone to the computer', 'как перекинуть фото с телефона на компьютер'),
    ('kāpēc telefons ātri izlādējas un ko darīt', 'why does my phone battery drain so fast and what to do', 'почему телефон быстро разряжается и что делать'),
    ('kā atjaunot aizmirstu Smart-ID PIN', 'how to reset a forgotten Smart-ID PIN', 'как восстановить забытый PIN Smart-ID'),
    ('kā ielikt sludinājumu ss.lv', 'how do I post an advert on ss.lv', 'как подать объявление на ss.lv'),
    # recommendations
    ('iesaki labu jumiķi {a} apkārtnē', 'recommend a good roofer around {a}', 'посоветуйте хорошего кровельщика в районе {a}'),
    ('kur paēst garšīgi {l}', 'where to eat well in {a}', 'где вкусно поесть в {a}'),
    ('kāds labs serials vakaram?', 'any good series to watch tonight?', 'какой сериал посмотреть вечером?'),
    ('kur pie jūras var lēti pārnakšņot', 'where can we stay cheaply by the sea', 'где недорого переночевать у моря'),
    ('kurš internets laukos strādā labāk - LMT vai Tele2', 'which mobile internet works better in the countryside', 'какой мобильный интернет лучше в деревне - LMT или Tele2'),
]

# Questions on the project's topics that carry a complaint, a doubt or a problem word: still questions.
TOPIC = [
    ('kāpēc mūsu attīstības plānā ir tikai pasākumi un nekas par darbavietām?', 'why is our development plan only events and nothing about jobs?',
     'почему в нашем плане развития одни мероприятия и ничего о рабочих местах?'),
    ('vai biedrībai ir jēga, ja aktīvi ir tikai trīs cilvēki?', 'is an association worth it if only three people are active?',
     'есть ли смысл в biedrība, если активны только три человека?'),
    ('par ko runāja konferencē par lauku nākotni', 'what was the conference on rural futures about', 'о чём говорили на конференции о будущем села'),
    ('kāpēc LEADER projektiem tik daudz papīru, vai to var vienkāršot', 'why does LEADER need so much paperwork, can it be simpler',
     'почему у LEADER столько бумаг, можно ли проще'),
    ('mūsu projekts nedabūja punktus, kā nākamreiz uzrakstīt labāk', 'our project scored badly, how do we write the next one better',
     'наш projekts не набрал баллов, как написать следующий лучше'),
    ('cilvēki nenāk uz sapulcēm - kā viņus ieinteresēt', 'people skip the meetings - how do we get them interested',
     'люди не ходят на sapulce - как их заинтересовать'),
    ('vai vīzija nav tikai skaisti vārdi? kāpēc tā vajadzīga', 'is a vision not just nice words? why do we need one',
     'vīzija это не просто красивые слова? зачем она нужна'),
    ('jaunieši aizbrauc - ko par to saka viedo ciemu pieeja', 'young people leave - what does the smart village approach say about that',
     'молодёжь уезжает - что об этом говорит подход умных деревень'),
    ('vai kopienas enerģētika neatmaksājas mazam ciemam?', 'does a community energy scheme not pay off for a small village?',
     'не окупается ли энергетическая kopiena для маленькой деревни?'),
    ('kāpēc pašvaldība negrib sadarboties ar biedrību un kā to mainīt', 'why does the council not want to work with our association and how to change that',
     'почему pašvaldība не хочет работать с biedrība и как это изменить'),
    ('kādas bija galvenās domas Ādlera runā', 'what were the main points of the Adler talk', 'какие были главные мысли в выступлении Адлера'),
    ('stratēģija ir, bet neviens to nepilda. kā to iedzīvināt?', 'we have a strategy but nobody follows it. how do we bring it to life?',
     'стратегия есть, но никто её не выполняет. как её оживить?'),
    ('vai digitālās prasmes tiešām vajag vecākiem cilvēkiem, ja viņi negrib mācīties', 'do older people really need digital skills if they do not want to learn',
     'нужны ли пожилым цифровые навыки, если они не хотят учиться'),
    ('kāpēc viedi risinājumi nav tikai tehnoloģijas', 'why are smart solutions not only about technology', 'почему умные решения это не только технологии'),
    ('par ko bija runa semināra otrajā daļā', 'what was the second half of the seminar about', 'о чём была вторая часть семинара'),
    ('ko lektors domāja ar to, ka ciems pats ir risinājums', 'what did the speaker mean by the village itself being the solution', 'что имел в виду лектор, когда сказал, что деревня сама и есть решение'),
    ('kāda bija prezentācijas galvenā doma par lauku kopienām', 'what was the main message of the presentation on rural communities', 'какая главная мысль презентации о сельских общинах'),
    ('idejas tukšai pienotavas ēkai ciema centrā', 'ideas for an empty dairy building in the village centre', 'идеи для пустого здания молочной фермы в центре деревни'),
    ('kopienas projekti, ja ciemā palikuši tikai pensionāri', 'community projects when only pensioners are left in the village', 'проекты для общины, если в деревне остались одни пенсионеры'),
    ('stratēģija mazam ciemam - ar ko sākt un kas jāieraksta', 'a strategy for a small village - where to begin and what goes in it', 'стратегия для маленькой деревни - с чего начать и что туда писать'),
    ('vai ciema plānam jāsaskan ar novada attīstības programmu', "does a village plan have to match the county's development programme", 'должен ли план деревни совпадать с программой развития novads'),
    ('kāpēc mūsu ciema vīzija izklausās kā reklāma un kā to uzrakstīt godīgāk', 'why does our village vision sound like an advert and how do we write it more honestly',
     'почему наша vīzija звучит как реклама и как написать её честнее'),
    ('ko reāli dod EU ilgtermiņa redzējums laukiem parastam ciemam', 'what does the EU long-term rural vision actually give an ordinary village',
     'что реально даёт обычной деревне долгосрочное видение ЕС для сельских районов'),
    ('sociālais kapitāls vai nauda - kas projektam svarīgāks', 'social capital or money - which matters more for a project', 'социальный капитал или деньги - что важнее для проекта'),
    ('vai tā ir normāli, ka uz biedrības sapulci atnāk pieci cilvēki', 'is it normal that five people come to the association meeting', 'нормально ли, что на собрание biedrība приходят пять человек'),
    ('kā panākt, lai iedzīvotāji paši kaut ko dara, nevis gaida pagastu', 'how do we get residents to act themselves instead of waiting for the parish',
     'как сделать, чтобы жители сами что-то делали, а не ждали pagasts'),
    ('mūsu LEADER pieteikumu noraidīja - kur var uzzināt, kāpēc', 'our LEADER application was turned down - where can we find out why',
     'нашу заявку LEADER отклонили - где узнать почему'),
    ('vai viedais ciems nozīmē kameras un sensorus vai kaut ko citu', 'does smart village mean cameras and sensors or something else', 'умная деревня это камеры и датчики или что-то другое'),
    ('ciemā strīdas par vēja parku - kā par to runāt sapulcē mierīgi', 'the village argues about a wind farm - how do we discuss it calmly at a meeting',
     'в деревне спорят о ветряках - как спокойно обсудить это на sapulce'),
    ('kurš ciemā būtu jāiesaista, rakstot attīstības stratēģiju', 'who in the village should be involved in writing the development strategy',
     'кого в деревне нужно привлечь к написанию стратегии развития'),
    ('vai kopienas saules parkam vajag biedrību vai kooperatīvu', 'does a community solar park need an association or a cooperative', 'нужна ли для общинной солнечной станции biedrība или кооператив'),
    ('kas ir tā komforta zona, par ko runāja lektors', 'what is this comfort zone the speaker talked about', 'что за зона комфорта, о которой говорил лектор'),
    ('piemēri, kā citi ciemi atdzīvināja slēgtu skolu', 'examples of villages that brought a closed school back to life', 'примеры, как другие деревни оживили закрытую школу'),
    ('kāpēc pašvaldībai būtu jāuzklausa ciema biedrība', 'why should the municipality listen to the village association', 'почему pašvaldība должна прислушиваться к biedrība деревни'),
    ('ko nozīmē sociālais kapitāls un kāpēc bez tā nekas nenotiek', 'what is social capital and why does nothing happen without it',
     'что такое социальный капитал и почему без него ничего не получается'),
]

PROBLEMS_ASKING = [
    ('Kāpēc atkal nav ūdens visā ciemā?', 'Why is there no water in the whole village again?', 'Почему опять нет воды во всей деревне?'),
    ('Kas notiek ar apkuri? Radiatori auksti jau trešo dienu.', 'What is going on with the heating? Radiators cold for three days now.',
     'Что с отоплением? Батареи холодные уже третий день.'),
    ('kāpēc neviens nenoved atkritumus, konteineri pārpildīti', 'why has nobody taken the rubbish, the bins are overflowing',
     'почему никто не вывозит мусор, баки переполнены'),
    ('kurš salabos sasisto soliņu parkā?', 'who is going to fix the smashed bench in the park?', 'кто починит сломанную скамейку в парке?'),
    ('Cik ilgi vēl gaidīsim, kad nopļaus zāli kapos?', 'How long do we wait until someone mows the cemetery?', 'Сколько ещё ждать, пока скосят траву на кладбище?'),
    ('kāpēc pie veikala nav gaismas jau nedēļu?', 'why has the light by the shop been out for a week?', 'почему у магазина уже неделю нет света?'),
    ('kad pagasts notīrīs sniegu no trotuāra pie skolas?', 'when will the parish clear the snow off the pavement by the school?',
     'когда волость уберёт снег с тротуара у школы?'),
    ('vai tiešām neviens neredz, ka tilts brūk?', 'does really nobody see the bridge is falling apart?', 'неужели никто не видит, что мост разваливается?'),
    ('kāpēc internets katru vakaru pazūd', 'why does the internet drop out every evening', 'почему интернет пропадает каждый вечер'),
    ('kāpēc autobuss vairs neapstājas mūsu pieturā?', 'why does the bus not stop at our stop any more?', 'почему автобус больше не останавливается на нашей остановке?'),
    ('kad aizvāks nobraukto koku no ceļa?', 'when will someone move the fallen tree off the road?', 'когда уберут упавшее дерево с дороги?'),
    ('kāpēc no krāna nāk dzeltens ūdens?', 'why does yellow water come out of the tap?', 'почему из-под крана идёт жёлтая вода?'),
    ('vai kāds kaut ko darīs ar suņiem, kas uzbrūk gājējiem?', 'is anyone going to do something about the dogs going for walkers?',
     'кто-нибудь что-то сделает с собаками, которые кидаются на прохожих?'),
    ('kāpēc bērnu laukumā joprojām salauztas šūpoles?', 'why is the swing on the playground still broken?', 'почему на детской площадке до сих пор сломаны качели?'),
]

PROBLEMS_PLAIN = [
    ('Akā ūdens smird pēc sērūdeņraža.', 'The well water smells of rotten eggs.', 'Вода в колодце пахнет тухлыми яйцами.'),
    ('pludmalē pilns ar stikla lauskām', 'the beach is full of broken glass', 'на пляже полно битого стекла'),
    ('mežmalā izgāzta būvgruži', 'someone dumped building rubble at the forest edge', 'на опушке леса свалили строительный мусор'),
    ('pieturai izsists stikls', 'the glass of the bus shelter is smashed', 'на остановке выбито стекло'),
    ('tiltam izkritis margu posms', 'a piece of the bridge railing has fallen off', 'у моста выпал кусок перил'),
    ('vakaros pie skolas jaunieši dzer un trokšņo', 'teenagers drink and shout by the school every evening', 'по вечерам у школы подростки пьют и шумят'),
    ('strāva pazūd katru reizi, kad pūš vējš', 'the power goes whenever the wind blows', 'свет пропадает каждый раз, когда дует ветер'),
    ('ceļu izskaloja lietus, nevar izbraukt', 'the rain washed the road out, we cannot drive through', 'дорогу размыло дождём, не проехать'),
    ('upē peld beigtas zivis', 'dead fish are floating in the river', 'в реке плавает дохлая рыба'),
    ('ciemā nav neviena bankomāta', 'there is not a single cash machine in the village', 'в деревне нет ни одного банкомата'),
    ('kapos apgāzts žogs', 'the cemetery fence has fallen over', 'на кладбище повален забор'),
    ('kanalizācijas aka atvērta bez vāka', 'a manhole is open with no cover', 'открытый люк без крышки'),
    ('pensionāriem nav kur satikties, klubs slēgts', 'the pensioners have nowhere to meet since the club shut', 'пенсионерам негде собираться, клуб закрыт'),
    ('ceļa zīme nolūzusi un guļ grāvī', 'the road sign has snapped and lies in the ditch', 'дорожный знак сломан и лежит в канаве'),
    ('dīķis aizaudzis un smird', 'the pond is overgrown and stinks', 'пруд зарос и воняет'),
    ('kaimiņi dedzina lapas un viss ciems dūmos', 'the neighbours burn leaves and the whole village is in smoke', 'соседи жгут листья, вся деревня в дыму'),
    ('ledus uz kāpnēm pie pasta, cilvēki krīt', 'ice on the steps by the post office, people slip', 'лёд на ступеньках у почты, люди падают'),
    ('ūdensvads plīsis, ūdens tek pa ielu', 'a water main has burst, water runs down the street', 'прорвало водопровод, вода течёт по улице'),
    ('lauku cilvēkiem nav kur strādāt', 'there are no jobs for people out here', 'в деревне людям негде работать'),
    ('pa ciema ielu brauc ar ātrumu simts, bērni iet uz skolu', 'cars race through the village at a hundred, children walk to school here',
     'по улице деревни гоняют под сто, а дети ходят в школу'),
    ('no pagasta neviens neatbild uz e-pastiem jau mēnesi', 'nobody at the parish has answered emails for a month', 'из волости месяц никто не отвечает на письма'),
    ('pagasta mājaslapā nav neviena domes lēmuma kopš pavasara', "the parish website has had no council decisions since spring", 'на сайте волости нет решений думы с весны'),
    ('mobilais internets pie mums nevelk pat ziņas', 'mobile data here cannot even load a message', 'мобильный интернет у нас не тянет даже сообщения'),
    ('ciemā slēdza pēdējo veikalu', 'the last shop in the village has closed', 'в деревне закрыли последний магазин'),
    ('jaunās ģimenes aizbrauc, jo nav bērnudārza', 'young families leave because there is no kindergarten', 'молодые семьи уезжают, потому что нет детского сада'),
    ('kultūras namā sabrucis jumts, pasākumi atcelti', 'the culture house roof has caved in, events are cancelled', 'в доме культуры провалилась крыша, мероприятия отменены'),
    ('elektrības vadi nokāruši gandrīz līdz zemei', 'power lines are sagging almost to the ground', 'провода электричества провисли почти до земли'),
    ('apkures rēķins trīs reizes lielāks nekā pērn', 'the heating bill is three times last year', 'счёт за отопление в три раза больше, чем в прошлом году'),
    ('upē kāds izlej eļļu, ūdens varavīksnes krāsā', 'someone is pouring oil into the river, the water shines like a rainbow', 'кто-то сливает масло в реку, вода переливается радугой'),
    ('pie ezera izcirsts viss krasta mežs', 'the whole lakeside forest has been cut down', 'у озера вырубили весь прибрежный лес'),
    ('vecajā fermā naktīs klīst svešinieki', 'strangers wander about the old farm at night', 'на старой ферме по ночам бродят чужие'),
    ('ambulancē ārsts pieņem tikai reizi divās nedēļās', 'the doctor at the clinic sees people only once a fortnight', 'в амбулатории врач принимает только раз в две недели'),
    ('skolēnu autobuss no rīta neatbrauca', 'the school bus did not come this morning', 'школьный автобус утром не пришёл'),
    ('pieturai nav jumta, lietū jāstāv slapjiem', 'the bus stop has no roof, we get soaked in the rain', 'у остановки нет крыши, под дождём стоим мокрые'),
    ('iedzīvotājus neviens neaicina uz budžeta apspriešanu', 'nobody invites residents to discuss the budget', 'жителей никто не зовёт обсуждать бюджет'),
    ('senioriem nav neviena, kas palīdzētu ar e-pakalpojumiem', 'the elderly have nobody to help them with online services', 'пожилым некому помочь с e-pakalpojumi'),
    ('ielas lampas deg visu dienu, bet naktī tumsa', 'the street lamps are on all day and dark all night', 'фонари горят весь день, а ночью темно'),
    ('krustojumā nav redzamības, krūmi aizauguši', 'you cannot see at the crossroads, the bushes have grown over', 'на перекрёстке ничего не видно, кусты заросли'),
    ('mežacūkas izraka visu kapsētu', 'wild boar dug up the whole cemetery', 'кабаны перерыли всё кладбище'),
]

# Latvian words residents keep inside Russian: a Russian text with them is still read in Russian.
RU_LV = {'волость': 'pagasts', 'волости': 'pagastā', 'думы': 'domes', 'дума': 'dome', 'справку': 'izziņu', 'заявление': 'iesniegumu',
         'автобус': 'autobuss', 'остановке': 'pieturā', 'магазина': 'veikala', 'школы': 'skolas'}

CONTEXT = {
    'lv': ['Jautājums:', 'Nezinu, kam vēl prasīt.', 'Varbūt zini?', 'Atvainojos par traucējumu.', 'Man tāds jautājums.', 'Gribu pajautāt.'],
    'en': ['Quick question:', 'No idea who else to ask.', 'Maybe you know?', 'Sorry to bother.', 'Got a question.', 'Wanted to ask.'],
    'ru': ['Вопрос:', 'Не знаю, кого ещё спросить.', 'Может, знаете?', 'Извините за беспокойство.', 'У меня вопрос.', 'Хотел уточнить.'],
}


def fold(s):
    return ''.join(c for c in unicodedata.normalize('NFD', s) if unicodedata.category(c) != 'Mn').lower()


def towns(text, lang):
    i, j = rng.sample(range(len(TOWNS_EN)), 2)
    if lang == 'lv':
        return text.replace('{a}', TOWNS_LV[i]).replace('{n}', TOWNS_LV_NOM[i]).replace('{l}', TOWNS_LV_IN[i]).replace('{b}', TOWNS_LV_TO[j])
    return text.replace('{a}', TOWNS_EN[i]).replace('{b}', TOWNS_EN[j])


def with_lv_words(text):
    """Some Russian texts get a Latvian word instead of a Russian one, as residents type them."""
    for ru, lv in RU_LV.items():
        if ru in text and rng.random() < 0.6:
            return text.replace(ru, lv, 1)
    return text


def variants(text, lang, question):
    text = towns(text, lang)
    if lang == 'lv' and rng.random() < 0.5:
        text = fold(text)
    if lang == 'ru':
        text = with_lv_words(text)
    out = [text]
    if question:
        roll = rng.random()
        if roll < 0.35:
            out.append(text.rstrip('?') + ('' if text.endswith('?') else '?'))
        elif roll < 0.55:
            out.append(rng.choice(CONTEXT[lang]) + ' ' + text)
    return out


def write(name, rows):
    with open(os.path.join(root, 'data', 'intent', name), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    print(len(rows), name)


def collect(table, question):
    rows, seen = [], set()
    for triple in table:
        for lang, text in zip(('lv', 'en', 'ru'), triple):
            for t in variants(text, lang, question):
                if t not in seen:
                    seen.add(t)
                    rows.append({'text': t, 'lang': lang})
    return rows


write('question.daily.jsonl', collect(DAILY + TOPIC, True))
write('problem.asking.jsonl', collect(PROBLEMS_ASKING + PROBLEMS_PLAIN, False))
