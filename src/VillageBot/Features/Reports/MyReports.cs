using System.Text;
using VillageBot.Conversation;

namespace VillageBot.Features.Reports;

/// <summary>/myreports: the person's own reports and those they supported, with status and "+1" count.</summary>
public sealed class MyReportsCommand(ReportStore store, ReportView view) : ICommandHandler
{
    public const int MaxItems = 20;

    public async Task HandleAsync(BotContext ctx, string args)
    {
        var own = store.ByReporter(ctx.UserId);
        var supported = store.SupportedBy(ctx.UserId);
        if (own.Count == 0 && supported.Count == 0)
        {
            await ctx.ReplyKeyAsync("myreports.none");
            return;
        }

        var text = new StringBuilder();
        if (own.Count > 0)
        {
            text.Append(ctx.T("myreports.title", own.Count));
            Append(ctx, text, own);
        }

        if (supported.Count > 0)
        {
            text.Append(text.Length > 0 ? "\n\n" : "").Append(ctx.T("myreports.supported_title", supported.Count));
            Append(ctx, text, supported);
        }

        await ctx.ReplyAsync(text.ToString());
    }

    private void Append(BotContext ctx, StringBuilder text, IReadOnlyList<Report> reports)
    {
        foreach (var r in reports.Take(MaxItems))
        {
            text.Append("\n\n").Append(ctx.T("myreports.item", r.Reference, view.Category(ctx.Lang, r.Category), view.Status(ctx.Lang, r.Status), r.Supporters.Count, view.Date(r.CreatedAt), ReportView.Snippet(r.Text, 80)));
            // Only on the person's own reports: whether someone else's report was anonymous is not theirs to know.
            if (r.Anonymous && r.ReporterId == ctx.UserId)
            {
                text.Append('\n').Append(ctx.T("myreports.anonymous"));
            }

            if (r.History.LastOrDefault() is { Note: { Length: > 0 } note })
            {
                text.Append('\n').Append(ctx.T("report.status_note", note));
            }
        }

        if (reports.Count > MaxItems)
        {
            text.Append("\n\n").Append(ctx.T("myreports.more", reports.Count - MaxItems));
        }
    }
}
