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
/// Folding and the cues: a question mark, a question word first, the length, no letters at all (an emoji). They are
/// features with learnt weights, not rules: "Kāpēc atkal nedeg lampas?" has both question cues and is still a problem.
/// </summary>
public static class IntentFeatures
{
    public const int CueCount = 5;

    /// <summary>What a text is shows in its first sentences; past this a long text adds cost and noise, not intent.</summary>
    public const int MaxChars = 400;

    private static readonly HashSet<string> QuestionWords =
    [
        "kas", "ka", "kur", "kad", "kapec", "kadel", "kads", "kada", "kadi", "kadas", "kadu", "vai", "cik", "kurs", "kura", "kuri", "ko",
        "what", "how", "why", "when", "where", "who", "which", "can", "could", "is", "are", "do", "does", "should", "whats",
        "что", "как", "почему", "зачем", "когда", "где", "кто", "какои", "какая", "какие", "какое", "можно", "сколько", "чем", "ли",
    ];

    public static IntentInput Of(string text, string? label = null, float weight = 1)
    {
        text = text.Length > MaxChars ? text[..MaxChars] : text;
        var words = Folding.Words(Folding.Fold(text)).ToList();
        var letters = text.Count(char.IsLetter);
        return new IntentInput
        {
            Label = label ?? "",
            Folded = string.Join(' ', words),
            Cues =
            [
                text.Contains('?', StringComparison.Ordinal) ? 1 : 0,
                words.Count > 0 && QuestionWords.Contains(words[0]) ? 1 : 0,
                MathF.Log(1 + words.Count) / 3,
                words.Count <= 2 ? 1 : 0,
                letters == 0 ? 1 : 0,
            ],
            Weight = weight,
        };
    }
}
