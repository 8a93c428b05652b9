using System.Globalization;
using System.Text.Json;
using VillageBot.Conversation;
namespace VillageBot.Features.Reports;

/// <summary>The last steps: anonymity, "same as an open report" (+1), and the report saved and told to coordinators.</summary>
public sealed partial class ReportFlow
{
    public async Task AnonymityChosenAsync(BotContext ctx, bool anonymous)
    {
        Data(ctx)["anon"] = anonymous ? "1" : "0";
        await ctx.EditOrReplyAsync(ctx.T(anonymous ? "report.anonymous_yes" : "report.anonymous_no"));
        await SaveAsync(ctx);
    }

    public IReadOnlyList<int> SimilarIds(BotContext ctx) =>
        [.. (Data(ctx).GetValueOrDefault("similar") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    /// <summary>"Same problem (+1)": no new report; the person is counted on the existing one and hears of its changes.</summary>
    public async Task SameAsAsync(BotContext ctx, int reportId)
    {
        if (!store.Support(reportId, ctx.UserId, ctx.Now, out var report))
        {
            await ctx.EditOrReplyAsync(ctx.T("report.similar_gone"));
            await ContinueAfterSimilarAsync(ctx);
            return;
        }

        ctx.EndDialog();
        await ctx.EditOrReplyAsync(ctx.T("report.supported", report!.Reference, report.Supporters.Count, view.Status(ctx.Lang, report.Status)));
    }

    private async Task SaveAsync(BotContext ctx)
    {
        var data = Data(ctx);
        if (await VillageOrEndAsync(ctx) is not int village)
        {
            return;
        }

        var predicted = data.GetValueOrDefault("pred") ?? "";
        var category = data["cat"];
        var report = store.Add(new Report
        {
            VillageId = village,
            ReporterId = ctx.UserId,
            Anonymous = data.GetValueOrDefault("anon") == "1",
            Text = data["text"],
            Lang = Languages.IsSupported(data.GetValueOrDefault("lang")) ? data["lang"] : ctx.Lang,
            Category = category,
            PredictedCategory = predicted,
            Confidence = double.Parse(data.GetValueOrDefault("conf") ?? "0", CultureInfo.InvariantCulture),
            Scores = data.TryGetValue("scores", out var s) ? JsonSerializer.Deserialize<Dictionary<string, double>>(s) ?? [] : [],
            NeedsReview = predicted.Length == 0 || predicted != category || data.GetValueOrDefault("review") == "1",
            PhotoFileId = data.GetValueOrDefault("photo"),
            VoiceFileId = data.GetValueOrDefault("voice"),
            Latitude = data.TryGetValue("lat", out var lat) ? double.Parse(lat, CultureInfo.InvariantCulture) : null,
            Longitude = data.TryGetValue("lon", out var lon) ? double.Parse(lon, CultureInfo.InvariantCulture) : null,
            CreatedAt = ctx.Now,
            UpdatedAt = ctx.Now,
            StatusChangedAt = ctx.Now,
        });
        ctx.EndDialog();
        var saved = ctx.T("report.saved", report.Reference, view.Category(ctx.Lang, report.Category));
        var routed = services.GetServices<IReportRouting>().Select(r => r.Settled(report, ctx.Lang)).OfType<string>();
        await ctx.ReplyAsync(string.Join("\n\n", [saved, .. routed]));
        await notifier.NewReportAsync(report);
    }

    /// <summary>The reporter's village; someone who left it meanwhile is told to join one and the dialog ends.</summary>
}
