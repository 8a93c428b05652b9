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
        "kad", "cikos", "maksa", "cena", "cenas", "sodien", "rit", "vakar", "sogad", "sonedel", "termins", "atverts", "atvert", "strada",
        "laikapstakli", "uzvareja", "telefons", "talrunis", "adrese", "saraksts",
        "apstiprinats", "apstiprinaja", "sanema", "pieskirts",
        // English
        "when", "today", "tomorrow", "yesterday", "tonight", "price", "cost", "costs", "open", "deadline", "weather", "won", "score",
        "timetable", "schedule", "address", "approved", "received", "year's", "o'clock",
        // Russian (folded)
        "когда", "сегодня", "завтра", "вчера", "цена", "стоит", "открыт", "открыта", "погода", "телефон", "адрес", "расписание",
        "выиграл", "срок", "получила", "получил", "одобрили",
    };

    public static int Count(string question)
    {
        var count = 0;
        foreach (var word in Folding.Words(question))
        {
            var folded = Folding.Fold(word);
            if (Words.Contains(folded) || word.Any(char.IsDigit) && !word.StartsWith("20", StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
