namespace VillageBot.Infrastructure.MachineLearning;

/// <summary>
/// The independently written evaluation batches under data/eval (blind, blind2, …): each folder holds files split
/// once into <c>NAME.dev.jsonl</c> and <c>NAME.test.jsonl</c>. Tuning reads dev; final figures read test.
/// </summary>
public static class BlindBatches
{
    /// <summary>The batch folders, first batch first, but for the batches named in <paramref name="except"/>.</summary>
    public static IReadOnlyList<string> Directories(string dataPath, IReadOnlySet<string>? except = null)
    {
        var eval = Path.Combine(dataPath, "eval");
        return Directory.Exists(eval)
            ? [.. Directory.EnumerateDirectories(eval, "blind*")
                .Where(d => Directory.EnumerateFiles(d, "*.dev.jsonl").Any() && except?.Contains(Path.GetFileName(d)) != true)
                .Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>The file <c>NAME.SPLIT.jsonl</c> of every batch that has one, first batch first, but for the batches named in <paramref name="except"/>.</summary>
    public static IReadOnlyList<string> Files(string dataPath, string name, string split, IReadOnlySet<string>? except = null) =>
        [.. Directories(dataPath, except).Select(d => Path.Combine(d, $"{name}.{split}.jsonl")).Where(File.Exists)];

    /// <summary>
    /// The batch names a list file holds (one folder name a line, "#" starts a comment), such as the batches whose dev
    /// half trains a model; empty when the file is missing.
    /// </summary>
    public static IReadOnlySet<string> Listed(string file) =>
        File.Exists(file)
            ? File.ReadLines(file).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
}
