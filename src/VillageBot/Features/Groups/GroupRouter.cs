using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Groups;

/// <summary>
/// Decides what handles an update from a group. Telegram's privacy mode (the default) brings the bot only commands,
/// mentions of it and replies to it; anything else that arrives is ignored and nothing of it is kept. A command
/// for another bot ("/ask@other_bot") is not ours. A mention or a reply reads as a question or a problem.
/// </summary>
public sealed class GroupRouter(
    IServiceProvider services,
    IEnumerable<GroupCommandRoute> commandRoutes,
    IEnumerable<GroupCallbackRoute> callbackRoutes,
    GroupLinks links,
    GroupSender sender,
    IMessenger messenger,
    BotStatus status,
    IDocumentStore db,
    Texts texts,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<GroupRouter> log) : IGroupUpdateHandler
{
    public async Task OnMessageAsync(Update update, Message message, CancellationToken ct)
    {
        if (message.MigrateToChatId is long to)
        {
            links.Migrate(message.Chat.Id, to);
            log.LogInformation("Group {Old} became the supergroup {New}", message.Chat.Id, to);
            return;
        }

        if (message.Text is not { } raw || message.From is not { } from)
        {
            return;
        }

        var text = raw.Trim();
        var ctx = NewContext(update, message.Chat.Id, from);
        if (RouteTable.ParseCommand(text) is { } command)
        {
            if (ForAnotherBot(text))
            {
                return;
            }

            var route = commandRoutes.FirstOrDefault(r => r.Command.Equals(command.Command, StringComparison.OrdinalIgnoreCase));
            if (route is null)
            {
                await ctx.ReplyKeyAsync("group.unknown_command", Username);
                return;
            }

            await ((IGroupCommandHandler)services.GetRequiredService(route.Handler)).HandleAsync(ctx, Cut(command.Args));
            return;
        }

        if (Mentioned(message) || RepliesToBot(message))
        {
            await services.GetRequiredService<GroupMentions>().HandleAsync(ctx, Cut(WithoutMention(text)));
        }
    }

    public async Task OnCallbackAsync(Update update, CallbackQuery callback, CancellationToken ct)
    {
        var ctx = NewContext(update, callback.Message!.Chat.Id, callback.From);
        var data = CallbackData.Parse(callback.Data);
        var route = data is null ? null : callbackRoutes.FirstOrDefault(r => r.Prefix == data.Prefix);
        if (route is null)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ((IGroupCallbackHandler)services.GetRequiredService(route.Handler)).HandleAsync(ctx, data!);
    }

    public Task OnMembershipAsync(ChatMemberUpdated change, CancellationToken ct)
    {
        var chatId = change.Chat.Id;
        if (change.NewChatMember.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked)
        {
            if (links.Unlink(chatId))
            {
                log.LogInformation("The bot was removed from group {Chat}; its link is undone", chatId);
            }

            return Task.CompletedTask;
        }

        if (change.OldChatMember.Status is ChatMemberStatus.Left or ChatMemberStatus.Kicked && links.Find(chatId) is null)
        {
            var lang = db.Residents.FindById(change.From.Id)?.Lang ?? Languages.FromTelegram(change.From.LanguageCode);
            sender.Reply(chatId, null, texts.Get(lang, "group.hello", Username));
        }

        return Task.CompletedTask;
    }

    private string Username => status.BotUsername ?? "";

    private GroupContext NewContext(Update update, long chatId, User from) =>
        new(update, chatId, from, links.Find(chatId), db.Residents.FindById(from.Id), options.Value.AdminIds.Contains(from.Id), sender, messenger, texts, time);

    private string Cut(string text) => text.Length > options.Value.MaxTextLength ? text[..options.Value.MaxTextLength] : text;

    private bool ForAnotherBot(string text)
    {
        var head = text.Split([' ', '\n', '\t'], 2)[0];
        var at = head.IndexOf('@');
        return at >= 0 && !head[(at + 1)..].Equals(Username, StringComparison.OrdinalIgnoreCase);
    }

    private bool Mentioned(Message message) =>
        Username.Length > 0 && message.Text!.Contains("@" + Username, StringComparison.OrdinalIgnoreCase);

    private bool RepliesToBot(Message message) =>
        message.ReplyToMessage?.From is { IsBot: true } author && author.Username?.Equals(Username, StringComparison.OrdinalIgnoreCase) == true;

    private string WithoutMention(string text) =>
        Username.Length == 0 ? text : text.Replace("@" + Username, " ", StringComparison.OrdinalIgnoreCase).Trim();
}
