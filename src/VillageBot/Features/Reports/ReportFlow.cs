using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>
/// The steps of a report: describe → similar open reports of the village ("same problem (+1)" ends the dialog,
/// "mine is different" goes on) → photo or location (optional) → category → anonymous? → saved with a reference.
/// Similar reports come right after the words, whichever way the description arrived, so nobody answers questions
/// about a problem that is already reported. Every answer is stored in the dialog, so a restart continues at the
/// same step.
/// </summary>
public sealed partial class ReportFlow(ReportStore store, ReportView view, ReportNotifier notifier, IServiceProvider services, IOptions<SimilarReportOptions> similarOptions, ILogger<ReportFlow> log)
{
    public const string Dialog = "report";
    public const string StepDescribe = "describe";
    public const string StepAttach = "attach";
    public const string StepCategory = "category";
    public const string StepAnonymous = "anon";
    public const string StepSimilar = "similar";

    /// <summary>Fewer letters than this is not a description ("ok", "?").</summary>
    public const int MinLetters = 4;

    public static bool IsDescription(string text) => text.Count(char.IsLetter) >= MinLetters;

    public async Task BeginAsync(BotContext ctx)
    {
        ctx.StartDialog(Dialog, StepDescribe);
        await ctx.ReplyKeyAsync("report.describe");
    }

    /// <summary>"/report text": the text is the description, so the dialog starts at the category.</summary>
    public async Task BeginFromTextAsync(BotContext ctx, string text)
    {
        if (!IsDescription(text))
        {
            ctx.StartDialog(Dialog, StepDescribe);
            await ctx.ReplyKeyAsync("report.too_short");
            return;
        }

        ctx.StartDialog(Dialog, StepSimilar, new() { ["text"] = text, ["from"] = "text", ["next"] = StepCategory });
        await OfferSimilarAsync(ctx);
    }

    /// <summary>
    /// Free text that reads as a problem: it is the description, and the dialog goes on as after /report's
    /// description, with the photo or location step.
    /// </summary>
    public async Task BeginFromFreeTextAsync(BotContext ctx, string text)
    {
        if (!IsDescription(text))
        {
            ctx.StartDialog(Dialog, StepDescribe);
            await ctx.ReplyKeyAsync("report.too_short");
            return;
        }

        ctx.StartDialog(Dialog, StepSimilar, WithVoice(ctx, new() { ["text"] = text, ["from"] = "text", ["next"] = StepAttach }));
        await ctx.ReplyKeyAsync("report.from_text");
        await OfferSimilarAsync(ctx);
    }

    public async Task DescribedAsync(BotContext ctx, string text)
    {
        var data = WithVoice(ctx, Data(ctx));
        data["text"] = text;
        data["next"] = StepAttach;
        ctx.SetStep(StepSimilar);
        await OfferSimilarAsync(ctx);
    }

    /// <summary>A description that was spoken keeps its voice message as the report's attachment.</summary>
    private static Dictionary<string, string> WithVoice(BotContext ctx, Dictionary<string, string> data)
    {
        if (ctx.VoiceFileId is { } voice)
        {
            data["voice"] = voice;
        }

        return data;
    }

    /// <summary>
    /// Looks for open reports of the village like this one, using the classifier's proposal for the category the
    /// resident has not chosen yet; with none, the dialog goes straight on to its next step.
    /// </summary>
    private async Task OfferSimilarAsync(BotContext ctx)
    {
        var data = Data(ctx);
        if (await VillageOrEndAsync(ctx) is not int village)
        {
            return;
        }

        // Waiting for a model still in training would hold up the reply to the words just sent; without a
        // proposal the texts alone find the same problem (at the stricter threshold).
        if (services.GetService<IProblemClassifier>() is { IsReady: true })
        {
            ClassifyInto(data);
        }

        foreach (var routing in services.GetServices<IReportRouting>())
        {
            if (await routing.DescribedAsync(ctx, data["text"], data.GetValueOrDefault("pred")))
            {
                ctx.EndDialog();
                return;
            }
        }

        var similar = SimilarReports.Find(store, village, data.GetValueOrDefault("pred"), data["text"], ctx.UserId, Place(data), similarOptions.Value);
        data["similar"] = string.Join(',', similar.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
        data["offered"] = data["similar"];
        ctx.SetStep(StepSimilar);
        await AskSimilarOrContinueAsync(ctx, similar);
    }

    /// <summary>"No, mine is different" (or nothing similar): the step after the description.</summary>
    public async Task ContinueAfterSimilarAsync(BotContext ctx)
    {
        var data = Data(ctx);
        data.Remove("similar");
        if (data.GetValueOrDefault("next") == StepCategory)
        {
            await ProposeCategoryAsync(ctx);
            return;
        }

        ctx.SetStep(StepAttach);
        await AskAttachmentAsync(ctx);
    }

    /// <summary>A photo or a location arrived: kept with the report, whatever the step.</summary>
    public async Task AttachedAsync(BotContext ctx, string? photoFileId, double? latitude, double? longitude)
    {
        var data = Data(ctx);
        if (photoFileId is not null)
        {
            data["photo"] = photoFileId;
        }

        if (latitude is double lat && longitude is double lon)
        {
            data["lat"] = lat.ToString("R", CultureInfo.InvariantCulture);
            data["lon"] = lon.ToString("R", CultureInfo.InvariantCulture);
        }

        var step = ctx.Resident.Dialog!.Step;
        ctx.SetStep(step);
        await ctx.ReplyKeyAsync(photoFileId is not null ? "report.photo_added" : "report.location_added");
        if (step == StepAttach && latitude is not null && await OfferSimilarNearbyAsync(ctx))
        {
            return;
        }

        if (step == StepDescribe)
        {
            await ctx.ReplyKeyAsync("report.now_in_words");
        }
        else if (step == StepAttach && data.ContainsKey("photo") && data.ContainsKey("lat"))
        {
            await ProposeCategoryAsync(ctx);
        }
        else
        {
            await AskCurrentStepAsync(ctx);
        }
    }

    /// <summary>
    /// A location that arrives after the words were already compared: open reports at the same place are offered
    /// once ("mine is different" goes back to the attachments); true when some were.
    /// </summary>
    private async Task<bool> OfferSimilarNearbyAsync(BotContext ctx)
    {
        var data = Data(ctx);
        if (!data.TryAdd("near", "1") || ctx.Resident.VillageId is not int village || !data.TryGetValue("text", out var text))
        {
            return false;
        }

        var place = Place(data);
        var options = similarOptions.Value;
        var offered = data.GetValueOrDefault("offered")?.Split(',') ?? [];
        var near = SimilarReports.Find(store, village, data.GetValueOrDefault("pred"), text, ctx.UserId, place, options)
            .Where(r => SimilarReports.Meters(place, r) <= options.NearMeters && !offered.Contains(r.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        if (near.Count == 0)
        {
            ctx.Save();
            return false;
        }

        data["similar"] = string.Join(',', near.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
        data["next"] = StepAttach;
        ctx.SetStep(StepSimilar);
        await AskSimilarOrContinueAsync(ctx, near);
        return true;
    }

    private static GeoPoint? Place(Dictionary<string, string> data) =>
        data.TryGetValue("lat", out var lat) && data.TryGetValue("lon", out var lon)
            ? new GeoPoint(double.Parse(lat, CultureInfo.InvariantCulture), double.Parse(lon, CultureInfo.InvariantCulture))
            : null;

    /// <summary>Asks again what the current step needs (after a stray message).</summary>
    public async Task AskCurrentStepAsync(BotContext ctx)
    {
        var data = Data(ctx);
        switch (ctx.Resident.Dialog!.Step)
        {
            case StepDescribe:
                await ctx.ReplyKeyAsync("report.describe");
                break;
            case StepAttach:
                await AskAttachmentAsync(ctx);
                break;
            case StepCategory when Categories.IsKnown(data.GetValueOrDefault("pred")):
                await ctx.ReplyAsync(Proposal(ctx), ProposalButtons(ctx));
                break;
            case StepCategory:
                await ctx.ReplyAsync(ctx.T("report.pick_category"), CategoryPicker(ctx));
                break;
            case StepAnonymous:
                await AskAnonymousAsync(ctx);
                break;
            case StepSimilar:
                await AskSimilarOrContinueAsync(ctx, [.. SimilarIds(ctx).Select(store.Find).OfType<Report>().Where(r => r.IsOpen)]);
                break;
        }
    }

    private static async Task<int?> VillageOrEndAsync(BotContext ctx)
    {
        if (ctx.Resident.VillageId is int village)
        {
            return village;
        }

        ctx.EndDialog();
        await ctx.ReplyKeyAsync("access.onboard_first");
        return null;
    }

    private async Task AskAttachmentAsync(BotContext ctx)
    {
        var data = Data(ctx);
        var (photo, location) = (data.ContainsKey("photo"), data.ContainsKey("lat"));
        var key = (photo, location) switch
        {
            (false, false) => "report.attach",
            (true, false) => "report.attach_location",
            _ => "report.attach_photo",
        };
        await ctx.ReplyAsync(ctx.T(key), Keyboard.Of([new Button(ctx.T(photo || location ? "report.btn_continue" : "report.btn_skip"), CallbackData.Build(ReportCallback.Prefix, "skip"))]));
    }

    private Task AskAnonymousAsync(BotContext ctx) => ctx.ReplyAsync(ctx.T("report.ask_anonymous"), Keyboard.Of(
        [new Button(ctx.T("report.btn_anonymous"), "rep:anon:1")],
        [new Button(ctx.T("report.btn_named"), "rep:anon:0")]));

    private async Task AskSimilarOrContinueAsync(BotContext ctx, IReadOnlyList<Report> similar)
    {
        if (similar.Count == 0)
        {
            await ContinueAfterSimilarAsync(ctx);
            return;
        }

        var text = new StringBuilder(ctx.T("report.similar_intro"));
        var keyboard = new Keyboard();
        foreach (var r in similar)
        {
            text.Append("\n\n").Append(ctx.T("report.similar_item", r.Reference, ReportView.Snippet(r.Text), r.Supporters.Count, view.Status(ctx.Lang, r.Status)));
            keyboard.Row(new Button(ctx.T("report.btn_same", r.Reference), CallbackData.Build(ReportCallback.Prefix, "same", r.Id)));
        }

        keyboard.Row(new Button(ctx.T("report.btn_different"), "rep:new"));
        await ctx.ReplyAsync(text.ToString(), keyboard);
    }

    private static Dictionary<string, string> Data(BotContext ctx) => ctx.Resident.Dialog!.Data;
}
