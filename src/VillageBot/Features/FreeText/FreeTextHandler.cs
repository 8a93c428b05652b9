using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Questions;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.FreeText;

/// <summary>Free text outside any dialog (or after an answer's offer lapsed): answered as a question, taken as a problem report, met as small talk, or — when unsure — the person is asked.</summary>
public sealed class FreeTextHandler(FreeTextRouter router) : ITextHandler
{
    public const string Dialog = "freetext";

    /// <summary>The step while "question or problem?" waits for a tap.</summary>
    public const string ChooseStep = "choose";

    /// <summary>The step after a text read as a question was answered: its "report it instead" button may still be tapped.</summary>
    public const string AnsweredStep = "answered";

    public int Order => 100;

    public Task<bool> TryHandleAsync(BotContext ctx, string text) => router.RouteAsync(ctx, text);
}

/// <summary>Where a text goes once its intent is known; the free-text handler, the buttons and the typed reply share it.</summary>
public sealed class FreeTextRouter(IntentDetector detector, IServiceProvider services, ILogger<FreeTextRouter> log)
{
    /// <summary>Two texts read together are capped, so a long exchange cannot grow the stored dialog without end.</summary>
    public const int MaxCombinedChars = 2000;

    public IntentReading Read(string text)
    {
        try
        {
            return detector.Read(text);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException)
        {
            // Without a model the person is asked; nothing is routed on a guess.
            log.LogWarning(e, "The intent model is not available; asking the person");
            return new IntentReading(Intent.Unsure, 0, new Dictionary<string, double>());
        }
    }

    public Task<bool> RouteAsync(BotContext ctx, string text) => RouteAsync(ctx, text, Read(text));

    public async Task<bool> RouteAsync(BotContext ctx, string text, IntentReading reading)
    {
        // "The neighbour's house is on fire, what do I do?" needs the emergency number, not an article or a report.
        foreach (var emergency in services.GetServices<IEmergencyAdvice>())
        {
            if (await emergency.AdvisedAsync(ctx, text))
            {
                return true;
            }
        }

        switch (reading.Intent)
        {
            case Intent.Question:
                return await AsQuestionAsync(ctx, text, offerReport: true);
            case Intent.Problem:
                return await AsProblemAsync(ctx, text);
            case Intent.Chitchat:
                await ChitChat.ReplyAsync(ctx, text);
                return true;
            default:
                await AskAsync(ctx, text);
                return true;
        }
    }

    /// <summary>"Question or problem?" with buttons; the text waits in the dialog for the answer.</summary>
    public async Task AskAsync(BotContext ctx, string text)
    {
        var token = NewToken();
        ctx.StartDialog(FreeTextHandler.Dialog, FreeTextHandler.ChooseStep, new() { ["text"] = text, [FreeTextCallback.TokenKey] = token });
        await ctx.ReplyAsync(ctx.T("freetext.ask_intent"), Keyboard.Of(
            [new Button(ctx.T("freetext.btn_question"), CallbackData.Build(FreeTextCallback.Prefix, FreeTextCallback.AsQuestion, token))],
            [new Button(ctx.T("freetext.btn_problem"), CallbackData.Build(FreeTextCallback.Prefix, FreeTextCallback.AsProblem, token))]));
    }

    /// <summary>Where the answered step keeps the recording of a spoken text.</summary>
    public const string VoiceKey = "voice";

    /// <summary>A short mark tying a message's buttons to the text they act on: an older message's buttons are stale once another text waits.</summary>
    private static string NewToken() => Guid.NewGuid().ToString("N")[..8];

    /// <summary>
    /// Answers the text as a question. When the reading was the bot's own (<paramref name="offerReport"/>), a button under
    /// the answer takes the same text as a problem report instead: a report read as a question is one tap from the report
    /// flow, not lost. The text waits in the dialog for that tap; anything typed next is read on its own.
    /// </summary>
    public async Task<bool> AsQuestionAsync(BotContext ctx, string text, bool offerReport = false)
    {
        if (services.GetService<IQuestionAnswering>() is not { } answering)
        {
            return false;
        }

        Button? reportInstead = null;
        if (offerReport && services.GetService<IProblemIntake>() is not null)
        {
            var token = NewToken();
            var data = new Dictionary<string, string> { ["text"] = text, [FreeTextCallback.TokenKey] = token };
            if (ctx.VoiceFileId is { } voice)
            {
                // A spoken text reported after all keeps its recording, as it would have gone straight to the report flow.
                data[VoiceKey] = voice;
            }

            ctx.StartDialog(FreeTextHandler.Dialog, FreeTextHandler.AnsweredStep, data, lapses: true);
            reportInstead = new Button(ctx.T("freetext.btn_report_instead"), CallbackData.Build(FreeTextCallback.Prefix, FreeTextCallback.AsProblem, token));
        }

        if (await answering.AnswerInChatAsync(ctx, text, reportInstead) is { } gap && reportInstead is not null && ctx.InDialog(FreeTextHandler.Dialog))
        {
            // Reported after all, the unanswered text leaves the knowledge gaps.
            ctx.Resident.Dialog!.Data[GapKey] = gap.ToString(CultureInfo.InvariantCulture);
            ctx.Save();
        }

        return true;
    }

    /// <summary>Where the answered step keeps the id of the knowledge gap its unanswered text logged.</summary>
    public const string GapKey = "gap";

    /// <summary>
    /// A text answered as a question is reported after all (its "report it instead" button, or a typed "problem"): the
    /// knowledge gap it logged when unanswered (<paramref name="gap"/>, from the answered step) is withdrawn, then the
    /// report flow starts.
    /// </summary>
    public Task<bool> AnsweredAsProblemAsync(BotContext ctx, string text, string? gap)
    {
        if (int.TryParse(gap, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            services.GetService<IQuestionAnswering>()?.TakenAsAReport(ctx, id);
        }

        return AsProblemAsync(ctx, text);
    }

    public async Task<bool> AsProblemAsync(BotContext ctx, string text)
    {
        if (services.GetService<IProblemIntake>() is not { } intake)
        {
            return false;
        }

        await intake.StartFromTextAsync(ctx, text);
        return true;
    }
}

/// <summary>ft:q:&lt;mark&gt; | ft:p:&lt;mark&gt; — the person says what their text was (or, under an answer, that it was a problem).</summary>
public sealed class FreeTextCallback(FreeTextRouter router) : ICallbackHandler
{
    public const string Prefix = "ft";

    /// <summary>The argument of the "question" button.</summary>
    public const string AsQuestion = "q";

    /// <summary>The argument of the "problem" button.</summary>
    public const string AsProblem = "p";

    /// <summary>Where the dialog keeps the mark its buttons carry (their second argument).</summary>
    public const string TokenKey = "token";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        // A button of an older message (another text has come since) is stale: it would act on the newer text.
        if (!ctx.InDialog(FreeTextHandler.Dialog) || ctx.Resident.Dialog!.Get("text") is not { } text || data.Arg(0) is not (AsQuestion or AsProblem)
            || ctx.Resident.Dialog.Get(TokenKey) is { } token && data.Arg(1) != token
            || ctx.Resident.Dialog.Step == FreeTextHandler.AnsweredStep && data.Arg(0) != AsProblem)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ctx.AckAsync();
        var answered = ctx.Resident.Dialog!.Step == FreeTextHandler.AnsweredStep;
        var gap = ctx.Resident.Dialog.Get(FreeTextRouter.GapKey);
        ctx.VoiceFileId ??= ctx.Resident.Dialog.Get(FreeTextRouter.VoiceKey);
        ctx.EndDialog();
        if (!answered)
        {
            await ctx.EditOrReplyAsync(text.Length > 200 ? text[..200] + "…" : text);
        }
        else if (ctx.Callback?.Message is { Text: { Length: > 0 } shown })
        {
            // The answer stays; only its buttons go, so the report is not started twice.
            await ctx.EditOrReplyAsync(shown);
        }

        var handled = data.Arg(0) == AsQuestion ? await router.AsQuestionAsync(ctx, text)
            : answered ? await router.AnsweredAsProblemAsync(ctx, text, gap) : await router.AsProblemAsync(ctx, text);
        if (!handled)
        {
            await ctx.ReplyKeyAsync("help.not_understood");
        }
    }
}

/// <summary>
/// Typing instead of pressing a button. At "question or problem?", a typed "question" or "problem" answers the prompt
/// for the first text; small talk is answered and the first text keeps waiting; anything else is read together with
/// the first text and classified again, so neither is lost. After an answer (the "report it instead" offer), only a
/// typed "problem" takes the answered text as a report; anything else is a new text and the offer lapses.
/// </summary>
public sealed class FreeTextDialog(FreeTextRouter router) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        var first = state.Get("text") ?? "";
        if (ctx.Message?.Text is null || ctx.Text.Length == 0)
        {
            if (state.Step == FreeTextHandler.AnsweredStep)
            {
                ctx.EndDialog();
            }

            await ctx.ReplyKeyAsync("input.text_expected");
            return;
        }

        if (state.Step == FreeTextHandler.AnsweredStep)
        {
            // After an answer, a typed "problēma" / "it's a problem" takes the answered text as a report; anything else
            // ("no problem, thanks", a new report, small talk) is a new text, read on its own.
            ctx.EndDialog();
            if (FreeTextChoice.SaysOnlyItIsAProblem(ctx.Text) && first.Length > 0)
            {
                ctx.VoiceFileId = state.Get(FreeTextRouter.VoiceKey);
                await Handled(ctx, await router.AnsweredAsProblemAsync(ctx, first, state.Get(FreeTextRouter.GapKey)));
            }
            else
            {
                await Handled(ctx, await router.RouteAsync(ctx, ctx.Text));
            }

            return;
        }

        switch (FreeTextChoice.Of(ctx.Text))
        {
            case Intent.Question when first.Length > 0:
                ctx.EndDialog();
                await Handled(ctx, await router.AsQuestionAsync(ctx, first));
                return;
            case Intent.Problem when first.Length > 0:
                ctx.EndDialog();
                await Handled(ctx, await router.AsProblemAsync(ctx, first));
                return;
        }

        var alone = router.Read(ctx.Text);
        if (alone.Intent == Intent.Chitchat)
        {
            ctx.SetStep(state.Step);
            await ChitChat.ReplyAsync(ctx, ctx.Text);
            return;
        }

        var both = first.Length == 0 ? ctx.Text : first + "\n" + ctx.Text;
        both = both.Length > FreeTextRouter.MaxCombinedChars ? both[^FreeTextRouter.MaxCombinedChars..] : both;
        ctx.EndDialog();
        await Handled(ctx, await router.RouteAsync(ctx, both));
    }

    private static async Task Handled(BotContext ctx, bool handled)
    {
        if (!handled)
        {
            await ctx.ReplyKeyAsync("help.not_understood");
        }
    }
}
