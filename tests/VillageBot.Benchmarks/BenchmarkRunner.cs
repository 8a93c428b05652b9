using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VillageBot.Benchmarks;

/// <summary>One named part of the benchmark; it adds its figures (flat names, prefixed with the section name).</summary>
public interface IBenchmarkSection
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(Figures figures, CancellationToken ct);
}

/// <summary>The sections, in the order they run. A new part of the bot adds its section here.</summary>
public static class Sections
{
    public static IReadOnlyList<IBenchmarkSection> All { get; private set; } = For("test");

    /// <summary>The sections; those that score on the blind evaluation sets use <paramref name="split"/> (test, or dev while tuning).</summary>
    public static IReadOnlyList<IBenchmarkSection> For(string split) =>
        [new InboundBenchmark(), new BroadcastBenchmark(), new GroupPacerBenchmark(), new NudgeBenchmark(), new DigestBenchmark(), new QuestionsBenchmark(), new ClassifierBenchmark(split), new IntentBenchmark(split), new StorageBenchmark(), new FailoverBenchmark()];

    public static void UseSplit(string split) => All = For(split);
}

public sealed record Figure(string Name, double Value, string Unit, string Note);

public sealed class Figures
{
    private readonly List<Figure> _all = [];

    public IReadOnlyList<Figure> All => _all;

    public void Add(string name, double value, string unit = "", string note = "")
    {
        _all.Add(new Figure(name, value, unit, note));
        Console.WriteLine(FormattableString.Invariant($"  {name,-34} {Format(value),14} {unit,-6} {note}"));
    }

    public static string Format(double v) => v == Math.Floor(v) && Math.Abs(v) < 1e12 ? v.ToString("0", CultureInfo.InvariantCulture) : v.ToString("0.###", CultureInfo.InvariantCulture);
}

public sealed record BenchmarkOptions(string? Out, IReadOnlySet<string>? Only, string Split = "test")
{
    public static BenchmarkOptions? Parse(string[] args)
    {
        string? output = null;
        HashSet<string>? only = null;
        var split = "test";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    break;
                case "--only" when i + 1 < args.Length:
                    only = [.. args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
                    break;
                case "--split" when i + 1 < args.Length && args[i + 1] is "dev" or "test":
                    split = args[++i];
                    break;
                default:
                    return null;
            }
        }

        Sections.UseSplit(split);
        return only is not null && only.Any(n => Sections.All.All(s => s.Name != n)) ? null : new BenchmarkOptions(output, only, split);
    }
}

public static class BenchmarkRunner
{
    public static async Task<int> RunAsync(BenchmarkOptions options)
    {
        var figures = new Figures();
        var failed = false;
        foreach (var section in Sections.All.Where(s => options.Only is null || options.Only.Contains(s.Name)))
        {
            Console.WriteLine($"\n== {section.Name}: {section.Description}");
            var watch = Stopwatch.StartNew();
            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
            try
            {
                await section.RunAsync(figures, cts.Token);
            }
            catch (Exception e)
            {
                failed = true;
                Console.Error.WriteLine($"Section {section.Name} failed: {e}");
            }

            figures.Add($"{section.Name}_seconds", Math.Round(watch.Elapsed.TotalSeconds, 1), "s", "time the section took");
        }

        if (options.Out is { } path)
        {
            // With --only, figures of other sections already in the file are kept.
            var json = options.Only is not null && File.Exists(path) && JsonNode.Parse(await File.ReadAllTextAsync(path)) is JsonObject existing ? existing : [];
            foreach (var f in figures.All)
            {
                json[f.Name] = f.Value;
            }

            await File.WriteAllTextAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"\nFigures written to {Path.GetFullPath(path)}");
        }

        return failed ? 1 : 0;
    }
}
