using VillageBot.Conversation;
using VillageBot.Features.FreeText;
using VillageBot.Features.Questions;
using VillageBot.Features.Questions.Chat;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Groups;

/// <summary>
/// A question in the group ("/ask@bot …", a mention, a reply to the bot) is answered there, as a reply, in the
/// group's language, with its sources. Without an answer the asker is offered the private chat, where the question
/// can go on to the coordinator. The question is kept as a knowledge gap for the village, without the asker.
/// </summary>
public sealed class GroupQuestions(QuestionAnswerer answerer, KnowledgeGaps gaps, BotStatus status)
{
    public async Task AnswerAsync(GroupContext ctx, string question)
    {
        if (!QuestionsInChat.LooksLikeWords(question))
        {
            await ctx.ReplyKeyAsync("group.ask_usage", status.BotUsername ?? "");
            return;
        }

        var answer = await answerer.AnswerAsync(question, ctx.Lang);
        if (answer.Answered)
        {
            await ctx.ReplyAsync(QuestionsInChat.Format(ctx.T("questions.sources"), answer));
            return;
        }

        gaps.Record(question, ctx.Lang, ctx.Link?.VillageId, 0, ctx.Now);
        await ctx.ReplyAsync(answer.Text + "\n" + ctx.T("group.ask_privately"), PrivateChat.Button(ctx, status, "group.btn_private", "ask"));
    }
}

/// <summary>A button that opens the private chat with the bot at a command (t.me/bot?start=command).</summary>
public static class PrivateChat
{
    public static Keyboard? Button(GroupContext ctx, BotStatus status, string textKey, string command) =>
        status.DeepLink(command) is { } url ? Keyboard.Of([new Button(ctx.T(textKey), Url: url)]) : null;
}

/// <summary>/ask@bot question in a group.</summary>
public sealed class GroupAskCommand(GroupQuestions questions) : IGroupCommandHandler
{
    public Task HandleAsync(GroupContext ctx, string args) => questions.AnswerAsync(ctx, args);
}

/// <summary>
/// /report@bot in a group: reports stay private. A short reply with a button that opens the private chat at the
/// report step; nothing the person wrote is repeated or kept.
/// </summary>
public sealed class GroupReportCommand(BotStatus status) : IGroupCommandHandler
{
    public Task HandleAsync(GroupContext ctx, string args) => OfferPrivateAsync(ctx, status);

    public static Task OfferPrivateAsync(GroupContext ctx, BotStatus status) =>
        ctx.ReplyAsync(ctx.T("group.report_private"), PrivateChat.Button(ctx, status, "group.btn_report", "report"));
}

/// <summary>A mention of the bot or a reply to it: a problem is sent to the private chat, anything else is answered as a question.</summary>
public sealed class GroupMentions(FreeTextRouter intents, GroupQuestions questions, BotStatus status)
{
    public async Task HandleAsync(GroupContext ctx, string text)
    {
        if (!QuestionsInChat.LooksLikeWords(text))
        {
            await ctx.ReplyKeyAsync("group.ask_usage", status.BotUsername ?? "");
            return;
        }

        if (intents.Read(text).Intent == Intent.Problem)
        {
            await GroupReportCommand.OfferPrivateAsync(ctx, status);
            return;
        }

        await questions.AnswerAsync(ctx, text);
    }
}

/// <summary>/help@bot (and /start@bot) in a group: what the bot does here.</summary>
public sealed class GroupHelpCommand(IEnumerable<GroupCommandRoute> routes, BotStatus status) : IGroupCommandHandler
{
    public Task HandleAsync(GroupContext ctx, string args)
    {
        var bot = status.BotUsername ?? "";
        var lines = routes.Where(r => r.MenuTextKey is not null).Select(r => $"/{r.Command}@{bot} — {ctx.T(r.MenuTextKey!)}");
        return ctx.ReplyAsync(ctx.T("group.help", bot) + "\n\n" + string.Join('\n', lines));
    }
}
