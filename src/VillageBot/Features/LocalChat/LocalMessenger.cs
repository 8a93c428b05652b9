using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.LocalChat;

/// <summary>The messenger of local mode: replies go to the local chat page instead of Telegram.</summary>
public sealed class LocalMessenger(LocalChatStore store) : IMessenger
{
    private int _pollId;

    public Task<int> SendTextAsync(long chatId, string text, Keyboard? keyboard = null, CancellationToken ct = default) =>
        Task.FromResult(store.Add(chatId, "bot", MessageLimits.Clip(text, MessageLimits.Text), keyboard).Id);

    public Task EditTextAsync(long chatId, int messageId, string text, Keyboard? keyboard = null, CancellationToken ct = default)
    {
        store.Edit(chatId, messageId, text, keyboard);
        return Task.CompletedTask;
    }

    public Task AnswerCallbackAsync(string callbackId, string? text = null, bool alert = false, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(text) && long.TryParse(callbackId.Split(':')[0], out var chatId))
        {
            store.Add(chatId, "notice", text);
        }

        return Task.CompletedTask;
    }

    public Task<int> SendPhotoAsync(long chatId, byte[] image, string? caption = null, Keyboard? keyboard = null, CancellationToken ct = default) =>
        Task.FromResult(store.Add(chatId, "bot", caption ?? "", keyboard, Convert.ToBase64String(image)).Id);

    public Task<int> SendStoredPhotoAsync(long chatId, string fileId, string? caption = null, CancellationToken ct = default) =>
        Task.FromResult(store.Add(chatId, "bot", $"📷 {caption}").Id);

    public Task<int> SendDocumentAsync(long chatId, byte[] content, string fileName, string? caption = null, CancellationToken ct = default) =>
        Task.FromResult(store.Add(chatId, "bot", $"📎 {fileName} ({content.Length} B)\n{caption}").Id);

    public Task<SentPoll> SendPollAsync(long chatId, PollRequest poll, CancellationToken ct = default)
    {
        var lines = string.Join('\n', poll.Options.Select((o, i) => $"{i + 1}. {o}"));
        var id = store.Add(chatId, "bot", $"📊 {poll.Question}\n{lines}").Id;
        return Task.FromResult(new SentPoll(id, $"local-{Interlocked.Increment(ref _pollId)}"));
    }

    public Task StopPollAsync(long chatId, int messageId, CancellationToken ct = default) => Task.CompletedTask;

    public Task SendTypingAsync(long chatId, CancellationToken ct = default) => Task.CompletedTask;
}
