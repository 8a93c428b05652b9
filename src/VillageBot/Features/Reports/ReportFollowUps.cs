using System.Globalization;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Nudges;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>
/// (a) "Is it fixed?" to the reporter of an open report whose status has not changed for
/// <see cref="NudgeOptions.ReportFollowUpDays"/>, and again after as long while it stays open and unchanged, until
/// they answer "yes". Buttons "nfu:REPORT:ANSWER". Highest priority; over the weekly cap it waits rather than drops.
/// </summary>
public sealed class ReportFollowUps(ReportStore reports, ReportView view, NudgeStore nudges, Texts texts, IOptions<NudgeOptions> options) : INudgeSource
{
    public const string KindName = "followup";
    public const string Prefix = "nfu";

    private static readonly string[] OpenStatuses = [ReportStatus.New, ReportStatus.Acknowledged, ReportStatus.InProgress];

    public string Kind => KindName;

    public int Priority => 0;

    public OverCap OverCap => OverCap.Postpone;

    public bool Optional => true;

    public IEnumerable<NudgePlan> Plan(DateTime now, DateTime horizon)
    {
        var period = TimeSpan.FromDays(options.Value.ReportFollowUpDays);
        foreach (var report in reports.List(null, OpenStatuses, null))
        {
            if (report.ReporterId is not long reporter || ConfirmedFixed(report))
            {
                continue;
            }

            var asked = nudges.About(Kind, Ref(report.Id));
            if (asked.Any(n => n.Waiting))
            {
                continue;
            }

            var unchanged = Unchanged(report);
            var lastAsked = asked.Select(n => n.DoneAt ?? n.CreatedAt).DefaultIfEmpty(DateTime.MinValue).Max();
            var due = (lastAsked > unchanged ? lastAsked : unchanged) + period;
            if (due <= horizon)
            {
                yield return new NudgePlan($"{Kind}:{report.Id}:{asked.Count + 1}", reporter, Ref(report.Id), due, unchanged);
            }
        }
    }

    public Composed Compose(Nudge nudge, Resident person, DateTime now)
    {
        if (!int.TryParse(nudge.Ref, CultureInfo.InvariantCulture, out var id) || reports.Find(id) is not { IsOpen: true } report)
        {
            return Composed.Drop("report closed");
        }

        if (report.ReporterId != person.Id)
        {
            return Composed.Drop("not the reporter");
        }

        if (nudge.Basis is not { } basis || Math.Abs((Unchanged(report) - basis).TotalSeconds) >= 1)
        {
            // The status moved since this was planned: the reporter heard of it, and the clock starts again.
            return Composed.Replan();
        }

        if (ConfirmedFixed(report))
        {
            return Composed.Drop("confirmed fixed");
        }

        var lang = person.Lang;
        var text = texts.Get(lang, "report.followup.ask", report.Reference, view.Category(lang, report.Category), ReportView.Snippet(report.Text, 200), view.Status(lang, report.Status), view.Date(Unchanged(report)));
        return Composed.Send(text, Buttons(lang, report.Id));
    }

    private Keyboard Buttons(string lang, int reportId)
    {
        Button B(string answer) => new(texts.Get(lang, "report.followup.btn_" + answer), CallbackData.Build(Prefix, reportId, answer));
        return Keyboard.Of(
            [B(FollowUpAnswers.Yes), B(FollowUpAnswers.Partly)],
            [B(FollowUpAnswers.No), B(FollowUpAnswers.Unknown)]);
    }

    public static string Ref(int reportId) => reportId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Since when the status has been what it is (creation counts as a change).</summary>
    public static DateTime Unchanged(Report r) => r.StatusChangedAt > r.CreatedAt ? r.StatusChangedAt : r.CreatedAt;

    /// <summary>The reporter said "yes, fixed" since the last status change: the coordinators know, so nobody asks again.</summary>
    public static bool ConfirmedFixed(Report r) => r.FollowUpAnswer == FollowUpAnswers.Yes && r.FollowUpAnsweredAt >= Unchanged(r);
}

/// <summary>
/// nfu:REPORT:ANSWER — the reporter's answer to "Is it fixed?". Only the reporter of a report they were asked about,
/// with one of the four answers, while the report is open; anything else is a stale button and changes nothing.
/// The answer is kept on the report and the village's coordinators are told.
/// </summary>
public sealed class FollowUpAnswerCallback(ReportStore reports, ReportView view, ReportNotifier notifier, NudgeStore nudges) : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var answer = data.Arg(1);
        if (data.Args.Count != 2 || !FollowUpAnswers.All.Contains(answer) || data.IntArg(0) is not int id
            || reports.Find(id) is not { } report || report.ReporterId != ctx.UserId || LastAsked(id, ctx.UserId) is not { } asked)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        if (!report.IsOpen)
        {
            await ctx.AckAsync();
            await ctx.EditOrReplyAsync(ctx.T("report.followup.closed", report.Reference, view.Status(ctx.Lang, report.Status)));
            return;
        }

        if (report.FollowUpAnswer == answer && report.FollowUpAnsweredAt >= asked)
        {
            await ctx.AckAsync(ctx.T("report.followup.already"));
            return;
        }

        if (reports.RecordFollowUp(id, ctx.UserId, answer, ctx.Now) is not { } recorded)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ctx.AckAsync();
        await ctx.EditOrReplyAsync(ctx.T("report.followup.thanks", recorded.Reference, view.FollowUp(ctx.Lang, answer)));
        await notifier.FollowUpAnsweredAsync(recorded);
    }

    /// <summary>When this person was last asked about the report (a message just handed to Telegram counts); null if never.</summary>
    private DateTime? LastAsked(int reportId, long userId) =>
        nudges.About(ReportFollowUps.KindName, ReportFollowUps.Ref(reportId))
            .Where(n => n.ResidentId == userId && (n.Delivered || n.State == NudgeState.Sending) && n.SentAt is not null)
            .Select(n => n.SentAt).Max();
}
