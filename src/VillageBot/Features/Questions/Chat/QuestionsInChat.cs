using System.Text;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Questions.Chat;

/// <summary>
/// Answers a question in the chat: "typing…" while it works, the answer with its sources, or an honest "I don't
/// know" that logs a knowledge gap and offers to pass the question to the village coordinator.
/// </summary>
public sealed class QuestionsInChat(QuestionAnswerer answerer, KnowledgeGaps gaps, ILogger<QuestionsInChat> log) : IQuestionAnswering
{
    /// <summary>Telegram shows "typing…" for about five seconds; it is renewed while an AI service writes.</summary>
    private static readonly TimeSpan TypingRenewal = TimeSpan.FromSeconds(4);

    public async Task<int?> AnswerInChatAsync(BotContext ctx, string question, Button? alsoOffer = null)
    {
        if (!LooksLikeWords(question))
        {
            await ctx.ReplyKeyAsync("questions.too_short");
            return null;
        }

        var answer = await AnswerWhileTypingAsync(ctx, question);
        if (answer.Answered)
        {
            await ctx.ReplyAsync(Format(ctx, answer), alsoOffer is null ? null : Keyboard.Of([alsoOffer]));
            return null;
        }

        var gap = gaps.Record(question, ctx.Lang, ctx.Resident.VillageId, ctx.UserId, ctx.Now);
        log.LogInformation("Knowledge gap {Id} ({Lang}) logged for village {Village}", gap.Id, gap.Lang, gap.VillageId);
        var keyboard = Keyboard.Of([new Button(ctx.T("questions.btn_forward"), CallbackData.Build(ForwardQuestionCallback.Prefix, "fwd", gap.Id))]);
        await ctx.ReplyAsync(answer.Text + "\n" + ctx.T("questions.offer_forward"), alsoOffer is null ? keyboard : keyboard.Row(alsoOffer));
        return gap.Id;
    }

    public void TakenAsAReport(BotContext ctx, int gapId)
    {
        if (gaps.Withdraw(ctx.UserId, gapId))
        {
            log.LogInformation("Knowledge gap {Id} withdrawn: the text was reported as a problem", gapId);
        }
    }

    /// <summary>True when the text has at least two letters, so there is something to look up.</summary>
    public static bool LooksLikeWords(string text) => text.Count(char.IsLetter) >= 2;

    /// <summary>The answer and then its sources as a short list, within Telegram's message limit.</summary>
    public static string Format(BotContext ctx, QuestionAnswer answer) => Format(ctx.T("questions.sources"), answer);

    /// <summary>The answer and then its sources under <paramref name="sourcesTitle"/>.</summary>
    public static string Format(string sourcesTitle, QuestionAnswer answer)
    {
        var sources = new StringBuilder("\n\n📚 ").Append(sourcesTitle);
        foreach (var s in answer.Sources)
        {
            sources.Append("\n• ").Append(s.Title).Append(" — ").Append(MessageLimits.Clip(s.Citation, 160));
        }

        return MessageLimits.Clip(answer.Text, MessageLimits.Text - sources.Length) + sources;
    }

    private async Task<QuestionAnswer> AnswerWhileTypingAsync(BotContext ctx, string question)
    {
        await TypingAsync(ctx);
        if (!answerer.UsesAi)
        {
            return await answerer.AnswerAsync(question, ctx.Lang);
        }

        using var done = new CancellationTokenSource();
        var typing = KeepTypingAsync(ctx, done.Token);
        try
        {
            return await answerer.AnswerAsync(question, ctx.Lang);
        }
        finally
        {
            await done.CancelAsync();
            await typing;
        }
    }

    private async Task KeepTypingAsync(BotContext ctx, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TypingRenewal, ctx.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                await TypingAsync(ctx);
            }
        }
        catch (OperationCanceledException)
        {
            // The answer is ready.
        }
    }

    private async Task TypingAsync(BotContext ctx)
    {
        try
        {
            await ctx.Messenger.SendTypingAsync(ctx.ChatId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // "typing…" is a courtesy; the answer is what matters.
            log.LogDebug(e, "Could not show typing in chat {Chat}", ctx.ChatId);
        }
    }
}
