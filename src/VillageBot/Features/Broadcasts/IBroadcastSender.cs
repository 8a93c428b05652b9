using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Broadcasts;

/// <summary>Sends one kind of broadcast content to one person. Register with services.AddBroadcastSender&lt;T&gt;().</summary>
public interface IBroadcastSender
{
    string Kind { get; }

    /// <summary>Sends to one recipient and returns the message id. Throw <see cref="BroadcastSkippedException"/> to skip.</summary>
    Task<int> SendAsync(Broadcast broadcast, Resident recipient, CancellationToken ct);

    /// <summary>A short description for the coordinator's report (the text's start, the poll's question…).</summary>
    string Describe(Broadcast broadcast, string lang);

    /// <summary>Who of the village's active members receive it (all of them unless the content says otherwise).</summary>
    IReadOnlyList<Resident> Recipients(Broadcast broadcast, IReadOnlyList<Resident> members) => members;

    /// <summary>The delivery report for the person who sent it; null for the common one with <see cref="Describe"/>.</summary>
    string? Report(Broadcast broadcast, string lang, string village) => null;

    /// <summary>The broadcast was cancelled before it started: undo what its content arranged besides it (a poll's post in the village group).</summary>
    void Cancelled(Broadcast broadcast)
    {
    }
}

/// <summary>The content can no longer be sent (a poll already closed…): the delivery is recorded as failed.</summary>
public sealed class BroadcastSkippedException(string reason) : Exception(reason);

/// <summary>A coordinator's text, under a header naming the village, in each recipient's language.</summary>
public sealed class TextBroadcastSender(IMessenger messenger, Texts texts, IDocumentStore db) : IBroadcastSender
{
    private readonly Dictionary<int, string> _villages = [];

    public string Kind => BroadcastContent.TextKind;

    public Task<int> SendAsync(Broadcast broadcast, Resident recipient, CancellationToken ct) =>
        messenger.SendTextAsync(recipient.ChatId, Format(texts, recipient.Lang, VillageName(broadcast), broadcast.Text ?? ""), ct: ct);

    public string Describe(Broadcast broadcast, string lang) => MessageLimits.Clip((broadcast.Text ?? "").ReplaceLineEndings(" "), 60);

    public static string Format(Texts texts, string lang, string village, string text) => texts.Get(lang, "broadcast.header", village) + "\n\n" + text;

    private string VillageName(Broadcast b)
    {
        lock (_villages)
        {
            if (!_villages.TryGetValue(b.VillageId, out var name))
            {
                name = db.Villages.FindById(b.VillageId)?.Name ?? "";
                _villages[b.VillageId] = name;
            }

            return name;
        }
    }
}
