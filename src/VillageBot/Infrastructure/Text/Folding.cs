using Lucene.Net.Analysis.Miscellaneous;

namespace VillageBot.Infrastructure.Text;

/// <summary>
/// Lower case without diacritics, the way many residents type: "Ceļš" and "cels" become the same "cels", "Ёлка"
/// becomes "елка". The one fold of the project: questions, reports, village names and the classifier all use it.
/// </summary>
public static class Folding
{
    /// <summary>
    /// Latin letters lose their marks (Latvian ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž and any other), ё becomes е, and
    /// Cyrillic is otherwise left alone. "й" stays "й": it is a letter of its own in Russian, not "и" with a mark,
    /// the Russian stemmer needs it to cut endings such as "-ый" and "-ой", and people do type it.
    /// </summary>
    public static string Fold(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var input = text.ToLowerInvariant().ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        for (var i = 0; i < length; i++)
        {
            if (output[i] == 'ё')
            {
                output[i] = 'е';
            }
        }

        return new string(output, 0, length);
    }

    /// <summary>
    /// The words of a text, lower-cased: runs of letters and digits, keeping inner hyphens, apostrophes and dots
    /// ("wi-fi", "don't", "stat.gov.lv"). Pass folded text to get folded words.
    /// </summary>
    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && (char.IsLetterOrDigit(text[i])
                || (start >= 0 && text[i] is '-' or '\'' or '’' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])));
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].Replace('’', '\'').ToLowerInvariant();
                start = -1;
            }
        }
    }

    /// <summary>The folded words of a text.</summary>
    public static IEnumerable<string> FoldedWords(string text) => Words(Fold(text));

    /// <summary>True for a letter of the Cyrillic script.</summary>
    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';
}
