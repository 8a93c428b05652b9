using VillageBot.Features.Onboarding;

namespace VillageBot.Features.Reports.Classification;

/// <summary>Lower case without diacritics, the way many residents type: "Ceļš" and "cels" become the same "cels".</summary>
public static class TextFolding
{
    public static string Fold(string text) => VillageDirectory.Fold(text);

    /// <summary>The words of folded text: runs of letters and digits, keeping inner hyphens and apostrophes ("wi-fi", "don't").</summary>
    public static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && (char.IsLetterOrDigit(folded[i])
                || (start >= 0 && folded[i] is '-' or '\'' or '’' && i + 1 < folded.Length && char.IsLetterOrDigit(folded[i + 1])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i].Replace('’', '\'');
                start = -1;
            }
        }
    }
}
