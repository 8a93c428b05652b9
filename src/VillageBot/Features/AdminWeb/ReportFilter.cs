using System.Globalization;
using VillageBot.Features.Reports;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// The filters of the reports table, its CSV export and the review queue, read from the query string.
/// Values that make no sense are dropped and named in <see cref="Ignored"/>, so the page can say so.
/// Confidence is given in percent; dates are local calendar days (Europe/Riga) and both ends count.
/// </summary>
public sealed record ReportFilter
{
    public const int PageSize = 50;

    public int? Village { get; init; }

    public string? Category { get; init; }

    public string? Pillar { get; init; }

    public string? Status { get; init; }

    public int? MinConfidence { get; init; }

    public int? MaxConfidence { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Page { get; init; } = 1;

    public IReadOnlyList<string> Ignored { get; init; } = [];

    public static ReportFilter Parse(IQueryCollection q)
    {
        var ignored = new List<string>();
        T? Take<T>(string key, Func<string, T?> parse)
        {
            var raw = q[key].ToString().Trim();
            if (raw.Length == 0)
            {
                return default;
            }

            var value = parse(raw);
            if (value is null)
            {
                ignored.Add(key);
            }

            return value;
        }

        var filter = new ReportFilter
        {
            Village = Take("village", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null),
            Category = Take("category", s => Categories.IsKnown(s) ? s : null),
            Pillar = Take("pillar", s => Categories.Pillars.Contains(s) ? s : null),
            Status = Take("status", s => ReportStatus.All.Contains(s) ? s : null),
            MinConfidence = Take("cmin", Percent),
            MaxConfidence = Take("cmax", Percent),
            From = Take("from", Day),
            To = Take("to", Day),
            Page = Take("page", s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 100_000 ? p : (int?)null) ?? 1,
        };
        return filter with { Ignored = ignored };
    }

    /// <summary>The reports this viewer may see that pass the filters, as a question to <see cref="ReportStore"/>.</summary>
    public ReportQuery ToReportQuery(WebViewer viewer, TimeZoneInfo zone) => new()
    {
        Villages = Village is int v ? (viewer.MaySee(v) ? [v] : []) : viewer.IsAdmin ? null : viewer.Villages,
        Categories = Category is null ? null : [Category],
        Pillar = Pillar,
        Status = Status,
        MinConfidence = MinConfidence,
        MaxConfidence = MaxConfidence,
        CreatedFrom = From is { } f ? TimeZoneInfo.ConvertTimeToUtc(f.ToDateTime(TimeOnly.MinValue), zone) : null,
        CreatedBefore = To is { } t ? TimeZoneInfo.ConvertTimeToUtc(t.AddDays(1).ToDateTime(TimeOnly.MinValue), zone) : null,
    };

    /// <summary>The filters as a query string (without the leading '?'), optionally for another page.</summary>
    public string ToQuery(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(key + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("village", Village?.ToString(CultureInfo.InvariantCulture));
        Add("category", Category);
        Add("pillar", Pillar);
        Add("status", Status);
        Add("cmin", MinConfidence?.ToString(CultureInfo.InvariantCulture));
        Add("cmax", MaxConfidence?.ToString(CultureInfo.InvariantCulture));
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if ((page ?? 1) > 1)
        {
            Add("page", page!.Value.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join('&', parts);
    }

    private static int? Percent(string s) =>
        double.TryParse(s.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 100 ? (int)Math.Round(p) : null;

    /// <summary>The date formats people type in each language; the page shows the one of its language.</summary>
    public static string DateFormat(string lang) => lang == "en" ? "dd/MM/yyyy" : "dd.MM.yyyy";

    /// <summary>ISO dates (links, scripts) and dates as written in Latvian, Russian and British English (1.2.2025, 01.02.2025., 01/02/2025).</summary>
    private static readonly string[] DayFormats = ["yyyy-MM-dd", "d.M.yyyy", "d.M.yyyy.", "d/M/yyyy"];

    private static DateOnly? Day(string s) =>
        DateOnly.TryParseExact(s, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
