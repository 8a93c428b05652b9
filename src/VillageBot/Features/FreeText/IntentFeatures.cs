using VillageBot.Infrastructure.Text;
using Microsoft.ML.Data;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Features.FreeText;

/// <summary>One text as the intent model sees it.</summary>
public sealed class IntentInput
{
    public string Label { get; set; } = "";

    /// <summary>The folded words ("Kāpēc nedeg lampas?" → "kapec nedeg lampas").</summary>
    public string Folded { get; set; } = "";

    [VectorType(IntentFeatures.CueCount)]
    public float[] Cues { get; set; } = [];

    public float Weight { get; set; } = 1;
}

/// <summary>
/// Folding and the cues: a question mark (anywhere; closing the last sentence, which carries the intent of a question
/// that opens with a complaint: "Our meetings go nowhere. What helps?"), a question word leading the text, the last
/// sentence or any clause, a question word closing a topic typed first ("energokopiena kā sākt"), the length, no letters
/// at all (an emoji). They are features with learnt weights, not
/// rules: "Kāpēc atkal nedeg lampas?" has question cues and is still a problem.
/// </summary>
public static class IntentFeatures
{
    public const int CueCount = 9;

    /// <summary>What a text is shows in its first sentences; past this a long text adds cost and noise, not intent.</summary>
    public const int MaxChars = 400;

    private static readonly HashSet<string> QuestionWords =
    [
        "kas", "ka", "kur", "kad", "kapec", "kadel", "kads", "kada", "kadi", "kadas", "kadu", "vai", "cik", "cikos", "kurs", "kura", "kuri", "ko", "kuru", "kurp",
        "what", "how", "why", "when", "where", "who", "whom", "whose", "which", "can", "could", "is", "are", "do", "does", "did", "will",
        "should", "whats", "whos", "hows", "any", "would",
        "what's", "who's", "how's", "where's", "when's", "what’s", "who’s", "how’s", "where’s", "when’s",
        "что", "как", "почему", "зачем", "когда", "где", "кто", "какои", "какой", "какая", "какие", "какое", "какого", "какую", "каков", "можно", "сколько",
        "скольки", "чем", "ли", "куда", "откуда", "стоит",

        // Requests ask as well: "iesaki labu meistaru", "explain it simply", "подскажите, где…".
        "pastasti", "pastastiet", "paskaidro", "paskaidrojiet", "izskaidro", "izskaidrojiet", "iesaki", "iesakiet", "iedod", "pasaki", "sakiet", "palidziet", "paradi", "pasakiet", "nosauc", "nosauciet", "uzskaiti", "uzskaitiet", "apraksti", "aprakstiet", "paradiet",
        "explain", "tell", "give", "recommend", "suggest", "describe", "show", "help",
        "расскажи", "расскажите", "объясни", "объясните", "подскажи", "подскажите", "посоветуй", "посоветуйте", "скажи", "скажите", "дай", "дайте", "приведи", "приведите", "назови", "назовите", "перечисли", "перечислите", "опиши", "опишите", "покажи", "покажите",
    ];

    /// <summary>Question words that lead a question even inside a sentence ("…, kā lai…", "…, so how do we…"); "kas", "who", "что" also join relative clauses.</summary>
    private static readonly HashSet<string> ClauseLeaders =
    [
        "kapec", "kadel", "kur", "kad", "cik", "cikos", "kads", "kada", "kadi", "kadas", "kadu",
        "how", "why", "where", "when", "what", "whats", "which", "what's", "what’s", "where's", "where’s",
        "как", "почему", "зачем", "где", "когда", "сколько", "скольки", "какои", "какой", "какая", "какие", "какое", "куда",
    ];

    public static IntentInput Of(string text, string? label = null, float weight = 1)
    {
        text = text.Length > MaxChars ? text[..MaxChars] : text;
        var words = Words(text);
        var sentences = Sentences(text);
        var lastWords = Words(Asking(sentences));
        var letters = text.Count(char.IsLetter);
        return new IntentInput
        {
            Label = label ?? "",
            Folded = string.Join(' ', words),
            Cues =
            [
                text.Contains('?', StringComparison.Ordinal) ? 1 : 0,
                LeadsWithAQuestionWord(words) ? 1 : 0,
                MathF.Log(1 + words.Count) / 3,
                words.Count <= 2 ? 1 : 0,
                letters == 0 ? 1 : 0,
                sentences.Count > 0 && sentences[^1].EndsWith('?') ? 1 : 0,
                LeadsWithAQuestionWord(lastWords) ? 1 : 0,
                AsksInside(text, sentences) ? 1 : 0,
                AsksAtTheEnd(words) ? 1 : 0,
            ],
            Weight = weight,
        };
    }

    /// <summary>The sentence that carries the intent: the last one with a "?", else the last one.</summary>
    public static string AskingSentence(string text) => Asking(Sentences(text.Length > MaxChars ? text[..MaxChars] : text));

    private static string Asking(List<string> sentences) => sentences.LastOrDefault(s => s.EndsWith('?')) ?? sentences.LastOrDefault() ?? "";

    /// <summary>True when the text asks: a "?", or a sentence or clause led by a question word.</summary>
    public static bool Asks(string text)
    {
        text = text.Length > MaxChars ? text[..MaxChars] : text;
        return text.Contains('?', StringComparison.Ordinal) || AsksInside(text, Sentences(text)) || OpensWithAPrepositionalQuestion(Words(text));
    }

    /// <summary>
    /// A question word after a preposition the model's cue does not know: "par ko bija…", "о чём был…", "с кем
    /// говорить…", "about what…". Only for the evidence (<see cref="KnowledgeEvidence"/>), which still needs an article, an
    /// everyday matter or one of the project's concepts: as a cue of the model it moved many texts either way on dev.
    /// </summary>
    private static bool OpensWithAPrepositionalQuestion(List<string> words) =>
        words.Count > 2 && words[0] is "par" or "ar" or "о" or "об" or "обо" or "про" or "с" or "за" or "about" or "with"
        && words[1] is "ko" or "kuru" or "kam" or "чем" or "чём" or "ком" or "кем" or "кого" or "что" or "what" or "whom";

    /// <summary>Some sentence starts with a question word, or some clause with an unambiguous one ("kā lai", "how", "как").</summary>
    private static bool AsksInside(string text, List<string> sentences) =>
        sentences.Select(Words).Any(s => s.Count > 1 && LeadsWithAQuestionWord(s))
        || Clauses(text).Any(c => c.Count > 1 && (ClauseLeaders.Contains(c[0]) || c[0] == "ka" && c[1] == "lai"));

    /// <summary>A question word first, or after a preposition: "во сколько…", "до скольки…", "līdz cikiem…", "until when…", "for how long…".</summary>
    private static bool LeadsWithAQuestionWord(List<string> words) =>
        words.Count > 0 && (QuestionWords.Contains(words[0])
            || words.Count > 1 && Prepositions.Contains(words[0]) && (ClauseLeaders.Contains(words[1]) || words[1] is "cikiem" or "kuram" or "kurai" or "long"));

    /// <summary>
    /// A "why", a "when at last" or a "when will they fix" asked of something that is not, no longer or still not so:
    /// "Kāpēc atkal nedeg lampas?", "почему до сих пор нет врача?", "why is nobody fixing the road?", "kad beidzot
    /// salabos ceļu?", "when will someone fix it?". Residents complain in questions; a question on practice rarely asks
    /// why a thing is missing or when a repair comes.
    /// </summary>
    public static bool Complains(string text)
    {
        text = text.Length > MaxChars ? text[..MaxChars] : text;
        var folded = string.Join(' ', Words(text));
        var latvian = LanguageDetector.Detect(text) == "lv";
        return Clauses(text).Any(c =>
            c.Count > 2
            && (Why.Contains(c[0]) || c.Count > 3 && Prepositions.Contains(c[0]) && Why.Contains(c[1]))
            && (c.Any(w => IsNegationOrPersistence(w, latvian)) || c.Any(Intensifiers.Contains) || c.Any(Stopped.Contains))
            || c.Count > 1 && c[0] is "kad" or "когда" or "when" && c.Any(w => AtLast.Contains(w) || Repairs.Contains(w))
            || WaitsSince(c))
            || Rhetorical.Any(r => folded.Contains(r, StringComparison.Ordinal))
            || AsksWhyAfterALack(text, latvian);
    }

    /// <summary>
    /// A "why" of a grievance, not of a reason: "Why so late?", "Kāpēc tik dārgi?", "Почему так долго?", "Why not?",
    /// "Kāpēc atkal?" — "why" and an intensifier, a denial or a wait.
    /// </summary>
    public static bool AsksWhySo(string ask, string? whole = null)
    {
        // A few words tell their language poorly ("kapec tik dargi"): the whole text says it.
        var latvian = LanguageDetector.Detect(whole ?? ask) == "lv";
        return Clauses(ask).Any(c => c.Count >= 2 && Why.Contains(c[0]) && c.Skip(1).Any(w => Intensifiers.Contains(w) || IsNegationOrPersistence(w, latvian)));
    }

    /// <summary>
    /// A bare "why" after a lack told: "Spriegums tik zems, ka ledusskapis neiet. Kāpēc tā?", "The bus no longer stops
    /// here. Why?", "Врача опять нет. Почему так?". The "why" sentence has at most three words; the sentence before it
    /// denies, waits or tells of something stopped, and is not about oneself or the bot ("I can't come. Why?").
    /// </summary>
    private static bool AsksWhyAfterALack(string text, bool latvian)
    {
        var sentences = Sentences(text);
        if (sentences.Count < 2 || Words(sentences[^1]) is not { Count: >= 1 and <= 3 } last || !Why.Contains(last[0]))
        {
            return false;
        }

        var before = Words(sentences[^2]);
        return !before.Any(ToTheBot.Contains) && !before.Any(w => w is "i" or "es" or "я") && DeniesOrStops(before, latvian);
    }

    /// <summary>
    /// A problem told, then whom to tell or whether anyone acts asked: "Power cuts every few weeks. Who should we report
    /// this to?", "bedre pie skolas, kam ziņot?", "Фонарь не горит. Кому сообщить?", "Is anything being done about it?".
    /// The resident wants the problem to reach someone, which is what a report does; a question on practice asks whom to
    /// turn to for a purpose ("kur vērsties, lai dibinātu biedrību?") and is not matched. Only with something told before
    /// the clause that asks whom to tell, or a repair asked for ("who fixes the lamp?").
    /// </summary>
    public static bool AsksWhomToTell(string text)
    {
        text = text.Length > MaxChars ? text[..MaxChars] : text;
        var words = Words(text);
        var all = words.Count;
        var clauses = Clauses(text).ToList();
        if (clauses.Any(StatesAPurpose))
        {
            return false;
        }

        if (AsksWhereToTurnAfterALack(text) || AsksWhatNowAfterAClosure(words, clauses))
        {
            return true;
        }

        foreach (var clause in clauses)
        {
            var folded = string.Join(' ', clause);
            if (WhoFixes.Any(r => folded.Contains(r, StringComparison.Ordinal)) || AnyoneActs.Any(r => folded.Contains(r, StringComparison.Ordinal))
                || (folded.StartsWith("how are ", StringComparison.Ordinal) || folded.StartsWith("how am ", StringComparison.Ordinal)) && folded.Contains(" supposed to ", StringComparison.Ordinal)
                || AsksWhomToTellIn(clause) && all - clause.Count >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// What was told before an ask that has nothing of its own, only what to do about it: "Bibliotēkas dators salūzis,
    /// pagastā neviena, kas palīdzētu. Ko mums darīt?", "Stray dogs run by the school. Who is responsible?", "Бродячие
    /// собаки у школы. Куда обращаться?", "…cut without any explanation, how do we change that?". The ask is the last
    /// sentence (or the last clause, led by a question word), at most eight words, every one of them a question word,
    /// a pronoun or a verb of doing, turning, telling or fixing; the told part has three words at least. Null otherwise.
    /// Whether the told part is a problem is for the model to say (<see cref="IntentDetector"/>): "Mums ir ideja. Kur
    /// vērsties?" tells an idea, not a problem.
    /// </summary>
    public static string? ToldBeforeABareAsk(string text)
    {
        if (EndingAsk(text) is not var (body, cut))
        {
            return null;
        }

        // The last sentence, or its last clause when it opens with a question word ("…, how do we change that?", "… -
        // ko darīt?"). What was told keeps its own closing mark ("Kas notiek ar ceļu?").
        var told = cut > 0 ? body[..(cut + 1)].Trim() : "";
        var comma = Math.Max(body.LastIndexOfAny([',', ';', ':', '–', '—']), body.LastIndexOf(" - ", StringComparison.Ordinal) + 1);
        if (comma > cut && Words(body[(comma + 1)..]) is { Count: > 0 } clause && (QuestionWords.Contains(clause[0]) || BareAskOpeners.Contains(clause[0])))
        {
            cut = comma;
            told = body[..cut].Trim();
        }

        if (cut <= 0)
        {
            return null;
        }

        var ask = Words(body[(cut + 1)..]);

        // "Es kautrējos zvanīt… Ko darīt?", "I'm shy about… What do I do?": one's own affair, advice asked. "We would
        // like to start a garden. What do we do?": a wish, not a problem.
        if (Words(told) is { Count: > 0 } first && TellsOwnWish(first, village: false))
        {
            return null;
        }

        // A short complaint is an ask with nothing of its own too: "Why so late?", "Kāpēc tik dārgi?", "Почему так долго?".
        if (ask.Count is >= 2 and <= 4 && Words(told).Count >= 3 && AsksWhySo(body[(cut + 1)..], text))
        {
            return told;
        }

        if (ask.Count is < 1 or > 8 || !(QuestionWords.Contains(ask[0]) || BareAskOpeners.Contains(ask[0])) || Words(told).Count < 3
            || !ask.All(w => QuestionWords.Contains(w) || BareAskOpeners.Contains(w) || BareAsk.Contains(w) || BareAskStems.Any(t => w.StartsWith(t, StringComparison.Ordinal))))
        {
            return null;
        }

        return told;
    }

    /// <summary>
    /// What was told is about oneself or one's own wish or plan ("I'm shy about…", "We would like to start a garden"):
    /// advice asked, not a problem reported. With <paramref name="village"/>, a village's or community's wish too ("Our
    /// village wants to try car-sharing"), which before a bare ask is as often a complaint ("The parish wants us to pay
    /// for the pipe ourselves. Who do we complain to?").
    /// </summary>
    private static bool TellsOwnWish(List<string> told, bool village) =>
        told[0] is "es" or "i" or "i'm" or "im" or "я" || told.Any(Wishes.Contains)
        || told.Zip(told.Skip(1)).Any(p => p is ("would" or "we'd" or "i'd", "like" or "love")
            or ("we" or "i" or "we're" or "i'm", "want" or "plan" or "planning" or "hope" or "hoping" or "wish" or "dream" or "thinking")
            || village && p is ("village" or "community" or "association" or "parish", "wants" or "plans" or "hopes"));

    /// <summary>The most words a short ask after what was told may have (<see cref="ToldBeforeAShortAsk"/>).</summary>
    public const int MaxShortAskWords = 7;

    /// <summary>
    /// What was told (at least four words) and the short question after it (one to <see cref="MaxShortAskWords"/> words, the text's last
    /// sentence, ending with "?"), unless what was told is one's own wish or plan; null otherwise.
    /// </summary>
    public static (string Told, string Ask)? ToldBeforeAShortAsk(string text)
    {
        if (EndingAsk(text) is not var (body, cut) || cut <= 0)
        {
            return null;
        }

        var told = body[..(cut + 1)].Trim();
        var ask = body[(cut + 1)..].Trim();
        var words = Words(told);
        if (Words(ask).Count is < 1 or > MaxShortAskWords || words.Count < 4 || TellsOwnWish(words, village: true))
        {
            return null;
        }

        return (told, ask);
    }

    /// <summary>
    /// A text that ends by asking ("…?", "…?!"): its last <see cref="MaxChars"/> characters without the closing marks,
    /// where the ask is, and where its last sentence starts (the index of the mark before it, -1 for none).
    /// </summary>
    private static (string Body, int Cut)? EndingAsk(string text)
    {
        var trimmed = text.TrimEnd().TrimEnd('!', ' ');
        trimmed = trimmed.Length > MaxChars ? trimmed[^MaxChars..] : trimmed;
        if (!trimmed.EndsWith('?'))
        {
            return null;
        }

        var body = trimmed.TrimEnd('?', ' ', '!');
        return body.Length == 0 ? null : (body, body.LastIndexOfAny(['.', '!', '?', '\n', '…']));
    }

    /// <summary>
    /// The ask after what was told wants it passed on: whom to tell, where to turn or complain ("Who do I report this
    /// to?", "Куда обращаться?", "kam zvanīt?", "kur vērsties?"). What was told is then read as a report when the model
    /// reads it as one, even without a word of something wrong ("potholes so deep I lost a hubcap", "собаки бегают у школы").
    /// </summary>
    public static bool AsksToPassOn(string ask)
    {
        // "Who can tell us?", "kas man var pateikt?" ask to be told, not to pass something on.
        var words = Words(ask);
        return !words.Any(ToUs.Contains) && words.Any(w => TellStems.Any(t => w.StartsWith(t, StringComparison.Ordinal)) || CallWords.Contains(w) || PassOnStems.Any(t => w.StartsWith(t, StringComparison.Ordinal)));
    }

    /// <summary>The asker as the one to be told: "us", "me", "mums", "man", "нам", "мне".</summary>
    private static readonly HashSet<string> ToUs = ["us", "me", "mums", "man", "нам", "мне"];

    /// <summary>
    /// Something wrong told: a denial or a wait ("nav izvests", "nedeg jau nedēļu", "still not"), something stopped or
    /// broken ("salūzis", "закрыли"), or a complaint in a question's form.
    /// </summary>
    public static bool TellsSomethingWrong(string told) =>
        DeniesOrStops(Words(told), LanguageDetector.Detect(told) == "lv") || Complains(told);

    /// <summary>
    /// One's own wish or plan told, in the first person: "gribam", "vēlamies", "ideja", "хотим", "планируем", "идея" (in
    /// English, "we want", "I hope" and "we would like" are read as pairs). Not a third party's: "dome plāno slēgt
    /// skolu", "nobody wants to fix it" are complaints.
    /// </summary>
    private static readonly HashSet<string> Wishes =
    [
        "gribam", "gribu", "gribetu", "gribetum", "velamies", "veletos", "planojam", "ideja",
        "хотим", "хочу", "хотели", "хотелось", "планируем", "идея", "мечтаем",
    ];

    /// <summary>Words that open a bare ask besides the question words: "kam", "кому", "whom", "is", "vai".</summary>
    private static readonly HashSet<string> BareAskOpeners = ["kam", "pie", "кому", "к", "whom", "is", "are", "vai"];

    /// <summary>The other words a bare ask may have: pronouns, modal and helping verbs, "now", "about it", "at all".</summary>
    private static readonly HashSet<string> BareAsk =
    [
        "es", "mes", "man", "mums", "musu", "to", "tas", "so", "sis", "ar", "par", "tagad", "tad", "var", "varam", "varetu", "vajag", "vajadzetu", "lai", "kaut", "neko",
        "nekas", "vispar", "ir", "bus", "nu", "kads", "kadam", "jadara", "jaiet", "te", "seit", "tur", "sada", "situacija",
        "i", "we", "us", "our", "it", "this", "that", "about", "to", "be", "been", "being", "done", "call", "back", "talk", "anything", "something", "anyone", "anybody", "someone", "somebody",
        "is", "are", "do", "does", "did", "doing", "going", "gonna", "get", "got", "then", "now", "the", "a", "there", "here", "for", "with", "on", "at", "all", "even", "supposed", "go", "out", "so",
        "мы", "нам", "я", "мне", "это", "этим", "этом", "с", "со", "тут", "здесь", "теперь", "же", "вообще", "тогда", "и", "а", "в", "таком", "случае", "нибудь",
        "что-то", "что-нибудь", "кто-то", "кто-нибудь", "будет", "надо", "нужно", "можем", "быть", "идти",

        // What was told, pointed at ("who empties them?", "кто этим занимается?", "vai tā drīkst?"), and "still" or "else" ("куда ещё писать?").
        "tos", "tie", "tam", "tiem", "ta", "vel", "them", "they", "those", "these", "else", "их", "им", "ими", "этого", "этой", "этих", "ещё", "еще",
        "set", "up",
    ];

    /// <summary>Verbs of doing, turning, telling, fixing and answering for it (word starts, folded).</summary>
    private static readonly string[] BareAskStems =
    [
        "dari", "dara", "izdar", "verst", "versa", "griez", "raksti", "rakstam", "zino", "pazino", "suzet", "suzas", "zvan", "atbild", "palidz", "maini", "risin", "atrisin",
        "labot", "labos", "salab", "izlab", "notiek", "notiks", "atdzivin", "atjaun", "atgriez", "panak", "iesak", "rikot", "runat",
        "turn", "writ", "complain", "report", "contact", "fix", "chang", "help", "respons", "happen", "sort", "handl", "deal", "tell", "ask", "find", "revive", "restor", "bring",
        "делат", "делае", "сдела", "обращ", "обрат", "пиш", "писа", "жалов", "пожалов", "звон", "сообщи", "сообща", "отвеча", "виноват", "помоч", "помож", "помог",
        "реш", "измен", "исправ", "почин", "вернут", "вернет", "восстанов", "ожив", "добит", "предприн",

        // Checking, dealing with, clearing, setting up, explaining, allowing: "kur var pārbaudīt?", "who checks this?",
        // "кто этим занимается?", "who empties them?", "who could help set something up?", "kur prasīt skaidrojumu?", "vai tā drīkst?".
        "parbaud", "uzkop", "izved", "organiz", "skaidroj", "prasi", "drikst", "check", "empt", "clean", "clear", "organi", "explan", "allow",
        "провер", "занима", "убира", "убер", "вывоз", "вывез", "организ", "объясн", "разреш",
    ];

    /// <summary>
    /// A bare "where do we turn?" after a lack or a stop told: "Birokrātija nenormāla, atļauju nevar dabūt. Kur lai
    /// vēršas?", "Фонарь не горит уже месяц. Куда обращаться?". The asking sentence has at most four words and no
    /// purpose; "Mums ir ideja. Kur vērsties?" tells no lack and stays a question.
    /// </summary>
    private static bool AsksWhereToTurnAfterALack(string text)
    {
        var sentences = Sentences(text);
        if (sentences.Count < 2 || Words(sentences[^1]) is not { Count: >= 2 and <= 4 } last)
        {
            return false;
        }

        var lead = last[0] is "kur" or "kam" or "pie" or "where" or "who" or "куда" or "к";
        if (!lead || !last.Skip(1).Any(w => TurnStems.Any(t => w.StartsWith(t, StringComparison.Ordinal))))
        {
            return false;
        }

        var before = sentences.Take(sentences.Count - 1).SelectMany(Words).ToList();
        var latvian = LanguageDetector.Detect(text) == "lv";
        return !before.Any(ToTheBot.Contains) && DeniesOrStops(before, latvian);
    }

    /// <summary>
    /// Where or how "now", after a place or service closed or broke: "Pasta nodaļu slēdza. Kur lai tagad saņem
    /// sūtījumus?", "Субботний рынок закрыли, где теперь продавать овощи?", "The shop shut, where do we buy bread now?".
    /// What was lost is the problem; the resident asks how to live without it. The Latvian "kā lai", "kur lai" ("how are we
    /// to", "where am I to") asks the same without a "now": "Pasta nodaļu slēdza. Kā lai vecie cilvēki saņem pakas?".
    /// </summary>
    private static bool AsksWhatNowAfterAClosure(List<string> words, List<List<string>> clauses) =>
        words.Any(Stopped.Contains)
            && clauses.Any(c => c.Count > 1 && c[0] is "kur" or "ka" or "ko" or "kam" or "where" or "how" or "what" or "who" or "где" or "как" or "что" or "куда" or "кому"
                && (c.Any(Now.Contains) || c[0] is "kur" or "ka" or "kam" && c[1] == "lai"));

    /// <summary>"Now", as in "where now": "tagad", "теперь", "now".</summary>
    private static readonly HashSet<string> Now = ["tagad", "теперь", "now"];

    /// <summary>Turning to someone (word starts, folded): "vērsties", "griezties", "обратиться", "обращаться", "turn", "go".</summary>
    private static readonly string[] TurnStems = ["vers", "griez", "обрат", "обращ", "turn", "go"];

    /// <summary>Turning to someone or contacting them (word starts, folded); "go" is left out ("what is going on?"). After <see cref="TurnStems"/>: static fields start in the order written.</summary>
    private static readonly string[] PassOnStems = [.. TurnStems.Where(t => t != "go"), "kontakt", "contact", "связат"];

    /// <summary>A clause asking whom to tell or where to report: it opens with "whom" or "where" and names telling.</summary>
    private static bool AsksWhomToTellIn(List<string> clause)
    {
        var lead = clause[0] is "kam" or "kur" or "who" or "whom" or "where" or "кому" or "куда"
            || clause.Count > 1 && clause[0] == "к" && clause[1] == "кому";
        return lead && clause.Skip(1).Any(w => CallWords.Contains(w) || TellStems.Any(t => w.StartsWith(t, StringComparison.Ordinal)));
    }

    /// <summary>
    /// Telling, reporting, complaining, calling (word starts, folded: "who do we call?", "кому звонить?"). Not "contact",
    /// "write" or "turn to": those are asked for a purpose as often ("Mums ir ideja. Kur rakstīt pieteikumu?", "Куда обратиться за грантом?").
    /// </summary>
    private static readonly string[] TellStems =
    [
        "zinot", "zino", "pazinot", "pazino", "jazino", "teikt", "pateikt", "zvanit", "zvana", "piezvanit", "suzet", "suzas",
        "tell", "report", "complain", "notify",
        "сообщ", "жалов", "пожалов", "звонить", "позвонить",
    ];

    /// <summary>Calling, as a whole word ("who do we call?"); not "phone" or "ring", which are things as often ("where can I charge my phone?", "the ring road").</summary>
    private static readonly HashSet<string> CallWords = ["call"];

    /// <summary>A clause of purpose: the whom-to-tell is then asked for something to be done, not a problem to be passed on.</summary>
    private static bool StatesAPurpose(List<string> clause) => clause[0] is "lai" or "чтобы" or "so" && (clause[0] != "so" || clause.Count > 1 && clause[1] == "that");

    /// <summary>Who repairs it: a repair waited for, asked as "who".</summary>
    private static readonly string[] WhoFixes =
    [
        "kas salabos", "kas to salabos", "kas izlabos", "kas to izlabos", "kas to sakartos", "kas to nokartos", "kas labos",
        "who fixes", "who will fix", "who can fix", "who is going to fix", "who's going to fix", "who repairs", "who will repair", "who clears", "who will clear",
        "кто починит", "кто это починит", "кто исправит", "кто отремонтирует", "кто уберет", "кто будет чинить",

        // Who answers for it, said of what was just told ("par to", "for this", "за это"), and who takes it away or brings it back.
        "kurs par to atbild", "kura par to atbild", "kas par so atbild", "kurs par so atbild", "kas to nojauks", "kas to novaks", "kas to aizvaks", "kas to sakops",
        "who is responsible for this", "who is responsible for that", "who's responsible for this", "who is in charge of this", "who will remove", "who will take down",
        "who can bring back", "who can help bring back", "who will bring back",
        "кто за это отвечает", "кто отвечает за это", "кто снесет", "кто это снесет", "кто может помочь вернуть", "кто вернет",
    ];

    /// <summary>Whether anybody acts at all: a grievance in a question's form.</summary>
    private static readonly string[] AnyoneActs =
    [
        "is anything being done", "is anyone doing", "is anybody doing", "does anyone check", "does anybody check", "does anyone care",
        "does anybody care", "is anyone going to", "is anybody going to", "will anyone", "will anybody",
        "vai kads to", "vai kads kaut ko", "vai kadam ir dala", "vai kadu tas interese", "vai kads vispar", "vai to kads",
        "кто-нибудь что-нибудь", "делается ли", "что-то делается", "кто-то проверяет", "кто-нибудь проверяет", "кому-нибудь есть дело",
    ];

    /// <summary>
    /// A statement, not a question, that something is missing, stopped or broken: "ielu apgaismojums nedeg", "опять нет
    /// света", "nothing for teenagers to do here", "the village shop closed". Three words at least ("ne, paldies" is small
    /// talk), and not said to the bot ("you don't understand me" is a remark on the answers, not a report).
    /// </summary>
    public static bool StatesALack(string text)
    {
        text = text.Length > MaxChars ? text[..MaxChars] : text;
        var words = Words(text);
        if (Asks(text) || AsksAtTheEnd(words))
        {
            return false;
        }

        var latvian = LanguageDetector.Detect(text) == "lv";
        return words.Count >= 3 && !words.Any(ToTheBot.Contains) && DeniesOrStops(words, latvian);
    }

    /// <summary>Some word denies, waits or tells of something stopped (in Latvian "no" is "from", not a denial).</summary>
    private static bool DeniesOrStops(List<string> words, bool latvian) =>
        words.Any(w => Stopped.Contains(w) || IsNegationOrPersistence(w, latvian) && !(latvian && w == "no"));

    /// <summary>A place or service that closed or a thing that broke.</summary>
    private static readonly HashSet<string> Stopped =
    [
        "slegts", "slegta", "slegti", "slegtas", "sledza", "slegs", "aizverts", "aizverta", "salauzts", "salauzta", "salauzti", "salauza", "sabojats", "sabojata",
        "atslegts", "atslegta", "atslegti", "atsledza", "izslegts", "izsledza", "partrauca", "partraukts", "saluzis", "saluza", "saluzusi", "sapuvis", "sapuvusi",
        "closed", "shut", "broken", "broke", "closing", "cut", "stopped", "removed", "rotted", "rotten", "damaged", "collapsed",
        "закрыт", "закрыта", "закрыто", "закрыты", "закрыли", "закрылся", "закрылась", "сломан", "сломана", "сломано", "сломаны", "сломали", "сломался", "сломалась",
        "отключили", "отключен", "отключена", "отключено", "выключили", "убрали", "отменили", "сократили", "разбит", "разбита", "разбито", "разбиты", "разбили",
    ];

    /// <summary>Words that speak to the bot or of its answers: "tu", "you", "ты", "bot", "that's not what I asked".</summary>
    private static readonly HashSet<string> ToTheBot =
    [
        "tu", "tev", "tevi", "tavs", "tava", "tavu", "tavas", "bots", "robots", "atbilde", "atbildi", "jautaju", "prasiju",
        "you", "your", "you're", "bot", "robot", "asked", "answer", "answers",
        "ты", "тебя", "тебе", "твой", "твоя", "твои", "бот", "робот", "ответ", "ответил", "спрашивал", "спрашивала",
    ];

    /// <summary>A wait counted in days, weeks, months or years: "jau divus mēnešus", "broken for years", "for a week", "уже третью неделю".</summary>
    private static bool WaitsSince(List<string> clause) =>
        clause.Select((w, i) => Since.Contains(w) && clause.Skip(i + 1).Take(3).Select((t, j) => (t, j)).Any(x =>
            Spans.Any(s => x.t.StartsWith(s, StringComparison.Ordinal))
            || OneSpan.Contains(x.t) && clause[i + x.j] is "a" or "an" or "one" or "whole" or "entire" or "full")).Any(b => b);

    /// <summary>One English span, counted: "for a week", "already a whole month" (not "for this weekend", "for last year's").</summary>
    private static readonly HashSet<string> OneSpan = ["day", "week", "month", "year"];

    private static readonly HashSet<string> Since = ["jau", "kops", "already", "for", "since", "уже", "вот"];

    private static readonly string[] Spans =
    [
        "dien", "nedel", "menes", "gad", "pusgad", "days", "weeks", "months", "years", "дн", "недел", "месяц", "год", "лет", "полгод",
    ];

    /// <summary>Questions nobody asks to be answered: "is that normal?", "what are we supposed to do?", "сколько можно?".</summary>
    private static readonly string[] Rhetorical =
    [
        "vai tas ir normali", "vai tas ir normals", "vai ir normali", "vai tas normali", "ko mums tagad darit", "kas par to atbild", "cik ilgi var", "cik ilgi vel",
        "is that normal", "is this normal", "is it normal", "нормально ли", "what are we supposed to do", "who is responsible", "how long do we have to", "how much longer",
        "это нормально", "сколько можно", "кто за это отвечает", "что нам теперь делать", "сколько еще", "сколько ещё",
        "kur palika", "kur pazuda", "kas notika ar", "cik ilgi jagaida", "vai kads vispar", "vai kads kadreiz",
        "what happened to", "where did the", "is anyone ever", "is anybody ever", "does anyone even", "how long do we", "how long must we",
        "куда делся", "куда делась", "куда делось", "куда делись", "сколько ждать", "кто-нибудь вообще", "когда-нибудь",

        // Whether what was done may be done at all: a grievance, not a point of law asked.
        "vai tas vispar ir atlauts", "vai tas vispar ir likumigi", "vai tas vispar drikst", "vai ta drikst", "vai tas drikst", "vai ta var", "vai tas ir likumigi", "ka var ta rikoties", "ka vini ta var", "kas par bardaku", "kas par haosu",
        "is that even legal", "is this even legal", "is that even allowed", "is this even allowed", "how can they do this", "how can they do that", "how could they do",
        "это вообще законно", "это вообще разрешено", "разве так можно", "как так можно", "как они могут так", "так можно", "это законно",
        "is that allowed", "is this allowed", "is that legal", "is this legal", "can they do that", "can they do this",
    ];

    private static readonly HashSet<string> Why = ["kapec", "kadel", "why", "почему", "отчего", "зачем"];

    /// <summary>"Why so expensive", "kāpēc tik lēni", "почему так долго", "why only once a month": a grievance, not a reason asked for.</summary>
    private static readonly HashSet<string> Intensifiers = ["tik", "parak", "tikai", "so", "too", "only", "так", "такой", "такая", "такие", "такое", "слишком", "только"];

    /// <summary>"At last" and "finally" in a "when": a long wait.</summary>
    private static readonly HashSet<string> AtLast = ["beidzot", "finally", "наконец", "наконец-то"];

    /// <summary>A repair or a return waited for: "kad salabos", "when will they fix", "когда починят".</summary>
    private static readonly HashSet<string> Repairs =
    [
        "salabos", "izlabos", "salabot", "salabo", "izremontes", "nomainis", "novaks", "iztiris", "atjaunos", "ieslegs", "pieslegs", "ievilks",
        "fix", "fixed", "fixing", "repair", "repaired", "repairing", "mend", "restore", "restored",
        "починят", "отремонтируют", "исправят", "уберут", "заменят", "восстановят", "включат", "подключат", "проведут",
    ];

    private static readonly HashSet<string> Persistence =
    [
        "nav", "nebija", "nebus", "vairs", "joprojam", "atkal", "nekad", "neviens", "neviena", "nekas", "nekur",
        "not", "no", "never", "nobody", "nothing", "nowhere", "still", "again", "anymore", "none", "nothing",
        "не", "нет", "нету", "никто", "ничего", "никогда", "нигде", "негде", "некуда", "нечего", "некому", "опять", "снова", "сих", "перестали", "перестал", "перестала",
    ];

    /// <summary>Latvian forms that start with "ne" but deny nothing: a week, needed, real estate, independent.</summary>
    private static readonly string[] NotNegations = ["nedel", "nepiecies", "nekustam", "neatkarig"];

    /// <summary>A denial or a wait: "not", "нет", "still", "atkal", and in Latvian a verb with "ne-" ("nedeg", "nebrauc").</summary>
    private static bool IsNegationOrPersistence(string word, bool latvian) =>
        Persistence.Contains(word)
        || word.EndsWith("n't", StringComparison.Ordinal) || word.EndsWith("n’t", StringComparison.Ordinal)
        || latvian && word.Length > 3 && word.StartsWith("ne", StringComparison.Ordinal) && !NotNegations.Any(p => word.StartsWith(p, StringComparison.Ordinal));

    private static readonly HashSet<string> Prepositions = ["во", "до", "в", "на", "с", "к", "по", "lidz", "uz", "no", "par", "until", "for", "by", "at", "since"];

    /// <summary>
    /// A topic typed with its question after it, without a mark: "energokopiena ka sakt", "digitālās prasmes kur
    /// mācīties", "LEADER kas tas", "биогаз как быть", "LEADER grants how much". A question word among the last two words.
    /// </summary>
    private static bool AsksAtTheEnd(List<string> words) =>
        words.Count > 2 && (TailAskers.Contains(words[^2]) || TailAskers.Contains(words[^1]) || words[^2] == "kas" && words[^1] == "tas");

    /// <summary>Question words that close a question typed topic first ("kas" only as "kas tas": "lampa, kas nedeg" is a report).</summary>
    private static readonly HashSet<string> TailAskers =
    [
        "ka", "kur", "ko", "cik", "kapec", "kads", "kada", "kadi", "kadas",
        "how", "where", "what", "which", "why",
        "как", "где", "что", "куда", "сколько", "какои", "какая", "какие", "зачем",
    ];

    private static List<string> Words(string text) => [.. Folding.Words(Folding.Fold(text))];

    /// <summary>Sentences with their closing mark ("Nobody comes. What helps?" → "Nobody comes.", "What helps?").</summary>
    private static List<string> Sentences(string text)
    {
        var list = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] is not ('.' or '!' or '?' or '\n' or '…'))
            {
                continue;
            }

            var end = i < text.Length ? i + 1 : i;
            var sentence = text[start..end].Trim();
            if (sentence.Any(char.IsLetter))
            {
                list.Add(sentence);
            }

            start = end;
        }

        return list;
    }

    private static IEnumerable<List<string>> Clauses(string text) =>
        text.Split(['.', '!', '?', '\n', '…', ',', ';', ':', '–', '—', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Select(Words).Where(c => c.Count > 0);
}
