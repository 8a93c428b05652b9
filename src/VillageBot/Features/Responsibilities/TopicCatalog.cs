using System.Text.Json;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Responsibilities;

/// <summary>A topic within a category that often has its own responsible body: a power cut, a state road.</summary>
public sealed record Topic(string Id, string Category, IReadOnlyDictionary<string, string> Label, IReadOnlyList<string> Keywords);

/// <summary>
/// The topics and the emergency words of data/responsibilities.json, read once at start. A topic or an emergency is
/// recognised by its phrases in any of the three languages, matched on folded text (no marks, lower case) at the
/// start of a word, so "elektrības" also finds "Elektrības" and "elektribas".
/// </summary>
public sealed class TopicCatalog
{
    public const string FileName = "responsibilities.json";

    private readonly IReadOnlyList<string> _emergency;

    public TopicCatalog(IOptions<ContentOptions> content)
        : this(Load(Path.Combine(content.Value.ResolvedDataPath, FileName)))
    {
    }

    public TopicCatalog(ResponsibilityFile file)
    {
        File = file;
        Topics = [.. file.Topics.Where(t => Categories.IsKnown(t.Category)).Select(t => new Topic(t.Id, t.Category, t.Label, [.. t.Keywords.Values.SelectMany(k => k).Select(Folding.Fold)]))];
        _emergency = [.. (file.Emergency?.Keywords ?? []).Values.SelectMany(k => k).Select(Folding.Fold)];
        EmergencyPhone = file.Emergency?.Phone ?? "112";
    }

    public ResponsibilityFile File { get; }

    public IReadOnlyList<Topic> Topics { get; }

    public string EmergencyPhone { get; }

    public Topic? Find(string? id) => Topics.FirstOrDefault(t => t.Id == id);

    /// <summary>The first topic whose phrase the text contains; within <paramref name="category"/> when one is given.</summary>
    public Topic? TopicOf(string text, string? category = null)
    {
        var folded = Folding.Fold(text);
        return Topics.FirstOrDefault(t => (category is null || t.Category == category) && t.Keywords.Any(k => Contains(folded, k)));
    }

    /// <summary>Fire, injury, a crime in progress: words that call for 112, not for a report.</summary>
    public bool IsEmergency(string text)
    {
        var folded = Folding.Fold(text);
        return _emergency.Any(k => Contains(folded, k));
    }

    public string Label(Topic topic, string lang) => topic.Label.GetValueOrDefault(lang) ?? topic.Label.GetValueOrDefault("en") ?? topic.Id;

    /// <summary>The phrase at the start of a word (not inside another word: "flames" is not in "inflamed").</summary>
    private static bool Contains(string folded, string phrase)
    {
        for (var at = folded.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            if (at == 0 || !char.IsLetterOrDigit(folded[at - 1]))
            {
                return true;
            }
        }

        return false;
    }

    public static ResponsibilityFile Load(string path) =>
        System.IO.File.Exists(path)
            ? JsonSerializer.Deserialize<ResponsibilityFile>(System.IO.File.ReadAllText(path), JsonOptions) ?? throw new InvalidDataException($"{path} is empty.")
            : new ResponsibilityFile();

    public static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
}

/// <summary>The shape of data/responsibilities.json.</summary>
public sealed class ResponsibilityFile
{
    public EmergencyWords? Emergency { get; set; }

    public List<TopicEntry> Topics { get; set; } = [];

    public List<Responsibility> Entries { get; set; } = [];

    public sealed class EmergencyWords
    {
        public string Phone { get; set; } = "112";

        public Dictionary<string, List<string>> Keywords { get; set; } = [];
    }

    public sealed class TopicEntry
    {
        public string Id { get; set; } = "";

        public string Category { get; set; } = "";

        public Dictionary<string, string> Label { get; set; } = [];

        public Dictionary<string, List<string>> Keywords { get; set; } = [];
    }
}
