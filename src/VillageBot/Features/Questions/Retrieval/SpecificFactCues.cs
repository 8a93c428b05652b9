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
        // English
        "today", "tomorrow", "yesterday", "tonight", "price", "cost", "costs", "open", "deadline", "weather", "won", "score",
        "timetable", "schedule", "address", "approved", "received", "got", "year's", "o'clock",
        // Russian (folded)
        "сегодня", "завтра", "вчера", "цена", "открыт", "открыта", "погода", "телефон", "адрес", "расписание",
        "выиграл", "срок", "получила", "получил", "одобрили", "номер", "телефона", "прошлом",
    };

    /// <summary>
    /// Words written with a capital inside a sentence, not in capitals throughout (so not "LEADER" or "ENRD"): names
    /// of people and places. A name the articles never use is a sign of a local fact ("who chairs the Ozolmuiža
    /// association?"). Lower-cased, as <see cref="Folding.Words"/> gives them.
    /// </summary>
    public static HashSet<string> Names(string question)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sentenceStart = true;
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
                if (!sentenceStart && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower))
                {
                    names.Add(word.ToLowerInvariant());
                }

                sentenceStart = false;
            }
            else
            {
                sentenceStart |= question[i] is '.' or '!' or '?' or '\n' or ':' or '"' or '«' or '„' or '“' or '(' or '-' or '—' or '–';
                i++;
            }
        }

        return names;
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
            var words = Folding.Words(sentence).Select(Folding.Fold).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                if (Words.Contains(word)
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
