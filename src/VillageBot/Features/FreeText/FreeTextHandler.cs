using VillageBot.Conversation;
using VillageBot.Features.Questions;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.FreeText;

/// <summary>Free text outside any dialog: answered as a question, taken as a problem report, or — when unsure — the person is asked.</summary>
public sealed class FreeTextHandler(IServiceProvider services) : ITextHandler
{
    public const string Dialog = "freetext";

    public int Order => 100;

    public async Task<bool> TryHandleAsync(BotContext ctx, string text)
    {
        switch (IntentDetector.Detect(text))
        {
            case Intent.Question:
                return await AsQuestionAsync(services, ctx, text);
            case Intent.Problem:
                return await AsProblemAsync(services, ctx, text);
            default:
                ctx.StartDialog(Dialog, "choose", new() { ["text"] = text });
                await ctx.ReplyAsync(ctx.T("freetext.ask_intent"), Keyboard.Of(
                    [new Button(ctx.T("freetext.btn_question"), "ft:q")],
                    [new Button(ctx.T("freetext.btn_problem"), "ft:p")]));
                return true;
        }
    }

    internal static async Task<bool> AsQuestionAsync(IServiceProvider services, BotContext ctx, string text)
    {
        if (services.GetService<IQuestionAnswering>() is not { } answering)
        {
            return false;
        }

        await answering.AnswerInChatAsync(ctx, text);
        return true;
    }

    internal static async Task<bool> AsProblemAsync(IServiceProvider services, BotContext ctx, string text)
    {
        if (services.GetService<IProblemIntake>() is not { } intake)
        {
            return false;
        }

        await intake.StartFromTextAsync(ctx, text);
        return true;
    }
}

/// <summary>ft:q | ft:p — the person says what their text was.</summary>
public sealed class FreeTextCallback(IServiceProvider services) : ICallbackHandler
{
    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (!ctx.InDialog(FreeTextHandler.Dialog) || ctx.Resident.Dialog!.Get("text") is not { } text || data.Arg(0) is not ("q" or "p"))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ctx.AckAsync();
        ctx.EndDialog();
        await ctx.EditOrReplyAsync(text.Length > 200 ? text[..200] + "…" : text);
        var handled = data.Arg(0) == "q"
            ? await FreeTextHandler.AsQuestionAsync(services, ctx, text)
            : await FreeTextHandler.AsProblemAsync(services, ctx, text);
        if (!handled)
        {
            await ctx.ReplyKeyAsync("help.not_understood");
        }
    }
}

/// <summary>Typing again instead of pressing a button: the new text is read afresh.</summary>
public sealed class FreeTextDialog(IEnumerable<ITextHandler> handlers) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        ctx.EndDialog();
        if (ctx.Message?.Text is null || ctx.Text.Length == 0)
        {
            await ctx.ReplyKeyAsync("input.text_expected");
            return;
        }

        foreach (var h in handlers.OrderBy(h => h.Order))
        {
            if (await h.TryHandleAsync(ctx, ctx.Text))
            {
                return;
            }
        }

        await ctx.ReplyKeyAsync("help.not_understood");
    }
}

public static class FreeTextFeature
{
    public static IServiceCollection AddFreeText(this IServiceCollection services)
    {
        services.AddScoped<ITextHandler, FreeTextHandler>();
        services.AddCallback<FreeTextCallback>("ft", Access.Member);
        services.AddDialog<FreeTextDialog>(FreeTextHandler.Dialog);
        return services;
    }
}
