using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Lv;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Util;

namespace VillageBot.Infrastructure.Text;

/// <summary>
/// Words that say nothing about what a text is about, per language: the standard function words (Lucene's lists),
/// and the question frame — question words, pronouns and the chatty framing of a question ("can you explain it
/// simply", "I wanted to ask") — which must neither find an article nor count against one.
/// </summary>
public static class StopWords
{
    private static readonly string[] LatvianFrame =
    [
        "kas", "kā", "kāds", "kāda", "kādi", "kādas", "kādu", "kādus", "kādā", "kādās", "kādos", "kur", "kurš", "kura", "kuri", "kuras",
        "kuru", "kurus", "kurā", "kad", "kāpēc", "kādēļ", "cik", "ko", "vai", "lūdzu", "pastāsti", "pastāstiet", "paskaidro",
        "paskaidrojiet", "izskaidro", "izskaidrojiet", "es", "mēs", "man", "mums", "mūsu", "mans", "mana", "jūs", "jums", "tu", "tev", "varu", "varam", "var",
        "drīkst", "to", "tas", "tā", "šo", "šis", "šī", "ir", "nozīmē", "lai", "tad", "kaut", "viņš", "viņa", "viņi", "viņas", "viņu", "viņam",
        "viņai", "viņiem", "viņām", "tie", "tās", "tam", "tai", "tiem", "tām", "šie", "šīs", "šim", "šai", "sveiki", "labdien", "čau", "paldies",
        "gribu", "gribētu", "gribējām", "vēlos", "vēlētos", "zināt", "uzzināt", "jautāt", "pajautāt", "sakiet", "saki", "vienkārši",
        "īsi", "vispār", "īsti", "īstenībā", "tieši", "nu", "jā", "nē", "teica", "teikts", "saka", "sacīja", "dzirdēju", "dzirdējām", "lasīju",
        "domāju", "domājam", "manuprāt", "laikam", "varbūt", "vajag", "vajadzētu", "jādara", "darīt", "būtu", "būt", "bija",
        "esam", "esmu", "ka", "nav", "ļoti", "arī", "vēl", "jau", "tagad", "šeit", "te", "tur", "tāds", "tāda", "tādu", "tādas", "tādi",
        "dzirdu", "dzird", "dzirdējis", "dzirdējusi", "nepaskaidro", "paskaidrot", "izskaidrot", "pastāstīt", "vārdiem", "vārdos",
        "vienkāršos", "vienkāršiem", "saprotami", "neviens", "nekas", "patiesībā", "nesaprotu", "nesapratu", "saprast", "sapratu",
        "ieteikumi", "padoms", "padomu", "nezinu", "nezinām", "mūsējie", "tiešām",
        // What kind of question it is, not what it is about: "what must X include", "X vs Y, what is the difference",
        // "is X the same as Y", "any tips", "where to start", "who should".
        "obligāti", "jāiekļauj", "iekļaut", "iekļauj", "iekļauts", "iekļauti", "ietvert", "ietver", "jāietver", "jābūt", "vajadzētu",
        "starpība", "starpības", "atšķirība", "atšķirības", "atšķiras", "atšķirt", "salīdzinājumā", "vs", "pret", "vienāds", "vienādi",
        "tas", "pats", "tā", "pati", "padomi", "ieteikums", "ieteikumu", "iesakāt", "ieteiktu", "ieteiksiet", "labākais", "labāk",
        "tajā", "tanī", "tajās", "tajos", "tos", "šajā", "šajās", "šajos", "šiem", "šīm", "galvenokārt", "pārsvarā", "būtībā",
        "kurš", "kuram", "kam", "jāsāk", "sākt", "sākumā", "vispirms", "īsumā", "piemēram", "lūk", "kaut", "kādam", "nezin",
    ];

    private static readonly string[] EnglishFrame =
    [
        "what", "whats", "how", "hows", "why", "when", "where", "who", "whom", "which", "do", "does", "did", "can", "could", "should", "would",
        "i", "we", "our", "my", "me", "you", "your", "us", "tell", "please", "explain", "about", "need", "want", "has", "have", "its", "there",
        "hi", "hello", "thanks", "thank", "wanted", "wonder", "wondering", "know", "ask", "asking", "simply", "simple", "briefly",
        "actually", "really", "just", "exactly", "someone", "somebody", "said", "says", "told", "heard", "read", "think", "thought",
        "guess", "maybe", "kind", "sort", "anyway", "ok", "okay", "so", "also", "am", "im", "i'm", "it's", "is", "are", "was", "were", "be",
        "been", "get", "got", "whether", "last", "hour", "all", "one", "ones", "argued", "argue", "discussed", "talked", "talking", "mean", "means", "meant", "here", "now", "some", "any", "thing", "things", "stuff", "lot", "bit",
        "tips", "advice", "anyone", "somehow", "even", "idea", "clue", "understand", "understood", "hear", "hearing", "keep", "keeps",
        // What kind of question it is, not what it is about: "what should X include", "X vs Y, what is the difference",
        // "is X the same as Y", "any tips", "who should", and function words the standard list lacks.
        "include", "includes", "including", "included", "contain", "contains", "must", "difference", "differences", "different",
        "differ", "vs", "versus", "same", "compared", "compare", "tip", "suggestions", "suggestion", "ideas", "best", "better",
        "each", "other", "others", "over", "very", "more", "most", "than", "them", "those", "these", "this", "that", "it", "he", "she",
        "his", "her", "they", "their", "theirs", "into", "from", "up", "out", "off", "again", "too", "only", "own", "way", "ways",
        "anything", "something", "everything", "else", "much", "many", "lots", "really", "quite", "pretty", "still", "yet", "though",
        "although", "because", "while", "during", "before", "after", "without", "within", "whom", "whose", "let", "lets", "let's",
        "gonna", "wanna", "pls", "plz", "hey", "eh", "yes", "no", "not", "don't", "dont", "doesn't", "isn't", "aren't", "can't", "cant",
        "mainly", "primarily", "mostly", "largely", "generally", "usually", "would've", "we're", "were", "we've", "you're", "they're", "i've", "i'd", "ok", "exactly", "basically", "mostly",
    ];

    private static readonly string[] RussianFrame =
    [
        "что", "как", "какой", "какая", "какие", "какое", "каких", "почему", "зачем", "когда", "где", "кто", "куда", "сколько",
        "можно", "нужно", "надо", "расскажи", "расскажите", "объясни", "объясните", "пожалуйста", "это", "такое", "наш", "наша",
        "наше", "наши", "нашей", "нашем", "мне", "нам", "мы", "я", "вы", "вам", "ты", "тебе", "здравствуйте", "привет", "спасибо",
        "хочу", "хотел", "хотела", "хотелось", "хотим", "знать", "узнать", "спросить", "просто", "коротко", "вообще", "собственно",
        "говорят", "говорил", "говорили", "сказали", "слышал", "слышала", "читал", "читала", "думаю", "думаем", "может", "наверное", "скажите",
        "подскажите", "ли", "вот", "ну", "да", "нет", "же", "тут", "здесь", "сейчас", "есть", "был", "была", "были", "быть",
        "поняла", "понял", "понимаю", "непонятно", "объяснить", "простыми", "словами", "какие-то", "какой-то", "нибудь", "тоже",
        "считается", "совет", "посоветуйте", "слышу", "слышим", "вроде",
        // What kind of question it is, not what it is about: "что должно входить в X", "X и Y — в чём разница",
        // "это то же самое", "есть советы", "с чего начать", "кто должен".
        "входить", "входит", "должно", "должна", "должен", "должны", "обязательно", "включать", "включить", "разница", "разницы",
        "отличие", "отличается", "отличаются", "отличия", "чем", "то", "же", "самое", "одно", "тоже", "против", "советы", "советуете",
        "посоветуете", "лучше", "лучший", "начать", "сначала", "вообще", "какую", "каким", "какому", "каком", "чего", "чему", "кого", "кому",
        "основном", "главным", "образом", "сути", "всё", "все", "всех", "очень", "ещё", "еще", "уже", "просто", "там", "тогда", "если", "или", "либо", "чтобы", "бы",
    ];

    /// <summary>Lucene's standard function words of the language, as written and folded.</summary>
    public static CharArraySet Standard(string lang) => lang switch
    {
        "en" => EnglishStandard,
        "ru" => RussianStandard,
        _ => LatvianStandard,
    };

    /// <summary>The standard function words together with the question frame, as written and folded.</summary>
    public static CharArraySet WithQuestionFrame(string lang) => lang switch
    {
        "en" => EnglishQuestion,
        "ru" => RussianQuestion,
        _ => LatvianQuestion,
    };

    /// <summary>True when a folded word is a function word or question-frame word in any of the three languages.</summary>
    public static bool IsStopInAnyLanguage(string foldedWord) =>
        LatvianQuestion.Contains(foldedWord) || EnglishQuestion.Contains(foldedWord) || RussianQuestion.Contains(foldedWord);

    private static readonly CharArraySet LatvianStandard = Set(LatvianAnalyzer.DefaultStopSet.Select(w => w.ToString()!));
    private static readonly CharArraySet EnglishStandard = Set(EnglishAnalyzer.DefaultStopSet.Select(w => w.ToString()!));
    private static readonly CharArraySet RussianStandard = Set(RussianAnalyzer.DefaultStopSet.Select(w => w.ToString()!));
    private static readonly CharArraySet LatvianQuestion = Set([.. LatvianAnalyzer.DefaultStopSet.Select(w => w.ToString()!), .. LatvianFrame]);
    private static readonly CharArraySet EnglishQuestion = Set([.. EnglishAnalyzer.DefaultStopSet.Select(w => w.ToString()!), .. EnglishFrame]);
    private static readonly CharArraySet RussianQuestion = Set([.. RussianAnalyzer.DefaultStopSet.Select(w => w.ToString()!), .. RussianFrame]);

    private static CharArraySet Set(IEnumerable<string> words)
    {
        var list = words.ToList();
        return new CharArraySet(TextAnalysis.Version, list.Concat(list.Select(Folding.Fold)).ToList(), ignoreCase: true).AsReadOnly();
    }
}
