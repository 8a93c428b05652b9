using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.LocalChat;

/// <summary>
/// The conversation shown on the local chat page (local mode): what each side said, in order. Kept in memory
/// and bounded: the last LocalChat:MaxHistory messages of the LocalChat:MaxPeople most recently active people.
/// </summary>
public sealed class LocalChatStore(IOptions<LocalChatOptions> options)
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
                MakeRoom();
                _chats[chatId] = list = [];
            }

            list.Add(message);
            if (list.Count > options.Value.MaxHistory)
            {
                list.RemoveRange(0, list.Count - options.Value.MaxHistory);
            }

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

    /// <summary>Drops the conversation that changed longest ago when a new person would exceed the cap.</summary>
    private void MakeRoom()
    {
        if (_chats.Count < options.Value.MaxPeople)
        {
            return;
        }

        var idlest = _chats.MinBy(c => c.Value.Count == 0 ? 0 : c.Value.Max(m => m.Version)).Key;
        _chats.Remove(idlest);
    }

    private static List<List<LocalButton>>? Buttons(Keyboard? keyboard) =>
        keyboard?.Rows.Select(r => r.Select(b => new LocalButton(b.Text, b.Data, b.Url)).ToList()).ToList();
}

public sealed record LocalMessage(int Id, string From, string Text, List<List<LocalButton>>? Buttons, string? Image, long Version);

public sealed record LocalButton(string Text, string? Data, string? Url);
