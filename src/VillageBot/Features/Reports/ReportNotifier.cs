using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

/// <summary>Tells the people concerned about a report, each in their own language: coordinators of a new report, reporter and supporters of a status change.</summary>
public sealed class ReportNotifier(IMessenger messenger, Texts texts, IDocumentStore db, ReportView view, ILogger<ReportNotifier> log)
{
    public async Task NewReportAsync(Report report)
    {
        foreach (var coordinator in view.Coordinators(report.VillageId).Where(c => c.Id != report.ReporterId))
        {
            var text = texts.Get(coordinator.Lang, "reports.new_report") + "\n\n" + view.ManagerCard(coordinator.Lang, report);
            await SendAsync(coordinator, text, view.ManagerButtons(coordinator.Lang, report));
        }
    }

    /// <summary>The village's coordinators read the reporter's answer to "Is it fixed?" on the report's card.</summary>
    public async Task FollowUpAnsweredAsync(Report report)
    {
        foreach (var coordinator in view.Coordinators(report.VillageId).Where(c => c.Id != report.ReporterId))
        {
            var lang = coordinator.Lang;
            var text = texts.Get(lang, "reports.followup_answered", report.Reference, view.FollowUp(lang, report.FollowUpAnswer ?? "")) + "\n\n" + view.ManagerCard(lang, report);
            await SendAsync(coordinator, text, view.ManagerButtons(lang, report));
        }
    }

    /// <summary>The reporter and everyone who said "+1" hear of the new status and the note.</summary>
    public async Task StatusChangedAsync(Report report, string? note)
    {
        var people = new List<(long Id, string Key)>();
        if (report.ReporterId is long reporter)
        {
            people.Add((reporter, "report.status_changed"));
        }

        people.AddRange(report.Supporters.Where(s => s != report.ReporterId).Select(s => (s, "report.status_changed_supported")));
        foreach (var (id, key) in people)
        {
            if (db.Residents.FindById(id) is not { Active: true } person)
            {
                continue;
            }

            var text = texts.Get(person.Lang, key, report.Reference, view.Category(person.Lang, report.Category), view.Status(person.Lang, report.Status));
            if (!string.IsNullOrWhiteSpace(note))
            {
                text += "\n" + texts.Get(person.Lang, "report.status_note", note);
            }

            await SendAsync(person, text, null);
        }
    }

    private async Task SendAsync(Resident person, string text, Keyboard? keyboard)
    {
        try
        {
            await messenger.SendTextAsync(person.ChatId, text, keyboard);
        }
        catch (RecipientBlockedException)
        {
            // Already marked inactive by the messenger; the others still hear of it.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not tell resident {Id} about a report", person.Id);
        }
    }
}
