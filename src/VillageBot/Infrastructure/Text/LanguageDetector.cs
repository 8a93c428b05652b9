namespace VillageBot.Infrastructure.Text;

/// <summary>
/// Guesses the language of a short text (a report, a question): Cyrillic is Russian (mostly Cyrillic letters, or two
/// Cyrillic words among Latin names); Latin text is Latvian when its
/// Latvian cues (cue words, and words with Latvian letters counting double) outweigh the English cue words (typed without diacritics, "nav interneta" is still
/// Latvian), English when it has more English cues. Text without cues ("LEADER?") gets the fallback.
/// </summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> LatvianCues =
    [
        "un", "ir", "nav", "ka", "kas", "uz", "pie", "ar", "no", "par", "mums", "musu", "mes", "jau", "tas", "ta", "tur",
        "kad", "vai", "bet", "ne", "nekas", "neviens", "visi", "vel", "tik", "loti", "var", "nevar", "jo", "ari", "lai",
        "kur", "kapec", "atkal", "katru", "sis", "so", "sogad", "pagasta", "pagasts", "ciema", "mana", "man", "mani",
        "vins", "vina", "vini", "ludzu", "labdien", "sveiki", "gadu", "gadiem", "dienas", "nedelu", "pec", "bija", "bus",
        "tikai", "jabut", "vajag", "vajadzetu", "nevienam", "kads", "kada", "neko", "te", "seit", "tagad", "ko", "cik",
        "kadi", "kadas", "kur", "kurs", "kura", "ja", "vajadzigs", "var", "varam", "varu", "ciems", "ciemu", "biedriba",
    ];

    private static readonly HashSet<string> EnglishCues =
    [
        "the", "is", "are", "and", "to", "of", "in", "we", "our", "not", "there", "for", "it", "on", "have", "has", "no",
        "nobody", "with", "this", "that", "at", "be", "was", "were", "been", "since", "again", "can", "cannot", "can't",
        "don't", "doesn't", "isn't", "there's", "it's", "my", "i", "you", "they", "their", "who", "what", "when", "why",
        "anyone", "every", "any", "from", "by", "all", "just", "still", "here", "please", "would", "should", "need",
        "how", "does", "do", "where", "which", "about", "explain", "a", "an", "whats", "what's", "village",
    ];

    /// <summary>"lv", "en" or "ru"; Latvian when nothing tells.</summary>
    public static string Detect(string text) => Detect(text, "lv");

    /// <summary>"lv", "en" or "ru"; <paramref name="fallback"/> when nothing in the text tells.</summary>
    public static string Detect(string text, string fallback)
    {
        int cyrillic = 0, latin = 0, latvianLetters = 0;
        foreach (var c in text)
        {
            if (Folding.IsCyrillic(c))
            {
                cyrillic++;
            }
            else if (char.IsAsciiLetter(c))
            {
                latin++;
            }
            else if ("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ".Contains(c, StringComparison.Ordinal))
            {
                latvianLetters++;
            }
        }

        // Russian residents name programmes and places in Latin letters ("что такое EU Action for Smart Villages",
        // "как подать заявку в LEADER"); a Latvian or English text with two Russian words in it is rare.
        if (cyrillic > latin + latvianLetters || Folding.Words(text).Count(w => w.Length > 1 && w.All(Folding.IsCyrillic)) >= 2)
        {
            return "ru";
        }

        // A word with Latvian letters is a strong Latvian cue, but an English text may name a Latvian thing ("biedrība").
        int lv = 0, en = 0;
        foreach (var word in Folding.Words(text))
        {
            var folded = Folding.Fold(word);
            lv += LatvianCues.Contains(folded) ? 1 : word.Any(c => "āčēģīķļņšūž".Contains(c, StringComparison.Ordinal)) ? 2 : 0;
            en += EnglishCues.Contains(folded) ? 1 : 0;
        }

        return en > lv ? "en" : lv > en ? "lv" : fallback;
    }
}
