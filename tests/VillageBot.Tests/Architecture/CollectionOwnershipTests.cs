using System.Text.RegularExpressions;

namespace VillageBot.Tests.Architecture;

/// <summary>
/// A feature's collections are named only inside its own folder (Features/X); everyone else asks the feature
/// (a store, a query API). Names are read where collections are opened (<c>Collection&lt;T&gt;("x")</c>,
/// <c>GetCollection("x")</c>, <c>CollectionExists("x")</c>), declared (<c>CollectionName = "x"</c>) or listed for
/// privacy (<c>Collections =&gt; ["x", …]</c>).
/// </summary>
public sealed partial class CollectionOwnershipTests
{
    [Fact]
    public void Only_the_owning_feature_names_its_collections()
    {
        var files = SourceTree.Files(".").Select(f => (File: f, Folder: FeatureFolder(f), Names: NamesIn(File.ReadAllText(f)).ToList())).ToList();
        var owners = files.Where(f => f.Folder is not null).SelectMany(f => f.Names.Select(n => (Name: n.Name, f.Folder)))
            .GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.Select(x => x.Folder!).Distinct().ToList());

        var shared = owners.Where(o => o.Value.Count > 1).Select(o => $"\"{o.Key}\" is named in {string.Join(" and ", o.Value)}");
        var strays =
            from f in files
            from n in f.Names
            where owners.TryGetValue(n.Name, out var owner) && owner.Count == 1 && owner[0] != f.Folder
            select $"{Path.GetRelativePath(SourceTree.BotFolder, f.File)}:{n.Line}: \"{n.Name}\" belongs to {owners[n.Name][0]}";
        var offenders = shared.Concat(strays).ToList();

        Assert.Contains("reports", owners.Keys);
        Assert.Contains("polls", owners.Keys);
        Assert.True(offenders.Count == 0, "A feature's collection is named outside its folder (ask the feature's store instead):\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("var reports = db.Collection<Report>(\"reports\");", "reports")]
    [InlineData("return [.. database.GetCollection(\"reports\").Find(Query.All())];", "reports")]
    [InlineData("if (!database.CollectionExists(\"reports\"))", "reports")]
    [InlineData("public const string CollectionName = \"reports\";", "reports")]
    [InlineData("public IReadOnlyList<string> Collections => [\"polls\", \"poll_messages\"];", "polls,poll_messages")]
    public void A_collection_name_is_recognised(string line, string names) =>
        Assert.Equal(names.Split(','), NamesIn(line).Select(n => n.Name));

    [Theory]
    [InlineData("public const string Polls = \"polls\";")]
    [InlineData("web.MapGet(\"/reports\", List);")]
    [InlineData("/// <summary>The \"reports\" collection.</summary>")]
    public void Other_strings_are_not_taken_for_collections(string line) => Assert.Empty(NamesIn(line));

    /// <summary>"Features/Reports" for a file under src/VillageBot/Features/Reports; null outside the feature folders.</summary>
    private static string? FeatureFolder(string file)
    {
        var parts = Path.GetRelativePath(SourceTree.BotFolder, file).Split(Path.DirectorySeparatorChar);
        return parts.Length > 2 && parts[0] == "Features" ? "Features/" + parts[1] : null;
    }

    /// <summary>The collection names in a file's code (not its comments), with their lines.</summary>
    private static IEnumerable<(string Name, int Line)> NamesIn(string text)
    {
        text = Comment().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));
        int LineOf(int index) => text[..index].Count(c => c == '\n') + 1;
        foreach (Match m in Opened().Matches(text))
        {
            yield return (m.Groups["name"].Value, LineOf(m.Index));
        }

        foreach (Match m in Listed().Matches(text))
        {
            foreach (Match s in Quoted().Matches(m.Groups["list"].Value))
            {
                yield return (s.Groups["name"].Value, LineOf(m.Index));
            }
        }
    }

    [GeneratedRegex(@"(?:\b\w*Collection\w*\s*(?:<[^>()]*>)?\s*\(\s*|\bCollectionName\s*=\s*)""(?<name>[^""]+)""")]
    private static partial Regex Opened();

    [GeneratedRegex(@"\bCollections\s*=>\s*\[(?<list>[^\]]*)\]")]
    private static partial Regex Listed();

    [GeneratedRegex(@"""(?<name>[^""]+)""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();
}
