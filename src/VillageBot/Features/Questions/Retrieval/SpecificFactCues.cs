using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>
/// Signs that a question asks for a local, current fact — when, what time, how much it costs, who won, today, this
/// year, a number, a place's name — which the knowledge base (practice, not news) cannot hold, even when the question
/// uses the domain's words ("when is our biedrība's meeting this year?").
/// </summary>
public static class SpecificFactCues
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Latvian (folded)
        "cikos", "maksa", "cena", "cenas", "sodien", "rit", "vakar", "sogad", "sonedel", "termins", "atverts", "atvert", "strada",
        "laikapstakli", "uzvareja", "telefons", "telefona", "talrunis", "adrese", "saraksts", "maksas", "maksat",
        "apstiprinats", "apstiprinaja", "sanema", "dabuja", "pieskirts",
        "sobrid", "pern", "nakamgad", "pagajusaja", "pagajusajam", "sovakar", "sorit", "pulkstenis",
        "cenu", "datums", "datuma", "e-pasts", "e-pasta", "epasts", "nopirkt", "pirkt", "lets", "letu", "leti",
        "pirmdien", "otrdien", "tresdien", "ceturtdien", "piektdien", "sestdien", "svetdien",
        "datumam", "datumu", "somenes", "soruden", "sopavasar", "sovasar", "soziem", "reitinga", "reitings", "ranzejuma", "ranzejums",
        "darbalaiks", "grafiks", "grafiku",
        "cept", "izcept", "iecept", "cepu", "cepsim", "pagatavot", "pagatavo", "varit", "izvarit", "hokejs", "hokeja", "hokeju",
        "futbols", "futbola", "basketbols", "basketbola", "salna", "salnas", "lietus", "sniegs", "stadit", "iestadit", "skirne", "skirni",
        // English
        "today", "tomorrow", "yesterday", "tonight", "price", "cost", "costs", "open", "deadline", "weather", "won", "score",
        "timetable", "schedule", "address", "approved", "received", "got", "year's", "o'clock", "currently", "tonight's",
        "date", "e-mail", "email", "buy", "cheap", "cheapest", "ranking", "ranked",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend",
        "bake", "baking", "cook", "cooking", "roast", "fry", "hockey", "football", "basketball", "match", "forecast", "rain", "snow",
        "plant", "planting", "sow",
        // Russian (folded)
        "сегодня", "завтра", "вчера", "цена", "открыт", "открыта", "погода", "телефон", "адрес", "расписание",
        "выиграл", "срок", "получила", "получил", "одобрили", "номер", "телефона", "прошлом",
        "дата", "числа", "почта", "почты", "имейл", "купить", "дешево", "недорого", "рейтинге", "рейтинг", "баллов",
        "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье", "выходных",
        "испечь", "приготовить", "сварить", "пожарить", "запечь", "хоккей", "хоккея", "футбол", "футбола", "матч", "прогноз", "дождь", "снег",
        "посадить", "сажать",
    };

    /// <summary>Words that ask for an amount, a count, a date or a person when they open a sentence or a clause.</summary>
    private static readonly HashSet<string> AsksForAFact = new(StringComparer.Ordinal)
    {
        "cik", "cikos", "kad", "kurs", "kura", "kuru", "kuram", "kurai", "kads", "kada", "kadu",
        "many", "much", "when", "who", "whom", "whose", "which",
        "сколько", "скольки", "когда", "кто", "кого", "кому", "чей", "какой", "какая", "какое", "какого", "какую",
    };

    /// <summary>Words skipped before a clause's asking word: "and for how much", "līdz kuram datumam", "до какого числа".</summary>
    private static readonly HashSet<string> Lead = new(StringComparer.Ordinal)
    {
        "un", "lidz", "par", "no", "uz", "ar", "and", "but", "for", "on", "at", "until", "by", "to", "in", "и", "а", "но", "до", "на", "в", "по", "с", "за",
    };

    /// <summary>Words that make a question about a place's own things: ours.</summary>
    private static readonly HashSet<string> Ours = new(StringComparer.Ordinal)
    {
        "musu", "mums", "our", "нас", "наш", "наша", "наше", "нашего", "нашей", "нашем", "нашу", "наши", "наших", "нашим",
    };

    /// <summary>Words that tie a question to one moment: currently, last year, not yet.</summary>
    private static readonly HashSet<string> Moments = new(StringComparer.Ordinal)
    {
        "sobrid", "paslaik", "patlaban", "pasreiz", "pern", "sogad", "nakamgad", "joprojam", "currently", "yet", "ago",
        "sodien", "somenes", "soruden", "sopavasar", "sovasar", "soziem", "sonedel", "sovakar", "tonight", "today", "сегодня", "нынешний",
        "rit", "vakar", "tomorrow", "yesterday", "завтра", "вчера", "vakardienas", "sodienas", "ritdienas", "вчерашнем", "вчерашнее", "завтрашнее", "завтрашнем", "сегодняшнее", "сегодняшнем",
        "pirmdien", "otrdien", "tresdien", "ceturtdien", "piektdien", "sestdien", "svetdien", "pirmdienas", "otrdienas", "tresdienas",
        "ceturtdienas", "piektdienas", "sestdienas", "svetdienas", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье",
    };

    /// <summary>
    /// A word that asks what one should or may do, not what will happen: "when should I call my meeting?", "kad man
    /// jāsasauc mana sapulce?", "until what age can young people join?", "когда мне лучше…" (a Latvian debitive "jā-"
    /// verb too, but not "janvāris", "january", "jauns", "jautājums"): advice asked (<see cref="AskForAdvice"/>) or what one
    /// must or may do.
    /// </summary>
    private static bool Advises(string word) =>
        AskForAdvice.Contains(word)
        || word is "must" or "need" or "have" or "has" or "can" or "could" or "may" or "var" or "vajag" or "drikst"
            or "можно" or "может" or "могу" or "можем" or "должен" or "должна" or "должно" or "должны"
        || word.Length >= 6 && word.StartsWith("ja", StringComparison.Ordinal) && !word.StartsWith("jaut", StringComparison.Ordinal)
            && !word.StartsWith("jaun", StringComparison.Ordinal) && !word.StartsWith("janv", StringComparison.Ordinal) && !word.StartsWith("janu", StringComparison.Ordinal);

    /// <summary>
    /// The clauses that ask: the last clause of each sentence ending with "?" ("When my application is rejected, what
    /// should I do?" asks "what should I do"), or of the whole text when nothing ends with one.
    /// </summary>
    private static IEnumerable<List<string>> AskingClauses(string question)
    {
        var sentences = question.Split(['.', '!', '\n'], StringSplitOptions.RemoveEmptyEntries).SelectMany(s => s.Split('?').SkipLast(1)).ToList();
        foreach (var sentence in sentences.Count > 0 ? sentences : [question])
        {
            if (Clauses(sentence).LastOrDefault() is { Count: > 0 } last)
            {
                yield return last;
            }
        }
    }

    /// <summary>
    /// After "until" at a clause's start, a deadline asked for: "līdz kuram (datumam)", "until when", "до когда"; "until
    /// what date", "до какого числа" with a word of a date (<see cref="Dates"/>) after it, not "until what age".
    /// </summary>
    private static readonly HashSet<string> Until = new(StringComparer.Ordinal) { "kuram", "kurai", "kad", "kadam", "when", "когда", "скольки" };

    /// <summary>"What", "which" before a date's word after "until": "until what date", "до какого числа".</summary>
    private static readonly HashSet<string> WhichDate = new(StringComparer.Ordinal) { "what", "which", "kura", "kuram", "kada", "kadam", "какого", "какой", "какое" };

    /// <summary>Words that ask what is best to do, not what will happen: "is it better to hold it this autumn?", "until when should we keep the papers?".</summary>
    private static readonly HashSet<string> AskForAdvice = new(StringComparer.Ordinal)
    {
        "should", "better", "best", "labak", "vajadzetu", "ieteicams", "лучше", "стоит", "следует", "нужно", "надо",
    };

    /// <summary>"Next" before a meeting, a call or a seminar: a date in someone's calendar ("when is the next board meeting?").</summary>
    private static readonly HashSet<string> Next = new(StringComparer.Ordinal)
    {
        "nakama", "nakamo", "nakamais", "nakamaja", "nakosa", "nakoso", "nakosais", "nakosaja", "next", "upcoming",
        "следующее", "следующая", "следующий", "следующего", "следующей", "следующем", "следующую", "ближайшее", "ближайшая", "ближайший", "ближайшей",
    };

    /// <summary>
    /// "Last" or "previous" before a meeting or a call: with a question of how many, who or when, one event that
    /// happened ("сколько людей пришло на последнее собрание?"), not the practice of meetings.
    /// </summary>
    private static readonly HashSet<string> Last = new(StringComparer.Ordinal)
    {
        "pedeja", "pedejo", "pedejaja", "pedejas", "pedejais", "ieprieksejo", "ieprieksejaja", "iepriekseja", "pagajuso", "pagajusaja",
        "last", "previous", "latest",
        "последнее", "последняя", "последний", "последнем", "последней", "последнюю", "последнего",
        "прошлое", "прошлая", "прошлый", "прошлом", "прошлой", "прошлую", "прошлого", "предыдущее", "предыдущем", "предыдущей", "предыдущую",
    };

    private static readonly HashSet<string> Events = new(StringComparer.Ordinal)
    {
        "sapulce", "sapulci", "sapulces", "sede", "sedi", "sedes", "sanaksme", "sanaksmi", "karta", "kartu", "konkurss", "konkursu",
        "tiksanas", "tiksanos", "seminars", "seminaru", "pieteiksanas", "apmaciba", "apmacibas", "apmacibu", "kursi", "kursu", "nodarbiba", "nodarbibas",
        "meeting", "session", "call", "round", "gathering", "seminar", "deadline", "vote", "training", "course", "class", "workshop",
        "собрание", "собрания", "заседание", "заседания", "встреча", "встречу", "прием", "приём", "семинар", "конкурс", "раунд",
        "курсы", "курсов", "курсах", "курсе", "занятие", "занятия", "занятиях", "обучение", "тренинг", "собрании", "заседании", "встрече", "семинаре",
    };

    /// <summary>
    /// A decision or outcome that has happened: granted, got, rejected, scored, elected (folded; in English only forms
    /// that are never the present, the others need "was", "were", "did" or "been" in the clause — "if our project is
    /// rejected" asks what to do, "why was it rejected" asks what happened).
    /// </summary>
    private static readonly HashSet<string> Outcomes = new(StringComparer.Ordinal)
    {
        "pieskira", "pieskiris", "iedalija", "dabuja", "sanema", "ieguva", "noraidija", "apstiprinaja", "atbalstija", "uzvareja",
        "iesniedza", "ieveleja", "uzstadija", "pievienojas", "izvelejas",
        "got", "received", "won", "scored", "joined",
        "получил", "получила", "получили", "получило", "выделил", "выделила", "выделило", "выделили", "отклонил", "отклонила",
        "отклонили", "одобрил", "одобрила", "одобрили", "набрал", "набрала", "набрали", "занял", "заняла", "заняли", "выиграл",
        "выиграла", "победил", "победила", "выбрали", "ставила", "ставил", "ставили", "присоединилось", "присоединились",
        "вступило", "вступили", "сдало", "сдал", "сдала", "подали", "подала", "подключилось", "подключились", "подключился", "подключили",
    };

    /// <summary>"What date", "which day", "kurā datumā", "какого числа": a question for a date whatever its first word.</summary>
    private static readonly HashSet<string> Dates = new(StringComparer.Ordinal)
    {
        "date", "day", "time", "datuma", "datumam", "diena", "dienu", "числа", "число", "день", "дату",
    };

    private static readonly HashSet<string> OutcomesAfterWas = new(StringComparer.Ordinal)
    {
        "awarded", "granted", "rejected", "approved", "elected", "installed", "funded", "chosen", "selected", "submitted", "turned", "get", "give", "gave", "decide",
        "pick", "picked", "choose", "select", "accept", "accepted",
    };

    private static readonly HashSet<string> Was = new(StringComparer.Ordinal) { "was", "were", "did", "been" };

    /// <summary>My own: with an outcome, a fact about one person's case ("why was my application rejected?").</summary>
    private static readonly HashSet<string> Mine = new(StringComparer.Ordinal)
    {
        "mans", "mana", "manu", "manam", "manas", "manai", "my", "мой", "моя", "мою", "моего", "моей", "моё", "мое",
    };

    /// <summary>"Now" ties a question asking how many or who to the present ("сколько человек сейчас…"), not a question on what to do.</summary>
    private static readonly HashSet<string> Now = new(StringComparer.Ordinal) { "tagad", "now", "сейчас", "нынче" };

    /// <summary>"Last", "next" or "this" is a moment only before a stretch of time: "at our last meeting" is context, "last month" a date.</summary>
    private static readonly HashSet<string> Which = new(StringComparer.Ordinal)
    {
        "pagajusaja", "nakamaja", "saja", "so", "last", "next", "this", "past", "прошлом", "прошлый", "следующем", "следующий", "этом", "этой", "этот", "эту",
    };

    private static readonly HashSet<string> Stretches = new(StringComparer.Ordinal)
    {
        "gada", "gadu", "menesi", "menesa", "nedela", "nedelu", "pavasar", "pavasari", "vasar", "rudeni", "ziema", "karta",
        "year", "month", "week", "spring", "summer", "autumn", "winter", "round", "call", "semester", "semestri", "semestra",
        "году", "месяце", "месяц", "неделе", "неделю", "раунде", "семестре", "сезоне",
    };

    /// <summary>
    /// True when the question asks how many, how much, when or who about its own place, a moment, a name the articles
    /// never use or a number ("how many members does our energy community have?", "kad mūsu biedrības sapulce?"), or
    /// asks about its own things at a moment ("has our application been approved yet?"): a fact no article on
    /// practice holds, however well its other words match one.
    /// </summary>
    public static bool AsksForALocalFact(string question, bool unknownName)
    {
        var asks = false;
        var outcome = false;
        var oneEvent = false;
        var deadline = false;
        var eventAtAMoment = false;
        var words = new List<string>();
        foreach (var clauseWords in Clauses(question))
        {
            var advice = clauseWords.Any(AskForAdvice.Contains);
            deadline |= clauseWords.Count > 1 && clauseWords[0] is "lidz" or "until" or "till" or "до" && !advice
                && (Until.Contains(clauseWords[1]) || clauseWords.Count > 2 && WhichDate.Contains(clauseWords[1]) && Dates.Contains(clauseWords[2]));
            eventAtAMoment |= AsksYesOrNo(clauseWords) && clauseWords.Any(Events.Contains) && !advice
                && (clauseWords.Any(Moments.Contains) || NamesAStretchOfTime(clauseWords));
            asks |= OpensByAsking(clauseWords)
                || clauseWords.SkipWhile(Lead.Contains).Take(3).Zip(clauseWords.SkipWhile(Lead.Contains).Skip(1).Take(3)).Any(p => p.First is "what" or "which" or "kura" or "kada" or "какого" or "какой" && Dates.Contains(p.Second));
            outcome |= TellsAnOutcome(clauseWords);
            oneEvent |= clauseWords.Select((w, i) => (Next.Contains(w) || Last.Contains(w)) && clauseWords.Skip(i + 1).Take(4).Any(Events.Contains)).Any(b => b);
            words.AddRange(clauseWords);
        }

        // "When will my grant be paid?" asks about one's own case; "When my application is rejected, what do I do?" does not.
        var mineWhen = AskingClauses(question).Any(c => c.SkipWhile(Lead.Contains).FirstOrDefault() is "kad" or "when" or "когда" && c.Any(Mine.Contains) && !c.Any(Advises));
        var ours = words.Any(Ours.Contains);
        var moment = words.Any(Moments.Contains) || NamesAStretchOfTime(words);
        var digits = words.Any(w => w.Any(char.IsDigit));
        return mineWhen || eventAtAMoment || deadline
            || asks && (ours || moment || unknownName || oneEvent || words.Any(Now.Contains) || digits)
            || ours && moment
            || outcome && (ours || unknownName || digits || moment || words.Any(Mine.Contains))
            || digits && (ours || unknownName) && words.Any(w => w.Length == 4 && w.StartsWith("20", StringComparison.Ordinal));
    }

    /// <summary>
    /// "Am I owed", "vai man pienākas", "положено ли мне": one person's entitlement, a matter for the office that knows
    /// their case, never for an article on practice.
    /// </summary>
    private static readonly HashSet<string> Entitled = new(StringComparer.Ordinal)
    {
        "pienakas", "pienaksies", "pienacas", "owed", "entitled", "eligible", "qualify", "refund", "atmaksu", "положено", "положена", "положен", "полагается", "полагаются", "возврат",
    };

    private static readonly HashSet<string> Me = new(StringComparer.Ordinal)
    {
        "man", "es", "mans", "mana", "manu", "i", "me", "my", "i'm", "мне", "я", "мой", "моя", "мою", "меня",
    };

    /// <summary>A recipe (in Latvian also a prescription): a kitchen's or a doctor's matter.</summary>
    private static readonly HashSet<string> Recipes = new(StringComparer.Ordinal)
    {
        "recepte", "recepti", "receptes", "recepsu", "recipe", "recipes", "рецепт", "рецепта", "рецепты", "рецептик",
    };

    /// <summary>
    /// A question about one person's own affairs, a place's own present state or a named person — an entitlement ("am I
    /// owed a refund?"), money already paid to me, how many or who "we" have now ("how many members does our biedrība
    /// have right now?"), a recipe or a prescription, a person named in full ("Do you know Anna Ozola from Skrunda?",
    /// when one of the names is one the articles never use (<paramref name="unknownNames"/>)): however many of its
    /// other words an article shares, no article on practice answers it.
    /// </summary>
    public static bool AsksAboutAPrivateMatter(string question, int unknownNames)
    {
        var words = Folding.FoldedWords(question).ToList();
        return words.Any(Entitled.Contains) && words.Any(Me.Contains)
            || words.Any(Recipes.Contains)
            || words.Any(Already.Contains) && words.Any(Ours.Contains) && Clauses(question).Any(TellsAnOutcome)
            || words.Any(Already.Contains) && words.Any(w => Me.Contains(w) || Mine.Contains(w)) && words.Any(Paid.Contains)
            || words.Any(Ours.Contains) && words.Any(w => Now.Contains(w) || Already.Contains(w) || Current.Contains(w)) && Clauses(question).Any(OpensByAsking)
            || Clauses(question).Any(c => AsksYesOrNo(c) && c.Any(Ours.Contains) && c.Any(Already.Contains))
            || unknownNames >= 1 && NamesAPerson(question);
    }

    /// <summary>Money paid or transferred: "has LAD already paid me?", "LAD уже перевела мне деньги?".</summary>
    private static readonly HashSet<string> Paid = new(StringComparer.Ordinal)
    {
        "parskaitija", "izmaksaja", "samaksaja", "paid", "transferred", "перевела", "перевели", "перевел", "выплатили", "выплатила", "заплатили", "заплатила",
    };

    /// <summary>The present state of things: with "ours" and how many, when or who, a count only the place itself knows.</summary>
    private static readonly HashSet<string> Current = new(StringComparer.Ordinal)
    {
        "sobrid", "paslaik", "patlaban", "current", "currently", "текущий", "текущего", "текущем", "нынешний", "нынешнего",
    };

    /// <summary>"Already" or "yet" with a decision of our own: whether something of ours has happened ("vai mūsu biedrība jau iesniedza…?").</summary>
    private static readonly HashSet<string> Already = new(StringComparer.Ordinal) { "jau", "already", "yet", "уже" };

    /// <summary>Two words in a row written with a capital inside a sentence: a first name and a surname, or a person and their place.</summary>
    private static bool NamesAPerson(string question) =>
        Capitalised(question).Zip(Capitalised(question).Skip(1)).Any(p => p.First.Name && p.Second.Name && p.Second.NextToPrevious);

    /// <summary>True when a sentence or clause opens by asking how many, how much, when, who or which ("kad iet autobuss", "and for how much").</summary>
    public static bool AsksHowMuchWhenOrWho(string question) => Clauses(question).Any(OpensByAsking);

    /// <summary>The question's clauses (split at sentence ends, commas, dashes and brackets), each as its folded words.</summary>
    private static IEnumerable<List<string>> Clauses(string question) =>
        question.Split(['.', '!', '?', '\n', ',', ';', ':', '-', '—', '–', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(clause => Folding.FoldedWords(clause).Select(WithoutPossessive).ToList());

    /// <summary>The clause opens (after "and", "but", "so"…) by asking how many, how much, when, who or which.</summary>
    private static bool OpensByAsking(List<string> clause) =>
        clause.SkipWhile(Lead.Contains).Take(2).Any(AsksForAFact.Contains)
        || clause.Zip(clause.Skip(1)).Any(p => Joins.Contains(p.First) && p.Second is "kad" or "cik" or "cikos" or "when" or "когда" or "сколько" or "скольки");

    /// <summary>
    /// "And" or "but" that opens a second question for a date or a count inside a sentence: "…vēl turpinās un kad būs
    /// nākamā apmācība?" ("…and who should write it?" asks about practice as often).
    /// </summary>
    private static readonly HashSet<string> Joins = new(StringComparer.Ordinal) { "un", "bet", "and", "but", "и", "а", "но" };

    /// <summary>A clause that asks yes or no ("vai mūsu … jau…", "is our … already…", "наш … уже … ли"); with "ours" and "already" in it, whether a thing of ours has happened.</summary>
    private static bool AsksYesOrNo(List<string> clause) =>
        clause.SkipWhile(Lead.Contains).FirstOrDefault() is "vai" or "is" or "are" or "does" or "do" or "has" or "have" or "did" or "was" or "were"
        || clause.Contains("ли");

    /// <summary>A decision or outcome that happened ("approved", "was it granted"; see <see cref="Outcomes"/>).</summary>
    private static bool TellsAnOutcome(List<string> clause) => clause.Any(Outcomes.Contains) || clause.Any(Was.Contains) && clause.Any(OutcomesAfterWas.Contains);

    /// <summary>"Tuesday's meeting" is a Tuesday.</summary>
    private static string WithoutPossessive(string word) => word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;

    /// <summary>"Last month", "nākamajā mēnesī", "в этом году": a date, not a topic.</summary>
    private static bool NamesAStretchOfTime(List<string> words) =>
        words.Zip(words.Skip(1)).Any(p => Which.Contains(p.First) && Stretches.Contains(p.Second));

    /// <summary>
    /// Words written with a capital inside a sentence, not in capitals throughout (so not "LEADER" or "ENRD"): names
    /// of people and places. A name the articles never use is a sign of a local fact ("who chairs the Ozolmuiža
    /// association?"). Lower-cased, as <see cref="Folding.Words"/> gives them.
    /// </summary>
    public static HashSet<string> Names(string question) =>
        new(Capitalised(question).Where(w => w.Name).Select(w => w.Word.ToLowerInvariant()), StringComparer.Ordinal);

    /// <summary>
    /// The question's words, each with whether it is written with a capital inside a sentence (not in capitals throughout)
    /// and whether only a space separates it from the word before.
    /// </summary>
    private static IEnumerable<(string Word, bool Name, bool NextToPrevious)> Capitalised(string question)
    {
        var sentenceStart = true;
        var spaceOnly = false;
        var i = 0;
        while (i < question.Length)
        {
            if (char.IsLetter(question[i]))
            {
                var start = i;
                while (i < question.Length && (char.IsLetter(question[i]) || question[i] is '-' or '\''))
                {
                    i++;
                }

                var word = question[start..i];
                yield return (word, !sentenceStart && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower), spaceOnly);
                sentenceStart = false;
                spaceOnly = true;
            }
            else
            {
                sentenceStart |= question[i] is '.' or '!' or '?' or '\n' or ':' or '"' or '«' or '„' or '“' or '(' or '-' or '—' or '–';
                spaceOnly &= question[i] == ' ';
                i++;
            }
        }
    }

    /// <summary>
    /// "When" asks for a date only when it opens a sentence ("Kad ir sapulce?"); inside one it is a conjunction ("what
    /// to do when…", "ko darīt, kad…"). "Стоит" is a price unless it means "is it worth" ("стоит ли…").
    /// </summary>
    private static readonly HashSet<string> AtSentenceStart = new(StringComparer.Ordinal) { "kad", "when", "когда" };

    public static int Count(string question)
    {
        var count = 0;
        foreach (var sentence in question.Split(['.', '!', '?', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var words = Folding.Words(sentence).Select(Folding.Fold).Select(WithoutPossessive).ToList();
            count += NamesAStretchOfTime(words) ? 1 : 0;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (Words.Contains(word)
                    || i + 1 < words.Count && (word, words[i + 1]) is ("darba", "laiks") or ("opening" or "working", "hours") or ("часы", "работы")
                    || i == 0 && AtSentenceStart.Contains(word)
                    || word == "стоит" && (i + 1 == words.Count || words[i + 1] != "ли")
                    || word.Any(char.IsDigit) && !word.StartsWith("20", StringComparison.Ordinal))
                {
                    count++;
                }
            }
        }

        return count;
    }
}
