using VillageBot.Conversation;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// qz:list | qz:open:ID | qz:start:ID | qz:cont:ID | qz:go:ID | qz:a:ID:ATTEMPT:QUESTION:OPTION.
/// Every argument is checked against the catalog and the person's progress; anything else is a stale button.
/// </summary>
public sealed class QuizCallback(QuizCatalog catalog, QuizStore store, QuizRunner runner, QuizMenu menu) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "qz:…".</summary>
    public const string Prefix = "qz";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (data.Arg(0) == "list" && data.Args.Count == 1)
        {
            await ctx.AckAsync();
            var (text, buttons) = menu.List(ctx);
            await ctx.EditOrReplyAsync(text, buttons);
            return;
        }

        var module = catalog.Find(data.Arg(1));
        if (module is null || !module.VisibleTo(ctx.IsCoordinator))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        var progress = store.Get(ctx.UserId, module.Id);
        switch (data.Arg(0))
        {
            case "open" when data.Args.Count == 2:
                await ctx.AckAsync();
                var (text, buttons) = menu.Card(ctx, module);
                await ctx.EditOrReplyAsync(text, buttons);
                return;
            case "start" when data.Args.Count == 2:
                await ctx.AckAsync();
                await runner.StartAsync(ctx.Resident, module);
                return;
            case "cont" when data.Args.Count == 2 && progress is { InProgress: true }:
            case "go" when data.Args.Count == 2 && progress is { InProgress: true }:
                await ctx.AckAsync();
                await runner.ContinueAsync(ctx.Resident, module, progress);
                return;
            case "go" when data.Args.Count == 2 && progress is { Done: true }:
                await ctx.AckAsync();
                var card = menu.Card(ctx, module);
                await ctx.ReplyAsync(card.Text, card.Buttons);
                return;
            case "go" when data.Args.Count == 2:
                await ctx.AckAsync();
                await runner.StartAsync(ctx.Resident, module);
                return;
            case "a" when data.Args.Count == 5 && IsCurrentButton(module, progress, data):
                await ctx.AckAsync();
                await runner.AnswerAsync(ctx.Resident, module, progress!, data.IntArg(4)!.Value);
                return;
            default:
                await ctx.AckAsync(ctx.T("callback.stale"));
                return;
        }
    }

    /// <summary>An answer button counts only for the question on screen now, in this attempt, shown with buttons.</summary>
    private static bool IsCurrentButton(QuizModule module, QuizProgress? p, CallbackData data) =>
        p is { InProgress: true, PollId: null }
        && data.IntArg(2) == p.Attempt
        && data.IntArg(3) == p.Current
        && p.Current < module.Items.Count
        && data.IntArg(4) is int option && option >= 0 && option < module.Items[p.Current].OptionCount;
}
