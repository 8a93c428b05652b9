using System.Globalization;
using System.Text.Json;
using VillageBot.Conversation;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Messaging;
namespace VillageBot.Features.Reports;

/// <summary>The category step: the classifier's proposal, the picker, and the person's choice.</summary>
public sealed partial class ReportFlow
{
    public async Task ProposeCategoryAsync(BotContext ctx)
    {
        ClassifyInto(Data(ctx));
        ctx.SetStep(StepCategory);
        await AskCurrentStepAsync(ctx);
    }

    /// <summary>The classifier's proposal for the description, once per dialog (the description does not change).</summary>
    private void ClassifyInto(Dictionary<string, string> data)
    {
        if (data.ContainsKey("pred"))
        {
            return;
        }

        if (services.GetService<IProblemClassifier>() is { } classifier && Classify(classifier, data["text"]) is { } result && Categories.IsKnown(result.Category))
        {
            data["pred"] = result.Category;
            data["conf"] = result.Confidence.ToString("R", CultureInfo.InvariantCulture);
            data["scores"] = JsonSerializer.Serialize(result.Scores);
            data["review"] = result.NeedsReview ? "1" : "0";
            data["lang"] = result.Language;
        }
    }

    public string Proposal(BotContext ctx)
    {
        var data = Data(ctx);
        var confidence = double.Parse(data["conf"], CultureInfo.InvariantCulture);
        return ctx.T("report.proposal", view.Category(ctx.Lang, data["pred"]), (int)Math.Round(confidence * 100));
    }

    public static Keyboard ProposalButtons(BotContext ctx) => Keyboard.Of(
        [new Button(ctx.T("report.btn_confirm"), "rep:ok")],
        [new Button(ctx.T("report.btn_other"), "rep:other")]);

    /// <summary>The nine categories, with a way back to the proposal when there is one.</summary>
    public Keyboard CategoryPicker(BotContext ctx)
    {
        var keyboard = Keyboard.Column(Categories.All.Select(c => new Button(view.Category(ctx.Lang, c), CallbackData.Build(ReportCallback.Prefix, "cat", c))));
        if (Categories.IsKnown(Data(ctx).GetValueOrDefault("pred")))
        {
            keyboard.Row(new Button(ctx.T("report.btn_back"), "rep:back"));
        }

        return keyboard;
    }

    public async Task CategoryChosenAsync(BotContext ctx, string category)
    {
        var data = Data(ctx);
        data["cat"] = category;
        ctx.SetStep(StepAnonymous);
        await ctx.EditOrReplyAsync(ctx.T("report.category_chosen", view.Category(ctx.Lang, category)));
        await AskAnonymousAsync(ctx);
    }

    private ClassificationResult? Classify(IProblemClassifier classifier, string text)
    {
        try
        {
            return classifier.Classify(text);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Without a proposal the person simply picks the category; the report then goes to review.
            log.LogWarning(e, "The problem classifier failed; asking the reporter to pick the category");
            return null;
        }
    }
}
