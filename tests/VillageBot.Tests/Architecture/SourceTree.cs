using System.Text.RegularExpressions;

namespace VillageBot.Tests.Architecture;

/// <summary>The bot's source files as written, for tests of how the code is laid out.</summary>
public static partial class SourceTree
{
    /// <summary>src/VillageBot in the checkout these tests were built from.</summary>
    public static string BotFolder { get; } = FindBotFolder();

    public static IEnumerable<string> Files(string relativeFolder) =>
        Directory.EnumerateFiles(Path.Combine(BotFolder, relativeFolder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    /// <summary>
    /// The code of a file without its comments and the contents of its string and character literals; its lines
    /// stay where they were.
    /// </summary>
    public static string Code(string file) => Noise().Replace(File.ReadAllText(file), m =>
        (m.Value.StartsWith('/') ? " " : "\"\"") + new string('\n', m.Value.Count(c => c == '\n')));

    private static string FindBotFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "VillageBot.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("VillageBot.sln not found above " + AppContext.BaseDirectory), "src", "VillageBot");
    }

    // Line and block comments, verbatim and raw strings, regular strings and characters.
    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/|""""""[\s\S]*?""""""|@""(?:[^""]|"""")*""|""(?:\\.|[^""\\\n])*""|'(?:\\.|[^'\\\n])+'", RegexOptions.Singleline)]
    private static partial Regex Noise();
}
