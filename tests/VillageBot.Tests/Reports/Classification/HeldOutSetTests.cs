using System.Text.Json;
using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>
/// The held-out set is the test split of every blind batch (data/eval/blind*). These tests look at its shape only (ids, labels,
/// languages, counts); nothing here shows or scores its texts.
/// </summary>
public sealed class HeldOutSetTests
{
    private static readonly string[] Languages = ["lv", "en", "ru"];

    [Fact]
    public void The_held_out_set_is_the_test_split_of_every_blind_batch()
    {
        var paths = ProblemTrainingSet.HeldOutFiles(ClassifierFixture.DataPath).Select(p => Path.GetRelativePath(ClassifierFixture.DataPath, p)).ToList();

        Assert.Equal(Path.Combine("eval", "blind", "problems.test.jsonl"), paths[0]);
        Assert.Contains(Path.Combine("eval", "blind3", "problems.test.jsonl"), paths);
        Assert.All(paths, p => Assert.Equal("problems.test.jsonl", Path.GetFileName(p)));
        Assert.Equal(paths.Count - ProblemTrainingSet.DevHalvesInTraining(ClassifierFixture.DataPath).Count, ProblemTrainingSet.DevFiles(ClassifierFixture.DataPath).Count);
    }

    [Fact]
    public void Every_held_out_line_has_an_id_a_language_a_category_and_a_text()
    {
        var rows = Rows(ProblemTrainingSet.HeldOutFiles(ClassifierFixture.DataPath));

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
        var test = Rows(ProblemTrainingSet.HeldOutFiles(ClassifierFixture.DataPath));
        var dev = Rows(ProblemTrainingSet.DevFiles(ClassifierFixture.DataPath));

        Assert.All(Categories.All, c => Assert.True(test.Count(r => r.Label == c) >= 5, $"at least 5 {c} reports"));
        Assert.All(Languages, l => Assert.True(test.Count(r => r.Lang == l) >= 10, $"at least 10 reports in {l}"));
        Assert.Empty(test.Select(r => r.Id).Intersect(dev.Select(r => r.Id)));
    }

    /// <summary>Each line's id, language and label, and whether it has a text; the text itself is not kept.</summary>
    private static List<(string Id, string Lang, string Label, bool HasText)> Rows(IEnumerable<string> paths) =>
    [
        .. paths.SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            var root = doc.RootElement;
            string Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            return (Field("id"), Field("lang"), Field("label"), Field("text").Trim().Length > 0);
        }),
    ];
}
