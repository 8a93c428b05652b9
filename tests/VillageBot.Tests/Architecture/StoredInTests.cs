using System.Text.RegularExpressions;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Tests.Architecture;

/// <summary>
/// Every collection the code opens is in the catalog of <see cref="StoredInAttribute"/> with the type it is opened
/// with, so the migrate command copies it as that type.
/// </summary>
public sealed partial class StoredInTests
{
    /// <summary>The list of jobs of an earlier version, carried into Hangfire and dropped at the first start.</summary>
    private const string Legacy = "jobs";

    [Fact]
    public void Every_collection_opened_is_catalogued_with_its_type()
    {
        var catalog = StoredInAttribute.Catalog();
        var storage = Path.Combine(SourceTree.BotFolder, "Infrastructure", "Storage");
        var opened = (
            from file in SourceTree.Files(".").Where(f => !f.StartsWith(storage, StringComparison.Ordinal))
            let text = File.ReadAllText(file)
            from Match m in Opened().Matches(text)
            select (Type: m.Groups["type"].Value, Name: NameOf(m.Groups["arg"].Value, text), File: Path.GetFileName(file))).ToList();

        var wrong = opened.Where(o => o.Name != Legacy && (o.Name is null || !catalog.TryGetValue(o.Name, out var type) || type.Name != o.Type))
            .Select(o => $"{o.File}: Collection<{o.Type}>(\"{o.Name}\") is catalogued as {(o.Name is not null && catalog.TryGetValue(o.Name, out var t) ? t.Name : "nothing")}").ToList();

        Assert.Contains(opened, o => o.Name == ReportStoreName);
        Assert.True(wrong.Count == 0, "Mark the document type [StoredIn(\"name\")]:\n" + string.Join('\n', wrong));
        Assert.Equal(catalog.Keys.Order(), opened.Select(o => o.Name).Where(n => n != Legacy).Distinct().Order()!);
    }

    private const string ReportStoreName = Features.Reports.ReportStore.CollectionName;

    /// <summary>The name a literal gives, or a constant declared in the file (CollectionName = "x") or on a named type (ReportStore.CollectionName).</summary>
    private static string? NameOf(string arg, string text)
    {
        if (arg.StartsWith('"'))
        {
            return arg.Trim('"');
        }

        var parts = arg.Split('.');
        if (parts.Length == 1)
        {
            return Regex.Match(text, $@"\b{parts[0]}\s*=\s*""(?<name>[^""]+)""") is { Success: true } declared ? declared.Groups["name"].Value : null;
        }

        var owner = typeof(StoredInAttribute).Assembly.GetTypes().FirstOrDefault(t => t.Name == parts[^2]);
        return owner?.GetField(parts[^1])?.GetRawConstantValue() as string;
    }

    [GeneratedRegex(@"\.Collection<(?<type>\w+)>\(\s*(?<arg>""[^""]+""|[A-Z][\w.]*)")]
    private static partial Regex Opened();
}
