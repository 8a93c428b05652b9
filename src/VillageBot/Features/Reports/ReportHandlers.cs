using VillageBot.Conversation;

namespace VillageBot.Features.Reports;

/// <summary>/report starts the dialog.</summary>
public sealed class ReportCommand(ReportFlow flow) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args) =>
        ReportFlow.IsDescription(args) ? flow.BeginFromTextAsync(ctx, args) : flow.BeginAsync(ctx);
}

/// <summary>Free text that reads as a problem enters the same dialog at the photo or location step.</summary>
public sealed class ReportIntake(ReportFlow flow) : IProblemIntake
{
    public Task StartFromTextAsync(BotContext ctx, string text) => flow.BeginFromFreeTextAsync(ctx, text);
}

/// <summary>Messages during the dialog: the description (text, or a photo with a caption), photos and locations.</summary>
public sealed class ReportDialogHandler(ReportFlow flow) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        var message = ctx.Message!;
        var photo = message.Photo is { Length: > 0 } sizes ? sizes[^1].FileId : null;
        var location = message.Location ?? message.Venue?.Location;
        var hasWords = ctx.Text.Length > 0;
        if (state.Step == ReportFlow.StepDescribe && hasWords)
        {
            if (!ReportFlow.IsDescription(ctx.Text))
            {
                await ctx.ReplyKeyAsync("report.too_short");
                return;
            }

            if (photo is not null)
            {
                state.Data["photo"] = photo;
            }

            await flow.DescribedAsync(ctx, ctx.Text);
            return;
        }

        if (photo is not null || location is not null)
        {
            await flow.AttachedAsync(ctx, photo, location?.Latitude, location?.Longitude);
            return;
        }

        if (state.Step == ReportFlow.StepDescribe)
        {
            // Stickers, voice, video, files: say what works instead of guessing.
            await ctx.ReplyKeyAsync(message.Document is not null ? "report.photo_as_photo" : "report.words_please");
            return;
        }

        if (message.Document is not null)
        {
            await ctx.ReplyKeyAsync("report.photo_as_photo");
        }
        else if (state.Step != ReportFlow.StepAttach)
        {
            await ctx.ReplyKeyAsync("report.use_buttons");
        }

        await flow.AskCurrentStepAsync(ctx);
    }
}

/// <summary>rep:skip | rep:ok | rep:other | rep:back | rep:cat:ID | rep:anon:0|1 | rep:same:REPORT | rep:new — each valid only at its step.</summary>
public sealed class ReportCallback(ReportFlow flow) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "rep:…".</summary>
    public const string Prefix = "rep";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var step = ctx.InDialog(ReportFlow.Dialog) ? ctx.Resident.Dialog!.Step : null;
        var predicted = ctx.Resident.Dialog?.Get("pred");
        switch (data.Arg(0), step)
        {
            case ("skip", ReportFlow.StepAttach):
                await ctx.AckAsync();
                await ClearButtonsAsync(ctx);
                await flow.ProposeCategoryAsync(ctx);
                return;
            case ("ok", ReportFlow.StepCategory) when Categories.IsKnown(predicted):
                await ctx.AckAsync();
                await flow.CategoryChosenAsync(ctx, predicted!);
                return;
            case ("other", ReportFlow.StepCategory):
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("report.pick_category"), flow.CategoryPicker(ctx));
                return;
            case ("back", ReportFlow.StepCategory) when Categories.IsKnown(predicted):
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(flow.Proposal(ctx), ReportFlow.ProposalButtons(ctx));
                return;
            case ("cat", ReportFlow.StepCategory) when Categories.IsKnown(data.Arg(1)):
                await ctx.AckAsync();
                await flow.CategoryChosenAsync(ctx, data.Arg(1));
                return;
            case ("anon", ReportFlow.StepAnonymous) when data.Arg(1) is "0" or "1":
                await ctx.AckAsync();
                await flow.AnonymityChosenAsync(ctx, data.Arg(1) == "1");
                return;
            case ("same", ReportFlow.StepSimilar) when data.IntArg(1) is int id && flow.SimilarIds(ctx).Contains(id):
                await ctx.AckAsync();
                await flow.SameAsAsync(ctx, id);
                return;
            case ("new", ReportFlow.StepSimilar):
                await ctx.AckAsync();
                await ClearButtonsAsync(ctx);
                await flow.ContinueAfterSimilarAsync(ctx);
                return;
            default:
                await ctx.AckAsync(ctx.T("callback.stale"));
                return;
        }
    }

    /// <summary>Leaves the question in the chat but takes its buttons away, so they cannot be pressed twice.</summary>
    private static Task ClearButtonsAsync(BotContext ctx) =>
        ctx.Callback?.Message is { Text: { } text } m ? ctx.Messenger.EditTextAsync(ctx.ChatId, m.Id, text) : Task.CompletedTask;
}
