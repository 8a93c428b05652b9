using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>
/// Sends through the real Telegram.Bot client, which waits out a 429 and tries again itself; a 429 it gives up on
/// surfaces as <see cref="RateLimitedException"/>, a 403 marks the recipient inactive and surfaces as
/// <see cref="RecipientBlockedException"/>.
/// </summary>
public sealed class TelegramMessenger(
    ITelegramBotClient bot,
    IRecipientStatus recipients,
    ILogger<TelegramMessenger> log) : IMessenger
{
    public Task<int> SendTextAsync(long chatId, string text, Keyboard? keyboard = null, CancellationToken ct = default) =>
        Call(chatId, async () => (await bot.SendMessage(chatId, MessageLimits.Clip(text, MessageLimits.Text), replyMarkup: Markup(keyboard), linkPreviewOptions: new LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct)).Id, ct);

    public Task EditTextAsync(long chatId, int messageId, string text, Keyboard? keyboard = null, CancellationToken ct = default) =>
        Call(chatId, async () =>
        {
            try
            {
                await bot.EditMessageText(chatId, messageId, MessageLimits.Clip(text, MessageLimits.Text), replyMarkup: Markup(keyboard), cancellationToken: ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("not modified", StringComparison.OrdinalIgnoreCase))
            {
                // Pressing the same button twice edits to identical text; that is not an error for the person.
            }

            return 0;
        }, ct);

    public Task AnswerCallbackAsync(string callbackId, string? text = null, bool alert = false, CancellationToken ct = default) =>
        Call(0, async () =>
        {
            try
            {
                await bot.AnswerCallbackQuery(callbackId, text is null ? null : MessageLimits.Clip(text, 200), alert, cancellationToken: ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400)
            {
                // A callback older than Telegram keeps them can no longer be answered; the message reply still goes out.
                log.LogDebug("Callback {Id} could not be answered: {Message}", callbackId, e.Message);
            }

            return 0;
        }, ct);

    public Task<int> SendPhotoAsync(long chatId, byte[] image, string? caption = null, Keyboard? keyboard = null, CancellationToken ct = default) =>
        Call(chatId, async () =>
        {
            using var stream = new MemoryStream(image);
            var sent = await bot.SendPhoto(chatId, InputFile.FromStream(stream, "chart.png"), caption is null ? null : MessageLimits.Clip(caption, MessageLimits.Caption), replyMarkup: Markup(keyboard), cancellationToken: ct);
            return sent.Id;
        }, ct);

    public Task<int> SendStoredPhotoAsync(long chatId, string fileId, string? caption = null, CancellationToken ct = default) =>
        Call(chatId, async () => (await bot.SendPhoto(chatId, InputFile.FromFileId(fileId), caption is null ? null : MessageLimits.Clip(caption, MessageLimits.Caption), cancellationToken: ct)).Id, ct);

    public Task<int> SendDocumentAsync(long chatId, byte[] content, string fileName, string? caption = null, CancellationToken ct = default) =>
        Call(chatId, async () =>
        {
            using var stream = new MemoryStream(content);
            var sent = await bot.SendDocument(chatId, InputFile.FromStream(stream, fileName), caption is null ? null : MessageLimits.Clip(caption, MessageLimits.Caption), cancellationToken: ct);
            return sent.Id;
        }, ct);

    public async Task<SentPoll> SendPollAsync(long chatId, PollRequest poll, CancellationToken ct = default)
    {
        Message? sent = null;
        await Call(chatId, async () =>
        {
            sent = await bot.SendPoll(
                chatId,
                MessageLimits.Clip(poll.Question, MessageLimits.PollQuestion),
                poll.Options.Select(o => new InputPollOption(MessageLimits.Clip(o, MessageLimits.PollOption))),
                isAnonymous: poll.IsAnonymous,
                type: poll.IsQuiz ? PollType.Quiz : PollType.Regular,
                allowsMultipleAnswers: poll.AllowsMultipleAnswers,
                correctOptionIds: poll.IsQuiz && poll.CorrectOption is int c ? [c] : null,
                explanation: poll.Explanation is null ? null : MessageLimits.Clip(poll.Explanation, MessageLimits.PollExplanation),
                openPeriod: poll.OpenPeriodSeconds,
                cancellationToken: ct);
            return sent.Id;
        }, ct);
        return new SentPoll(sent!.Id, sent.Poll?.Id ?? "");
    }

    public Task StopPollAsync(long chatId, int messageId, CancellationToken ct = default) =>
        Call(chatId, async () =>
        {
            try
            {
                await bot.StopPoll(chatId, messageId, cancellationToken: ct);
            }
            catch (ApiRequestException e) when (e.ErrorCode == 400 && e.Message.Contains("already closed", StringComparison.OrdinalIgnoreCase))
            {
                // Stopping twice is the same as stopping once: closing jobs may run again after a restart.
            }

            return 0;
        }, ct);

    public Task SendTypingAsync(long chatId, CancellationToken ct = default) =>
        Call(chatId, async () =>
        {
            await bot.SendChatAction(chatId, ChatAction.Typing, cancellationToken: ct);
            return 0;
        }, ct);

    /// <summary>
    /// The client has already waited out and repeated a 429 (see TelegramOptions.MaxRetries); one still refused
    /// becomes <see cref="RateLimitedException"/>, which the caller schedules for later.
    /// </summary>
    private async Task<int> Call(long chatId, Func<Task<int>> send, CancellationToken ct)
    {
        try
        {
            return await send();
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            log.LogInformation("Telegram refused a call for {Seconds}s (chat {ChatId})", e.Parameters?.RetryAfter, chatId);
            throw new RateLimitedException(chatId, e.Parameters?.RetryAfter ?? 1, e);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403 && chatId != 0)
        {
            recipients.MarkBlocked(chatId);
            throw new RecipientBlockedException(chatId, e);
        }
    }

    internal static InlineKeyboardMarkup? Markup(Keyboard? keyboard) =>
        keyboard is null
            ? null
            : new InlineKeyboardMarkup(keyboard.Rows.Select(row => row.Select(b =>
                b.Url is not null ? InlineKeyboardButton.WithUrl(b.Text, b.Url) : InlineKeyboardButton.WithCallbackData(b.Text, b.Data ?? "noop"))));
}
