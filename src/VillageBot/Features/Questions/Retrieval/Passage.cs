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

    /// <summary>
    /// The definitions a message asks for, each as a short question of its own: "What's an energy community and could
    /// our village pull one off?" → "what is an energy community"; "Что такое развитие сообществ простыми словами? Это же
    /// не только проекты писать?" → "что такое развитие сообществ простыми словами"; "kas ir tas KLP tīkls, par ko
    /// stāstīja…" → "kas ir KLP tīkls". The topic runs from "what is", "kas ir", "что такое" to the end of its clause
    /// (a mark, or "and", "un", "и", "or", "vai", "или") and has one to six words besides those asking for plain words
    /// ("in simple terms", "простыми словами"). "What does it mean" in Latvian and Russian ("ko nozīmē", "что значит")
    /// asks the same, and so does a topic typed with "definition" after it or a term of two to six words quoted as
    /// heard ("the whole parish keeps on about "community development"" → "what is community development").
    /// </summary>
    public static IReadOnlyList<string> DefinitionsAsked(string message)
    {
        var found = new List<string>();
        foreach (Match m in Definition().Matches(message))
        {
            var topic = Filler().Replace(m.Groups["topic"].Value, " ").Trim();
            var words = topic.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is >= 1 and <= MaxDefinedWords && !Own.Contains(words[0]))
            {
                var frame = Filler().Replace(m.Groups["frame"].Value, " ");
                found.Add(string.Join(' ', frame.Split(' ', StringSplitOptions.RemoveEmptyEntries)) + " " + topic);
            }
        }

        // A term quoted as heard ("people here talk about "community development"", «быть переменами»): its definition.
        found.AddRange(QuotedTerms(message).Select(t => "what is " + t));

        // A topic typed with "definition" or "meaning" after it: "community development definition", "VRG nozīme".
        if (found.Count == 0 && Named().Match(message.Trim()) is { Success: true } named
            && Filler().Replace(named.Groups["topic"].Value, " ").Trim() is { Length: > 0 } typed
            && typed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxDefinedWords)
        {
            found.Add("what is " + typed);
        }

        return found;
    }

    /// <summary>The terms of two to six words a message quotes as heard ("community development", «быть переменами»).</summary>
    public static IEnumerable<string> QuotedTerms(string message)
    {
        foreach (Match q in Quoted().Matches(message))
        {
            var words = q.Groups["term"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is >= 2 and <= MaxDefinedWords && !Own.Contains(words[0]))
            {
                yield return string.Join(' ', words);
            }
        }
    }

    /// <summary>A term in quotation marks of any kind: "…", “…”, „…“, «…».</summary>
    [GeneratedRegex(@"[""“„«](?<term>[^""“”„«»\n]{2,60})[""”“»]", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    /// <summary>Words that ask for plain words, not for anything more: "in simple terms", "vienkāršos vārdos", "простыми словами", "actually".</summary>
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:in\s+(?:simple|plain)\s+(?:terms|words|english|language)|simply|exactly|actually|really|vienk[aā]r[sš]os\s+v[aā]rdos|vienk[aā]r[sš]i|[iī]sti|tie[sš]i|visp[aā]r|pa\s+cilv[eē]cīgi|простыми\s+словами|простым\s+языком|вообще|собственно|именно|же)(?![\p{L}\d])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    /// <summary>A whole message of a topic and "definition" or "meaning" ("LEADER definition", "energokopiena nozīme", "умная деревня определение").</summary>
    [GeneratedRegex(
        @"^(?<topic>[^.,;:!?\n]+?)\s+(?:definition|meaning|defin[iī]cija|noz[iī]me|определение|значение)\s*[?.!]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Named();

    /// <summary>Words that make a topic one's own affair, not a name to define: "what are my chances", "kas ir mūsu pienākums", "что такое наш долг".</summary>
    private static readonly HashSet<string> Own = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "our", "your", "his", "her", "their", "its", "it", "this", "that", "these", "those", "there", "here", "wrong", "happening", "going",
        "mans", "mana", "mani", "manas", "manu", "mūsu", "musu", "tavs", "tava", "tavi", "jūsu", "jusu", "viņa", "vina", "viņu", "vinu", "šis", "sis", "šī", "si", "tur", "te", "šeit", "seit", "noticis", "notika",
        "мой", "моя", "моё", "мое", "мои", "наш", "наша", "наше", "наши", "ваш", "ваша", "ваше", "ваши", "твой", "его", "её", "ее", "их", "это", "этот", "эта", "там", "тут", "здесь",
    };

    /// <summary>A topic longer than this is a question of its own, not a name to define.</summary>
    private const int MaxDefinedWords = 6;

    [GeneratedRegex(
        @"(?<![\p{L}\d])(?<frame>what\s+(?:exactly\s+|actually\s+)?is|what's|what’s|whats|what\s+are|kas\s+(?:[iī]sti\s+|tie[sš]i\s+|visp[aā]r\s+)?ir|ko\s+noz[iī]m[eē]|что\s+(?:же\s+|именно\s+|вообще\s+)?такое|что\s+это\s+такое|что\s+это\s+за|что\s+значит|что\s+означает)(?:\s+(?:tas|tā|ta|tie|tās)\b)?\s+(?<topic>(?:(?!\s(?:and|un|и|or|vai|или)\s)[^.,;:!?\n—–()])+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Definition();
}
