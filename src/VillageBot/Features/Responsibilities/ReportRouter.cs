using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// Tells residents at once what the village cannot fix (112 for emergencies, the grid operator for a power cut)
/// and queues each settled report for the body responsible for its category, topic and place.
/// </summary>
public sealed class ReportRouter(
    ResponsibilityStore responsibilities,
    DeliveryStore deliveries,
    TopicCatalog topics,
    IEmergencyAdvice emergency,
    MailSender mail,
    IJobScheduler jobs,
    Texts texts,
    IDocumentStore db,
    TimeProvider time,
    ILogger<ReportRouter> log) : IReportRouting
{
    public async Task<bool> DescribedAsync(BotContext ctx, string text, string? predictedCategory)
    {
        if (await emergency.AdvisedAsync(ctx, text))
        {
            return true;
        }

        var topic = topics.TopicOf(text);
        if ((topic?.Category ?? predictedCategory) is not { } category || ctx.Village is not { } village)
        {
            return false;
        }

        if (responsibilities.Resolve(village, category, topic?.Id) is { Body.Channel: Channels.Redirect } entry)
        {
            var what = topic is not null ? topics.Label(topic, ctx.Lang) : ctx.T(Categories.LabelKey(category));
            await ctx.ReplyKeyAsync("resp.redirect", what, entry.Body.Name, Contact(ctx.Lang, entry.Body), village.Name);
        }

        return false;
    }

    public string? Settled(Report report, string lang)
    {
        if (report.NeedsReview)
        {
            // Sent once an admin has looked at the category: a wrong guess would reach the wrong body.
            return null;
        }

        var (entry, _) = responsibilities.Route(report);
        var body = entry?.Body;
        var wanted = body is null || body.Channel == Channels.Redirect ? null : ReportDelivery.IdOf(report.Id, body);
        var (state, isNew) = deliveries.Atomically<(string? State, bool IsNew)>(() =>
        {
            foreach (var other in deliveries.OfReport(report.Id).Where(d => d.Id != wanted && DeliveryStates.IsOpen(d.State)))
            {
                other.State = DeliveryStates.Superseded;
                other.UpdatedAt = Now;
                deliveries.Save(other);
                jobs.Cancel(jobs.KeyOf<DeliveryJob>(other.Id));
            }

            if (wanted is null)
            {
                return (null, false);
            }

            var d = deliveries.Find(wanted);
            if (d is not null && (d.State == DeliveryStates.Sent || DeliveryStates.IsOpen(d.State)))
            {
                return (d.State, false);
            }

            d ??= new ReportDelivery { Id = wanted, ReportId = report.Id, CreatedAt = Now };
            d.VillageId = report.VillageId;
            d.Reference = report.Reference;
            d.EntryId = entry!.Id;
            d.BodyName = body!.Name;
            d.Channel = body.Channel;
            d.Attempts = 0;
            d.LastError = null;
            d.UpdatedAt = Now;
            d.State = !entry.Checked ? DeliveryStates.Unchecked
                : body.Channel == Channels.Email && !mail.IsConfigured ? DeliveryStates.Off
                : DeliveryStates.Pending;
            deliveries.Save(d);
            return (d.State, true);
        });

        if (body is not null && body.Channel == Channels.Redirect)
        {
            var village = db.Villages.FindById(report.VillageId)?.Name ?? "—";
            return texts.Get(lang, "resp.saved_redirect", village, body.Name, Contact(lang, body));
        }

        if (isNew && state == DeliveryStates.Pending)
        {
            jobs.Enqueue<DeliveryJob>(wanted!);
            log.LogInformation("Report {Reference} queued for {Body}", report.Reference, body!.Name);
        }

        return state is DeliveryStates.Pending or DeliveryStates.Retrying && isNew ? texts.Get(lang, "resp.will_send", body!.Name) : null;
    }

    /// <summary>"call 8404 · https://sadalestikls.lv", with whichever of the two the body has.</summary>
    public string Contact(string lang, ResponsibleBody body)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(body.Phone))
        {
            parts.Add(texts.Get(lang, "resp.call", body.Phone));
        }

        if (!string.IsNullOrWhiteSpace(body.Web))
        {
            parts.Add(body.Web);
        }

        return parts.Count > 0 ? string.Join(" · ", parts) : body.Email ?? "";
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
