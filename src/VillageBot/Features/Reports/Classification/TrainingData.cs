using System.Text.Json;
using LiteDB;
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

    /// <summary>Reports an admin relabelled (collection "reports", RelabeledCategory set), each weighted as <paramref name="weight"/> examples.</summary>
    public static List<LabeledText> Relabels(ILiteDatabase database, float weight)
    {
        if (!database.CollectionExists("reports"))
        {
            return [];
        }

        return [.. database.GetCollection("reports").Find(Query.Not(nameof(Report.RelabeledCategory), BsonValue.Null))
            .Select(d => (Text: d[nameof(Report.Text)], Label: d[nameof(Report.RelabeledCategory)], Lang: d[nameof(Report.Lang)]))
            .Where(r => r.Text.IsString && r.Label.IsString && Categories.IsKnown(r.Label.AsString) && !string.IsNullOrWhiteSpace(r.Text.AsString))
            .Select(r => new LabeledText(r.Text.AsString, r.Label.AsString, r.Lang.IsString ? r.Lang.AsString : LanguageDetector.Detect(r.Text.AsString), weight))];
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private sealed record Row(string? Text, string? Label, string? Lang);
}
