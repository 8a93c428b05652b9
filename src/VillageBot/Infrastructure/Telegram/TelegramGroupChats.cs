using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>Group replies and administrator checks through the real Telegram.Bot client.</summary>
public sealed class TelegramGroupChats(ITelegramBotClient bot) : IGroupChats
{
    public async Task<int> SendReplyAsync(long chatId, int? replyTo, string text, Keyboard? keyboard = null, CancellationToken ct = default)
    {
        try
        {
            var sent = await bot.SendMessage(
                chatId,
                MessageLimits.Clip(text, MessageLimits.Text),
                replyParameters: replyTo is int id ? new ReplyParameters { MessageId = id, AllowSendingWithoutReply = true } : null,
                replyMarkup: TelegramMessenger.Markup(keyboard),
                linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true },
                cancellationToken: ct);
            return sent.Id;
        }
        catch (ApiRequestException e) when (e.Parameters?.MigrateToChatId is long to)
        {
            throw new GroupMigratedException(chatId, to, e);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            throw new RecipientBlockedException(chatId, e);
        }
    }

    public async Task<bool> IsAdministratorAsync(long chatId, long userId, CancellationToken ct = default)
    {
        try
        {
            var member = await bot.GetChatMember(chatId, userId, ct);
            return member.Status is ChatMemberStatus.Creator or ChatMemberStatus.Administrator;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            return false;
        }
    }
}
