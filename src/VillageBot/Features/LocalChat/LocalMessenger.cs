using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.LocalChat;

/// <summary>The messenger of local mode: replies go to the local chat page instead of Telegram.</summary>
public sealed class LocalMessenger(LocalChatStore store) : IMessenger
{
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
        Task.FromResult(store.Add(chatId, "bot", caption ?? "", file: new LocalFile { Name = fileName, Content = content }).Id);

    /// <summary>
    /// The page shows the poll as buttons; a vote comes back as the update Telegram would send (see
    /// LocalChatEndpoints), so the poll's own handlers count it. The poll id is made from the stored message's id,
    /// which never repeats, not even after a restart.
    /// </summary>
    public Task<SentPoll> SendPollAsync(long chatId, PollRequest poll, CancellationToken ct = default)
    {
        var message = store.Add(chatId, "bot", poll.Question, poll: new LocalPoll
        {
            Options = [.. poll.Options],
            IsAnonymous = poll.IsAnonymous,
            AllowsMultipleAnswers = poll.AllowsMultipleAnswers && !poll.IsQuiz,
            IsQuiz = poll.IsQuiz,
            CorrectOption = poll.IsQuiz ? poll.CorrectOption : null,
            Explanation = poll.IsQuiz ? poll.Explanation : null,
        });
        return Task.FromResult(new SentPoll(message.Id, message.Poll!.Id));
    }

    public Task StopPollAsync(long chatId, int messageId, CancellationToken ct = default)
    {
        store.StopPoll(chatId, messageId);
        return Task.CompletedTask;
    }

    public Task SendTypingAsync(long chatId, CancellationToken ct = default) => Task.CompletedTask;
}
