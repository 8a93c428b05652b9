using Microsoft.Extensions.Options;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Jobs;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// Sends one delivery (by its id, "report|body"). A delivery already sent, or no longer wanted, is left alone, so
/// running the job twice sends nothing twice. A failure is written on the delivery and the job is scheduled again
/// after a wait that doubles each time; after Mail:MaxAttempts it stays "failed" with the last error, for people
/// to see on the report page and the pulse. The report itself never depends on it: it stays with the coordinators.
/// </summary>
public sealed class DeliveryJob(
    DeliveryStore deliveries,
    ReportStore reports,
    ResponsibilityStore responsibilities,
    ReportMessageBuilder messages,
    MailSender mail,
    Open311Sender open311,
    IJobScheduler jobs,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<DeliveryJob> log) : IJob
{
    public const string Name = "report-delivery";

    public async Task RunAsync(string arg, CancellationToken ct)
    {
        if (deliveries.Find(arg) is not { } delivery || !DeliveryStates.IsOpen(delivery.State))
        {
            return;
        }

        var report = reports.Find(delivery.ReportId);
        var entry = responsibilities.Find(delivery.EntryId);
        if (report is null || entry is null)
        {
            Finish(arg, DeliveryStates.Failed, report is null ? "report deleted" : "responsible body deleted");
            return;
        }

        if (entry.Body.Channel == Channels.Email && !mail.IsConfigured)
        {
            Finish(arg, DeliveryStates.Off, null);
            return;
        }

        try
        {
            var message = await messages.BuildAsync(report, entry.Body, ct);
            if (entry.Body.Channel == Channels.Open311)
            {
                await open311.SendAsync(report, entry.Body, message, ct);
            }
            else
            {
                await mail.SendAsync(report, entry.Body, message, ct);
            }

            Finish(arg, DeliveryStates.Sent, null);
            log.LogInformation("Report {Reference} sent to {Body}", report.Reference, entry.Body.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            Failed(arg, e);
        }
    }

    private void Finish(string id, string state, string? error) => deliveries.Atomically(() =>
    {
        if (deliveries.Find(id) is { } d && DeliveryStates.IsOpen(d.State))
        {
            d.State = state;
            d.LastError = error ?? d.LastError;
            d.UpdatedAt = Now;
            d.SentAt = state == DeliveryStates.Sent ? Now : d.SentAt;
            deliveries.Save(d);
        }

        return 0;
    });

    private void Failed(string id, Exception e)
    {
        var max = options.Value.MaxAttempts;
        var failures = deliveries.Atomically(() =>
        {
            if (deliveries.Find(id) is not { } d || !DeliveryStates.IsOpen(d.State))
            {
                return 0;
            }

            d.Attempts++;
            d.LastError = Describe(e);
            d.State = d.Attempts >= max ? DeliveryStates.Failed : DeliveryStates.Retrying;
            d.UpdatedAt = Now;
            deliveries.Save(d);
            return d.Attempts;
        });
        if (failures == 0)
        {
            return;
        }

        if (failures >= max)
        {
            log.LogError(e, "Delivery {Id} failed {Failures} times and is given up; the report stays with the coordinators", id, failures);
            return;
        }

        log.LogWarning("Delivery {Id} failed (attempt {Failures} of {Max}): {Error}", id, failures, max, Describe(e));
        jobs.Schedule<DeliveryJob>(id, Now + options.Value.RetryDelay(failures));
    }

    /// <summary>The server's own words (e.g. "554 5.7.1 relaying denied"), short enough for a table cell.</summary>
    private static string Describe(Exception e)
    {
        var text = e switch
        {
            MailKit.Net.Smtp.SmtpCommandException smtp => $"{(int)smtp.StatusCode} {smtp.Message}",
            _ => e.Message,
        };
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 200 ? text : text[..199] + "…";
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
