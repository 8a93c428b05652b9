using VillageBot.Features.Reports;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// A feature's lines among a report's facts on its page (where the report was sent, for instance). Register with
/// <c>services.AddSingleton&lt;IReportFacts, T&gt;()</c>; terms and values are plain text in the page's language, encoded by the page.
/// </summary>
public interface IReportFacts
{
    IEnumerable<(string Term, string Value)> For(Report report, string lang);
}
