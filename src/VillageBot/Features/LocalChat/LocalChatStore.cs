using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.LocalChat;

/// <summary>The conversation shown on the local chat page (local mode): what each side said, in order.</summary>
public sealed class LocalChatStore
{
    private readonly Dictionary<long, List<LocalMessage>> _chats = [];
    private int _nextId;
    private long _version;

    public LocalMessage Add(long chatId, string from, string text, Keyboard? keyboard = null, string? imageBase64 = null)
    {
        lock (_chats)
        {
            var message = new LocalMessage(++_nextId, from, text, Buttons(keyboard), imageBase64, ++_version);
            if (!_chats.TryGetValue(chatId, out var list))
            {
                _chats[chatId] = list = [];
            }

            list.Add(message);
            return message;
        }
    }

    public void Edit(long chatId, int messageId, string text, Keyboard? keyboard)
    {
        lock (_chats)
        {
            if (_chats.TryGetValue(chatId, out var list) && list.FindIndex(m => m.Id == messageId && m.From == "bot") is var i and >= 0)
            {
                list[i] = list[i] with { Text = text, Buttons = Buttons(keyboard), Version = ++_version };
            }
        }
    }

    public IReadOnlyList<LocalMessage> Since(long chatId, long version)
    {
        lock (_chats)
        {
            return _chats.TryGetValue(chatId, out var list) ? [.. list.Where(m => m.Version > version)] : [];
        }
    }

    private static List<List<LocalButton>>? Buttons(Keyboard? keyboard) =>
        keyboard?.Rows.Select(r => r.Select(b => new LocalButton(b.Text, b.Data, b.Url)).ToList()).ToList();
}

public sealed record LocalMessage(int Id, string From, string Text, List<List<LocalButton>>? Buttons, string? Image, long Version);

public sealed record LocalButton(string Text, string? Data, string? Url);
