using System.Text.Json;
using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>
/// The held-out set is the blind test split of data/eval/blind. These tests look at its shape only (ids, labels,
/// languages, counts); nothing here shows or scores its texts.
/// </summary>
public sealed class HeldOutSetTests
{
    private static readonly string[] Languages = ["lv", "en", "ru"];

    [Fact]
    public void The_held_out_set_is_the_blind_test_split()
    {
        var path = ProblemTrainingSet.HeldOutFile(ClassifierFixture.DataPath);

        Assert.Equal(Path.Combine("eval", "blind", "problems.test.jsonl"), Path.GetRelativePath(ClassifierFixture.DataPath, path));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void Every_held_out_line_has_an_id_a_language_a_category_and_a_text()
    {
        var rows = Rows(ProblemTrainingSet.HeldOutFile(ClassifierFixture.DataPath));

        Assert.All(rows, r =>
        {
            Assert.False(string.IsNullOrWhiteSpace(r.Id));
            Assert.Contains(r.Lang, Languages);
            Assert.True(Categories.IsKnown(r.Label), "a known category id");
            Assert.True(r.HasText, "a text");
        });
        Assert.Equal(rows.Count, rows.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void The_held_out_set_covers_every_category_and_language_and_shares_no_id_with_dev()
    {
        var test = Rows(ProblemTrainingSet.HeldOutFile(ClassifierFixture.DataPath));
        var dev = Rows(ProblemTrainingSet.DevFile(ClassifierFixture.DataPath));

        Assert.All(Categories.All, c => Assert.True(test.Count(r => r.Label == c) >= 5, $"at least 5 {c} reports"));
        Assert.All(Languages, l => Assert.True(test.Count(r => r.Lang == l) >= 10, $"at least 10 reports in {l}"));
        Assert.Empty(test.Select(r => r.Id).Intersect(dev.Select(r => r.Id)));
    }

    /// <summary>Each line's id, language and label, and whether it has a text; the text itself is not kept.</summary>
    private static List<(string Id, string Lang, string Label, bool HasText)> Rows(string path) =>
    [
        .. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var root = doc.RootElement;
            string Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            return (Field("id"), Field("lang"), Field("label"), Field("text").Trim().Length > 0);
        }),
    ];
}
