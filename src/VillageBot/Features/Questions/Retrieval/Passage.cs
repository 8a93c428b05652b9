using System.Text.RegularExpressions;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>One <c>##</c> section of an article: the unit that is indexed, found and quoted.</summary>
public sealed class Passage
{
    public Passage(KnowledgeArticle article, KnowledgeSection section, IReadOnlyList<Sentence> sentences, HashSet<string> terms)
    {
        Article = article;
        Section = section;
        Sentences = sentences;
        Terms = terms;
    }

    public KnowledgeArticle Article { get; }

    public KnowledgeSection Section { get; }

    public IReadOnlyList<Sentence> Sentences { get; }

    /// <summary>Every analysed term of the title, tags, heading, ask phrases and text.</summary>
    public HashSet<string> Terms { get; }

    /// <summary>
    /// The analysed terms of the title, tags, heading and ask phrases alone: a question that names them is on the topic.
    /// </summary>
    public HashSet<string> HeadTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>The analysed terms of the section's own heading and ask phrases (not the article's).</summary>
    public HashSet<string> SectionTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>The analysed terms of the article's title, tags and ask phrases: what names its topic as a whole.</summary>
    public HashSet<string> ArticleTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>The analysed terms of the article's title.</summary>
    public HashSet<string> TitleTerms { get; } = new(StringComparer.Ordinal);

    public string Lang => Article.Lang;

    /// <summary>What is indexed for the heading: the article's title and tags and the section's heading.</summary>
    public string HeadText => $"{Article.Title}. {string.Join(", ", Article.Tags)}. {Section.Heading}.";

    /// <summary>What is indexed for the ways residents ask: the article's and the section's ask phrases.</summary>
    public string AskText => string.Join(". ", Article.Asks.Concat(Section.Asks));
}

/// <summary>A sentence of a passage with its analysed terms, so choosing what to quote needs no analysis.</summary>
public sealed record Sentence(string Text, HashSet<string> Terms);

public static partial class Sentences
{
    /// <summary>Splits text at sentence ends followed by a capital, a digit, a quote or a bracket.</summary>
    public static IEnumerable<string> Split(string text) =>
        SentenceEnd().Split(text.Replace('\n', ' ')).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[.!?…])\s+(?=[\p{Lu}\d""«„(])", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceEnd();

    /// <summary>
    /// The sentences of a message of several that ask: those with a question mark, or else the last one. Residents
    /// often write in lower case, so any sentence end splits, except a full stop after a number (an ordinal: "2023. gadā").
    /// Empty for a message of one sentence.
    /// </summary>
    public static IReadOnlyList<string> Asking(string message)
    {
        var typed = TypedEnd().Split(message).Select(s => s.Trim()).Where(s => s.Any(char.IsLetter)).ToList();
        if (typed.Count < 2)
        {
            return [];
        }

        var asking = typed.Where(s => s.Contains('?', StringComparison.Ordinal)).ToList();
        return asking.Count > 0 ? asking : [typed[^1]];
    }

    [GeneratedRegex(@"(?<=[^\d][.!?…])\s+|(?<=\d[!?…])\s+|\n+", RegexOptions.CultureInvariant)]
    private static partial Regex TypedEnd();
}
