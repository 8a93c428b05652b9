using System.Text.Json;

namespace VillageBot.Features.Quizzes;

/// <summary>The learning modules, read and checked once at start-up from data/quizzes, in file-name order.</summary>
public sealed class QuizCatalog
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private readonly Dictionary<string, QuizModule> _byId;

    public QuizCatalog(IReadOnlyList<QuizModule> modules, string directory)
    {
        Modules = modules;
        Directory = directory;
        _byId = modules.ToDictionary(m => m.Id, StringComparer.Ordinal);
    }

    public IReadOnlyList<QuizModule> Modules { get; }

    public string Directory { get; }

    public int QuestionCount => Modules.Sum(m => m.Items.Count);

    public QuizModule? Find(string? id) => id is not null && _byId.TryGetValue(id, out var m) ? m : null;

    public IEnumerable<QuizModule> VisibleTo(bool leader) => Modules.Where(m => m.VisibleTo(leader));

    /// <summary>Reads every *.json in the folder; throws <see cref="QuizContentException"/> listing every problem.</summary>
    public static QuizCatalog Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            return new QuizCatalog([], directory);
        }

        var modules = new List<QuizModule>();
        var problems = new List<string>();
        foreach (var path in System.IO.Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var module = Read(path, file, problems);
            if (module is not null)
            {
                problems.AddRange(QuizValidator.Validate(module));
                modules.Add(module);
            }
        }

        problems.AddRange(QuizValidator.ValidateSet(modules));
        if (problems.Count > 0)
        {
            throw new QuizContentException(directory, problems);
        }

        return new QuizCatalog(modules, directory);
    }

    private static QuizModule? Read(string path, string file, List<string> problems)
    {
        try
        {
            var module = JsonSerializer.Deserialize<QuizModule>(File.ReadAllText(path), Json);
            if (module is null)
            {
                problems.Add($"{file}: the file is empty");
                return null;
            }

            module.FileName = file;
            Normalize(module);
            return module;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is long line ? $" at line {line + 1}" : "";
            problems.Add($"{file}: not valid quiz JSON{where} ({e.Path}): {FirstSentence(e.Message)}");
            return null;
        }
    }

    /// <summary>JSON null for a string field becomes empty, so the validator reports it instead of failing.</summary>
    private static void Normalize(QuizModule m)
    {
        m.Id ??= "";
        m.Phase ??= "";
        m.Kind ??= "";
        m.Audience ??= "";
        foreach (var q in m.Questions ?? [])
        {
            if (q is not null)
            {
                q.Id ??= "";
                q.Topic ??= "";
            }
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>The quiz files have mistakes; the message lists each one with its file.</summary>
public sealed class QuizContentException(string directory, IReadOnlyList<string> problems)
    : Exception($"The quiz content in {directory} has {problems.Count} problem(s); fix them and start again:\n- {string.Join("\n- ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
