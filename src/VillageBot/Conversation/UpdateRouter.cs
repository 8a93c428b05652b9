using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>Decides what handles one update. Adding a command registers a route; nothing here changes.</summary>
public sealed class UpdateRouter(
    IServiceProvider services,
    RouteTable routes,
    IEnumerable<ITextHandler> textHandlers,
    IEnumerable<IPollAnswerHandler> pollHandlers,
    IEnumerable<IPollUpdateHandler> pollUpdateHandlers,
    IEnumerable<IMessagePreview> previews,
    IRecipientStatus recipients,
    ResidentLoader residents,
    IMessenger messenger,
    Texts texts,
    IDocumentStore db,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<UpdateRouter> log)
{
    public async Task RouteAsync(Update update, CancellationToken ct)
    {
        switch (update)
        {
            case { PollAnswer: { } answer }:
                foreach (var h in pollHandlers)
                {
                    await h.HandleAsync(answer, ct);
                }

                return;
            case { Poll: { } poll }:
                foreach (var h in pollUpdateHandlers)
                {
                    await h.HandleAsync(poll, ct);
                }

                return;
            case { MyChatMember: { } change } when change.Chat.Type is ChatType.Group or ChatType.Supergroup:
                if (services.GetService<IGroupUpdateHandler>() is { } groups)
                {
                    await groups.OnMembershipAsync(change, ct);
                }

                return;
            case { MyChatMember: { } member } when member.Chat.Type == ChatType.Private:
                if (member.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left)
                {
                    recipients.MarkBlocked(member.Chat.Id);
                }
                else
                {
                    recipients.MarkReachable(member.Chat.Id);
                }

                return;
            case { Message: { } message }:
                await OnMessageAsync(update, message);
                return;
            case { CallbackQuery: { Message.Chat.Type: ChatType.Group or ChatType.Supergroup } callback } when services.GetService<IGroupUpdateHandler>() is { } groupCallbacks:
                await groupCallbacks.OnCallbackAsync(update, callback, ct);
                return;
            case { CallbackQuery: { } callback }:
                await OnCallbackAsync(update, callback);
                return;
            default:
                // Edited messages, channel posts and other kinds are not acted on: the bot only reacts to what
                // a person sends it now, so an edit never re-sends a report or a question.
                log.LogDebug("Ignored update {Id} of type {Type}", update.Id, update.Type);
                return;
        }
    }

    private async Task OnMessageAsync(Update update, Message message)
    {
        if (message.From is null || message.From.IsBot)
        {
            return;
        }

        if (message.Chat.Type != ChatType.Private)
        {
            if (message.Chat.Type is ChatType.Group or ChatType.Supergroup && services.GetService<IGroupUpdateHandler>() is { } groups)
            {
                await groups.OnMessageAsync(update, message, CancellationToken.None);
                return;
            }

            await OnGroupMessageAsync(message);
            return;
        }

        var resident = residents.Load(message.From, message.Chat.Id);
        var raw = message.Text ?? message.Caption ?? "";
        var trimmed = raw.Trim();
        var max = options.Value.MaxTextLength;
        var cut = trimmed.Length > max;
        var ctx = NewContext(update, resident, cut ? trimmed[..max] : trimmed, cut);
        if (cut)
        {
            await ctx.ReplyKeyAsync("input.cut", max);
        }

        if (resident.IsMember)
        {
            foreach (var preview in previews)
            {
                if (await preview.TryHandleAsync(ctx))
                {
                    return;
                }
            }
        }

        if (message.Text is not null && RouteTable.ParseCommand(trimmed) is { } command)
        {
            await OnCommandAsync(ctx, command.Command, command.Args);
            return;
        }

        await OnTextAsync(ctx, message);
    }

    /// <summary>
    /// Text the person confirmed after it was heard in their voice message goes where the same words typed would
    /// go: the current dialog step, or a question, a report or small talk.
    /// </summary>
    public Task RouteHeardAsync(BotContext from, string text, string voiceFileId)
    {
        var chat = from.Callback?.Message?.Chat ?? new Chat { Id = from.ChatId, Type = ChatType.Private };
        var message = new Message { Id = from.Callback?.Message?.Id ?? 0, From = from.Callback?.From ?? from.Message?.From, Chat = chat, Date = from.Now, Text = text };
        var ctx = NewContext(new Update { Id = from.Update.Id, Message = message }, from.Resident, text, false);
        ctx.VoiceFileId = voiceFileId;
        return OnTextAsync(ctx, message);
    }

    private async Task OnTextAsync(BotContext ctx, Message message)
    {
        var resident = ctx.Resident;
        if (resident.Dialog is { } dialog && routes.Dialogs.TryGetValue(dialog.Name, out var dialogRoute))
        {
            var handler = (IDialogHandler)services.GetRequiredService(dialogRoute.Handler);
            await handler.HandleAsync(ctx, dialog);
            return;
        }

        if (!resident.IsMember)
        {
            await GreetNewcomerAsync(ctx);
            return;
        }

        if (message.Text is null)
        {
            await ctx.ReplyKeyAsync("input.text_expected");
            return;
        }

        if (ctx.Text.Length == 0)
        {
            await ctx.ReplyKeyAsync("input.empty");
            return;
        }

        foreach (var h in textHandlers.OrderBy(h => h.Order))
        {
            if (await h.TryHandleAsync(ctx, ctx.Text))
            {
                return;
            }
        }

        await ctx.ReplyKeyAsync("help.not_understood");
    }

    private async Task OnCommandAsync(BotContext ctx, string command, string args)
    {
        if (!routes.Commands.TryGetValue(command, out var route))
        {
            await ctx.ReplyKeyAsync("command.unknown", command.Length > 32 ? command[..32] + "…" : command);
            return;
        }

        if (!await CheckAccessAsync(ctx, route.Access))
        {
            return;
        }

        // An offer still open ("report it instead" under an answer) lapses: the person has moved on.
        if (ctx.Resident.Dialog is { Lapses: true })
        {
            ctx.EndDialog();
        }

        var handler = (ICommandHandler)services.GetRequiredService(route.Handler);
        await handler.HandleAsync(ctx, args);
    }

    private async Task OnCallbackAsync(Update update, CallbackQuery callback)
    {
        if (callback.Message is null || callback.Message.Chat.Type != ChatType.Private)
        {
            await messenger.AnswerCallbackAsync(callback.Id, texts.Get(Languages.FromTelegram(callback.From.LanguageCode), "callback.stale"));
            return;
        }

        // A button press alone never creates a record: only someone who wrote to the bot is stored.
        var resident = residents.Load(callback.From, callback.Message.Chat.Id, createIfMissing: false);
        var ctx = NewContext(update, resident, "", false);
        var data = CallbackData.Parse(callback.Data);
        if (data is null || !routes.Callbacks.TryGetValue(data.Prefix, out var route))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        if (!await CheckAccessAsync(ctx, route.Access))
        {
            return;
        }

        var handler = (ICallbackHandler)services.GetRequiredService(route.Handler);
        await handler.HandleAsync(ctx, data);
    }

    private async Task<bool> CheckAccessAsync(BotContext ctx, Access access)
    {
        var (allowed, refusal) = access switch
        {
            Access.Anyone => (true, null),
            Access.Member => (ctx.Resident.IsMember, "access.onboard_first"),
            Access.Coordinator => (ctx.IsCoordinator, "access.coordinators_only"),
            Access.Admin => (ctx.IsAdmin, "access.admins_only"),
            _ => (false, "access.admins_only"),
        };
        if (allowed)
        {
            return true;
        }

        log.LogInformation("Refused {Access} action to user {UserId}", access, ctx.UserId);
        if (ctx.Callback is not null)
        {
            await ctx.AckAsync(ctx.T(refusal!), alert: true);
        }
        else
        {
            await ctx.ReplyKeyAsync(refusal!);
        }

        return false;
    }

    /// <summary>Someone who has not joined yet and writes outside any dialog is led to joining.</summary>
    private async Task GreetNewcomerAsync(BotContext ctx)
    {
        if (routes.Newcomer is { } newcomer)
        {
            var handler = (ICommandHandler)services.GetRequiredService(newcomer.Handler);
            await handler.HandleAsync(ctx, "");
        }
    }

    private async Task OnGroupMessageAsync(Message message)
    {
        // In groups the bot stays quiet: residents' reports and answers are personal. It only answers a
        // command addressed to it, pointing people to the private chat.
        if (message.Text is { } text && RouteTable.ParseCommand(text.Trim()) is not null)
        {
            var lang = Languages.FromTelegram(message.From?.LanguageCode);
            await messenger.SendTextAsync(message.Chat.Id, texts.Get(lang, "group.private_only"));
        }
    }

    private BotContext NewContext(Update update, Resident resident, string text, bool cut) =>
        new(update, resident, options.Value.AdminIds.Contains(resident.Id), messenger, texts, db, time) { Text = text, TextWasCut = cut };
}
