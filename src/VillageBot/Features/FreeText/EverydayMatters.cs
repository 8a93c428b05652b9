using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.FreeText;

/// <summary>
/// A question's form about a private, everyday matter that is nobody's report: a recipe, the weather, an exchange
/// rate, a match, a price in the shops, a timetable, one's own health, a lawsuit against a neighbour, a
/// recommendation. Such a text is a question even when no article answers it (the answering then says honestly that
/// it does not know), and even when it mentions trouble ("my back hurts, which pills?"). The evidence is the form
/// (<see cref="IntentFeatures.Asks"/>, or a bare request noun: "rhubarb pie recipe", "euro rate today") together
/// with a matter of everyday life, kept apart from the knowledge base's topic evidence. Words are folded and matched
/// by their start, so "receptes", "рецепта" and "recipes" count alike; words that reports also use about public
/// services ("bus", "doctor", "snow", "pressure") are left out.
/// </summary>
public static class EverydayMatters
{
    /// <summary>One's own health: a pill, a cough, a jab, a fever ("man sāp mugura jau nedēļu, kādas tabletes dzert?").</summary>
    private static readonly string[] Health = Fold(
    [
        "tablet", "таблет", "zales", "pills", "medicine", "лекарств", "klepo", "cough", "кашл", "asinsspiedien", "blood", "rentgen", "x-ray", "рентген",
        "prievit", "vakcin", "vaccin", "jab", "прививк", "analiz", "анализ", "ibuprofen", "paracetamol", "парацетамол", "ибупрофен",
        "fever", "drudz", "температур", "rash", "izsitum", "сыпь",
    ]);

    /// <summary>Starts of words naming an everyday matter (folded); a closing "$" asks for the whole word ("pension", not "pensioners").</summary>
    private static readonly string[] Matters = Fold(
    [
        // cooking
        "recept", "recipe", "pagatavo", "izcept", "iecept", "cept$", "varit$", "варить", "cook", "bake", "baking", "рецепт", "приготов", "испечь", "сварить", "замарин", "marine",
        // weather
        "laikapstak", "prognoz", "forecast", "weather", "погод", "прогноз", "salna", "salnas",
        // money markets
        "kurss", "valutas", "exchange", "currency", "rate", "курс", "валют", "bitcoin", "биткоин", "akcijas", "akcija",
        // sport, culture and news
        "hokej", "hockey", "хокке", "basketbol", "basketball", "баскетбол", "futbol", "football", "футбол", "volejbol", "volleyball", "волейбол",
        "macs", "macu", "maca", "match", "матч", "score", "счет", "uzvarej", "vinnej", "won$", "win$", "выиграл", "победил", "serial", "сериал",
        "filma", "filmu", "movie", "film", "фильм", "kino", "кино", "konc", "concert", "концерт", "gramat", "book", "книг",
        // private law and papers
        "iesudz", "sue", "lawsuit", "lawyer", "advokat", "адвокат", "jurist", "юрист", "notar", "нотари", "testament", "завещан",
        "суд", "divorce", "skirties", "развод", "deklarac", "declaration", "tax", "taxes", "nodokl", "налог", "pension$", "pensij", "пенсия", "пенсию", "пенсии",
        "pabalst", "benefit", "allowance", "пособи", "paroli", "password", "пароль",
        .. Health,
        // shops, prices and trips
        "cena", "cenas", "price", "prices", "цена", "цены", "почем$", "letak", "cheap", "дешев", "nopirkt", "buy", "купить", "kupit",
        "degviel", "benzin", "dizel", "diesel", "petrol", "fuel", "бензин", "дизел", "топлив", "viesnic", "hotel", "гостиниц", "отел",
        "restoran", "ресторан", "kafejnic", "cafe", "кафе", "lidost", "airport", "аэропорт", "prams", "ferry", "паром", "biletes", "bilete", "ticket", "билет",
        "sarakst", "timetable", "schedule", "расписан", "vilciens", "vilcien", "train", "поезд", "электрич",
        // garden, animals, home
        "skirne", "skirnes", "variet", "сорт", "stadit", "sowing", "sow", "сажать", "посадить", "apgriez", "prune", "обрез", "kazas", "goats", "коз",
        "kucen", "puppy", "щенк", "sunit", "siltumsukn", "heat pump", "насос",
        // recommendations and people
        "iesak", "ieteic", "recommend", "suggest", "посовет", "порекоменд", "telefona numur", "phone number", "номер телефона",
    ]);

    /// <summary>
    /// Nouns that ask by themselves, typed without a question word: "rabarberu pīrāga recepte", "EUR rate today",
    /// "расписание на завтра". Not a price: "the price of firewood has doubled" is a complaint.
    /// </summary>
    private static readonly string[] RequestNouns = Fold(
    [
        "recept", "recipe", "рецепт", "prognoz", "forecast", "weather", "погод", "прогноз", "kurss", "rate", "курс", "sarakst", "timetable", "schedule", "расписан",
        "score", "rezultat", "счет", "akcijas",
    ]);

    /// <summary>The longest text read as a bare request: past this it is a message that says something, not a query.</summary>
    private const int MaxRequestWords = 8;

    /// <summary>
    /// True when the text asks about one's own health. A wait counted in days is then how long it hurts ("klepoju jau
    /// mēnesi"), not a complaint about a service.
    /// </summary>
    public static bool AsksAboutOwnHealth(string text)
    {
        var words = Folding.Words(Folding.Fold(text.Length > IntentFeatures.MaxChars ? text[..IntentFeatures.MaxChars] : text)).ToList();
        return IntentFeatures.Asks(text) && Health.Any(m => words.Any(w => Matches(w, m)));
    }

    /// <summary>True when the text asks — by its form or as a bare request noun — about an everyday matter.</summary>
    public static bool Asks(string text)
    {
        var folded = Folding.Fold(text.Length > IntentFeatures.MaxChars ? text[..IntentFeatures.MaxChars] : text);
        var words = Folding.Words(folded).ToList();
        if (!Matters.Any(m => m.Contains(' ') ? folded.Contains(m, StringComparison.Ordinal) : words.Any(w => Matches(w, m))))
        {
            return false;
        }

        return IntentFeatures.Asks(text)
            || words.Count <= MaxRequestWords && RequestNouns.Any(n => words.Any(w => Matches(w, n)));
    }

    /// <summary>
    /// A ride asked for a day or an hour, by a question or typed bus first: "bus times from Cēsis to Valmiera tomorrow
    /// morning", "autobuss uz Rīgu svētdien?", "автобус до Мадоны завтра утром". "Bus" alone is left to reports ("the
    /// bus never comes"); a bus that is missing, late or full (<see cref="IntentFeatures.StatesALack"/>) stays a report,
    /// and so does a statement that only passes a bus stop ("the bin by the bus stop…").
    /// </summary>
    public static bool AsksForARide(string text)
    {
        var words = Folding.Words(Folding.Fold(text.Length > IntentFeatures.MaxChars ? text[..IntentFeatures.MaxChars] : text)).ToList();
        static bool IsRide(string w) => Rides.Any(r => w.StartsWith(r, StringComparison.Ordinal));
        return words.Count is > 1 and <= MaxRequestWords + 2
            && (IntentFeatures.Asks(text) || IsRide(words[0]) || words.Contains("times"))
            && words.Any(IsRide) && words.Any(RideTimes.Contains) && !words.Any(w => Late.Any(l => w.StartsWith(l, StringComparison.Ordinal)))
            && !IntentFeatures.Complains(text) && !IntentFeatures.StatesALack(text);
    }

    /// <summary>A ride that went wrong: late, missed, crowded.</summary>
    private static readonly string[] Late = Fold(["late", "kavej", "nokavej", "опозд", "crowded", "parpild", "переполн"]);

    private static readonly string[] Rides = Fold(["autobus", "bus", "автобус", "маршрутк", "reiss", "reisu"]);

    private static readonly HashSet<string> RideTimes = [.. Fold(
    [
        "times", "tomorrow", "today", "tonight", "morning", "evening", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "rit", "sodien", "vakar", "rita", "vakara", "pirmdien", "otrdien", "tresdien", "ceturtdien", "piektdien", "sestdien", "svetdien", "cikos",
        "завтра", "сегодня", "утром", "вечером", "понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье",
    ])];

    /// <summary>
    /// A short start ("sue", "tax", "суд", "кино") must be the whole word or one letter more, not the start of another
    /// word ("sued" yes, "sudden" no); a start closed by "$" only the whole word.
    /// </summary>
    private static bool Fits(string word, string start) => start.Length >= 5 || word.Length <= start.Length + 1;

    private static bool Matches(string word, string start) => start.EndsWith('$')
        ? word.Length == start.Length - 1 && word.StartsWith(start[..^1], StringComparison.Ordinal)
        : word.StartsWith(start, StringComparison.Ordinal) && Fits(word, start);

    private static string[] Fold(string[] words) => [.. words.Select(Folding.Fold).Distinct()];
}
