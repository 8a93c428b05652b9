using Telegram.Bot.Types;

namespace VillageBot.Infrastructure.Telegram;

public static class UpdateSender
{
    /// <summary>The Telegram user an update came from, if any.</summary>
    public static long? Of(Update? update) =>
        update?.Message?.From?.Id ?? update?.CallbackQuery?.From.Id ?? update?.PollAnswer?.User?.Id ?? update?.MyChatMember?.From.Id ?? update?.EditedMessage?.From?.Id;
}
