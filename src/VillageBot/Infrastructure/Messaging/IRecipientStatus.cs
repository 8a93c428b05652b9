namespace VillageBot.Infrastructure.Messaging;

/// <summary>Keeps track of who can be reached: a person who blocked the bot is marked inactive.</summary>
public interface IRecipientStatus
{
    void MarkBlocked(long chatId);

    void MarkReachable(long chatId);
}
