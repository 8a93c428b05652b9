using System.Text;
using System.Text.RegularExpressions;
using VillageBot.Conversation;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>
/// One Markdown article of data/knowledge/{lang}/: front matter and its <c>##</c> sections. <see cref="Asks"/> are the
/// ways a resident might ask for what the whole article answers (<c>&lt;!-- ask: … --&gt;</c> lines under the title).
/// <see cref="Summary"/> (front matter <c>summary</c>, optional) names the article's main points in one to three
/// sentences; it opens every answer from the article (<see cref="AnswerComposer"/>).
/// </summary>
public sealed record KnowledgeArticle(string Id, string Title, string Lang, IReadOnlyList<string> Tags, string Source, IReadOnlyList<KnowledgeSection> Sections, string File)
{
    public IReadOnlyList<string> Asks { get; init; } = [];

    public string Summary { get; init; } = "";
}

/// <summary>A <c>##</c> section: its heading, its text as residents see it, and the ways they might ask for it.</summary>
public sealed record KnowledgeSection(string Heading, string Body)
{
    public IReadOnlyList<string> Asks { get; init; } = [];
}

/// <summary>A knowledge file that cannot be read; the message names the file and what is wrong.</summary>
public sealed class KnowledgeFormatException(string file, string problem)
    : Exception($"Knowledge file {file}: {problem}")
{
    public string File { get; } = file;
}

/// <summary>Reads and checks every article at start-up, so a broken file stops the bot with a clear message.</summary>
public static partial class KnowledgeBase
{
    private static readonly string[] RequiredFields = ["id", "title", "lang", "tags", "source"];

    /// <summary>Every article of the folder's lv, en and ru subfolders; none when the folder does not exist.</summary>
    public static IReadOnlyList<KnowledgeArticle> Load(string knowledgeDirectory)
    {
        if (!Directory.Exists(knowledgeDirectory))
        {
            return [];
        }

        var articles = new List<KnowledgeArticle>();
        foreach (var lang in Languages.All)
        {
            var folder = Path.Combine(knowledgeDirectory, lang);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
            {
                articles.Add(Parse(file, File.ReadAllText(file), lang));
            }
        }

        var duplicate = articles.GroupBy(a => (a.Lang, a.Id)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new KnowledgeFormatException(duplicate.Last().File, $"id '{duplicate.Key.Id}' is used twice in '{duplicate.Key.Lang}'.");
        }

        return articles;
    }

    /// <summary>Parses one article; <paramref name="expectedLang"/> is the folder it lies in.</summary>
    public static KnowledgeArticle Parse(string file, string text, string expectedLang)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new KnowledgeFormatException(file, "it must start with front matter between '---' lines.");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new KnowledgeFormatException(file, "the front matter is not closed with '---'.");
        }

        var fields = ReadFrontMatter(file, lines[1..end]);
        var missing = RequiredFields.Where(f => !fields.TryGetValue(f, out var v) || v.Length == 0).ToList();
        if (missing.Count > 0)
        {
            throw new KnowledgeFormatException(file, $"front matter lacks {string.Join(", ", missing)}.");
        }

        if (fields["lang"] != expectedLang)
        {
            throw new KnowledgeFormatException(file, $"lang is '{fields["lang"]}' but the file is in the '{expectedLang}' folder.");
        }

        var (sections, asks) = ReadSections(lines[(end + 1)..]);
        if (sections.Count == 0)
        {
            throw new KnowledgeFormatException(file, "it has no '## ' sections with text.");
        }

        if (sections.FirstOrDefault(s => s.Body.Length == 0) is { } empty)
        {
            throw new KnowledgeFormatException(file, $"section '{empty.Heading}' has no text.");
        }

        var tags = ReadList(fields["tags"]);
        return new KnowledgeArticle(fields["id"], fields["title"], expectedLang, tags, fields["source"], sections, file)
        {
            Asks = asks,
            Summary = fields.GetValueOrDefault("summary", ""),
        };
    }

    /// <summary>
    /// The phrases of a <c>&lt;!-- ask: a | b | c --&gt;</c> line: ways a resident might ask for what the section (or,
    /// under the title, the article) answers. Null when the line is not one.
    /// </summary>
    public static IReadOnlyList<string>? AskPhrases(string line)
    {
        var match = AskLine().Match(line);
        return match.Success
            ? [.. match.Groups[1].Value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
            : null;
    }

    private static Dictionary<string, string> ReadFrontMatter(string file, string[] lines)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Where(l => l.Trim().Length > 0))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new KnowledgeFormatException(file, $"front matter line '{line.Trim()}' is not 'key: value'.");
            }

            fields[line[..colon].Trim()] = Unquote(line[(colon + 1)..].Trim());
        }

        return fields;
    }

    /// <summary>
    /// The sections, and the ask phrases written before the first of them (the article's). Ask lines and other
    /// one-line HTML comments are notes for the search, never shown to residents, so they are not part of a body.
    /// </summary>
    private static (List<KnowledgeSection> Sections, List<string> ArticleAsks) ReadSections(string[] lines)
    {
        var sections = new List<KnowledgeSection>();
        var articleAsks = new List<string>();
        var asks = new List<string>();
        string? heading = null;
        var body = new StringBuilder();
        foreach (var line in lines)
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                heading = line[3..].Trim();
            }
            else if (AskPhrases(line) is { } phrases)
            {
                (heading is null ? articleAsks : asks).AddRange(phrases);
            }
            else if (heading is not null && !line.StartsWith("# ", StringComparison.Ordinal) && !Comment().IsMatch(line))
            {
                body.Append(line.Trim()).Append('\n');
            }
        }

        Flush();
        return (sections, articleAsks);

        void Flush()
        {
            if (heading is not null)
            {
                sections.Add(new KnowledgeSection(heading, body.ToString().Trim()) { Asks = [.. asks] });
            }

            body.Clear();
            asks.Clear();
        }
    }

    private static List<string> ReadList(string value)
    {
        var inner = value.StartsWith('[') && value.EndsWith(']') ? value[1..^1] : value;
        return [.. inner.Split(',').Select(t => Unquote(t.Trim())).Where(t => t.Length > 0)];
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'') ? value[1..^1] : value;

    [GeneratedRegex(@"^\s*<!--\s*ask\s*:(.*?)-->\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex AskLine();

    [GeneratedRegex(@"^\s*<!--.*-->\s*$")]
    private static partial Regex Comment();
}
