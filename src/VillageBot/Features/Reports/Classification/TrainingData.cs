using System.Text.Json;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Reports.Classification;

/// <summary>Where training examples come from: data/problems/*.jsonl and the admins' relabels of stored reports.</summary>
public static class TrainingData
{
    /// <summary>Reads JSON lines {"text", "label", "lang"} from every *.jsonl directly in <paramref name="directory"/>.</summary>
    public static List<LabeledText> ReadDirectory(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(ReadFile)];

    public static IEnumerable<LabeledText> ReadFile(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = System.Text.Json.JsonSerializer.Deserialize<Row>(line, Json)
                ?? throw new InvalidDataException($"{path}:{number}: empty line");
            if (string.IsNullOrWhiteSpace(row.Text) || !Categories.IsKnown(row.Label))
            {
                throw new InvalidDataException($"{path}:{number}: needs a text and one of the category ids, got '{row.Label}'");
            }

            yield return new LabeledText(row.Text, row.Label!, row.Lang ?? LanguageDetector.Detect(row.Text));
        }
    }

    /// <summary>Reports an admin relabelled (<see cref="ReportStore.Relabeled()"/>), each weighted as <paramref name="weight"/> examples.</summary>
    public static List<LabeledText> Relabels(IEnumerable<Report> relabeled, float weight) =>
        [.. relabeled.Where(r => r.RelabeledCategory is { } label && Categories.IsKnown(label) && !string.IsNullOrWhiteSpace(r.Text))
            .Select(r => new LabeledText(r.Text, r.RelabeledCategory!, string.IsNullOrEmpty(r.Lang) ? LanguageDetector.Detect(r.Text) : r.Lang, weight))];

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Row(string? Text, string? Label, string? Lang);
}
