using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.LocalChat;

/// <summary>/mydata includes the local chat's conversation; /forget erases it with the files the bot sent there.</summary>
public sealed class LocalChatPersonalData(LocalChatStore store) : IPersonalData
{
    public string Section => "localChat";

    public IReadOnlyList<string> Collections => ["local_chat", "local_chat_people", "local_chat_files"];

    public object? Export(long userId)
    {
        var messages = store.All(userId);
        return messages.Count == 0 ? null : messages.Select(m => new
        {
            m.From,
            m.Text,
            File = m.File?.Name,
            Poll = m.Poll is { } p ? new { p.Options, p.Chosen } : null,
        }).ToList();
    }

    public void Erase(long userId) => store.Erase(userId);
}
