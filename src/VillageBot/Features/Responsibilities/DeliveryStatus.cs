using System.Globalization;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// Where a report went, in words: "sent to … at …", "failed; attempts: 3; error: …". On the report's page (one line per body)
/// and on the pulse (the latest deliveries of the villages in view).
/// </summary>
public sealed class DeliveryStatus(DeliveryStore deliveries, ResponsibilityStore responsibilities, Texts texts, TimeZoneInfo zone) : IReportFacts, IPulseSource
{
    public const int PulseRows = 20;

    public string Slot => PulseSlots.Delivery;

    public IEnumerable<(string Term, string Value)> For(Report report, string lang)
    {
        var term = texts.Get(lang, "resp.fact.delivery");
        var sent = deliveries.OfReport(report.Id);
        foreach (var d in sent)
        {
            yield return (term, Describe(d, lang));
        }

        if (sent.Any(d => d.State == DeliveryStates.Sent || DeliveryStates.IsOpen(d.State)))
        {
            yield break;
        }

        if (report.NeedsReview)
        {
            yield return (term, texts.Get(lang, "resp.fact.after_review"));
        }
        else if (responsibilities.Route(report).Entry is { Body.Channel: Channels.Redirect } redirect)
        {
            yield return (term, texts.Get(lang, "resp.fact.redirect", redirect.Body.Name));
        }
        else if (sent.Count == 0)
        {
            yield return (term, texts.Get(lang, "resp.fact.nobody"));
        }
    }

    public PulseSection? Build(PulseScope scope)
    {
        var rows = deliveries.Deliveries.FindAll()
            .Where(d => scope.Includes(d.VillageId) && d.CreatedAt >= scope.FromUtc && d.CreatedAt < scope.ToUtc && d.State != DeliveryStates.Superseded)
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var lang = scope.Lang;
        var states = rows.GroupBy(d => d.State).OrderByDescending(g => g.Count())
            .Select(g => (texts.Get(lang, "resp.pulse.state." + g.Key), (double)g.Count())).ToList();
        var table = new PulseTable(
            [texts.Get(lang, "resp.pulse.ref"), texts.Get(lang, "resp.fact.delivery")],
            [.. rows.OrderByDescending(d => d.UpdatedAt).Take(PulseRows).Select(d => (IReadOnlyList<string>)[d.Reference, Describe(d, lang)])]);
        return new PulseSection([new PulseBars(texts.Get(lang, "resp.pulse.title"), states)], table);
    }

    public string Describe(ReportDelivery d, string lang) => d.State switch
    {
        DeliveryStates.Sent => texts.Get(lang, "resp.state.sent", d.BodyName, Local(d.SentAt ?? d.UpdatedAt)),
        DeliveryStates.Failed => texts.Get(lang, "resp.state.failed", d.BodyName, d.Attempts, d.LastError ?? "—"),
        DeliveryStates.Retrying => texts.Get(lang, "resp.state.retrying", d.BodyName, d.Attempts, d.LastError ?? "—"),
        var state => texts.Get(lang, "resp.state." + state, d.BodyName),
    };

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
