using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.VoiceMessages;

/// <summary>
/// What the bot heard in a person's latest voice message, waiting for "go on", a typed correction or "cancel".
/// Only the Telegram file id is kept, never the recording; it is dropped once the text has gone on, unless a report
/// keeps it as its attachment.
/// </summary>
[StoredIn(HeardVoices.CollectionName)]
public sealed class HeardVoice
{
    /// <summary>The person's Telegram id: one voice message waits per person, a newer one replaces it.</summary>
    [DocumentId]
    public long UserId { get; set; }

    public string FileId { get; set; } = "";

    public string Text { get; set; } = "";

    /// <summary>The person chose to type the text themselves; their next message replaces what was heard.</summary>
    public bool Editing { get; set; }

    public DateTime HeardAt { get; set; }
}

/// <summary>The waiting transcripts in the database (collection "voice_heard").</summary>
public sealed class HeardVoices(IDocumentStore db)
{
    public const string CollectionName = "voice_heard";

    private IDocumentCollection<HeardVoice> Collection => db.Collection<HeardVoice>(CollectionName);

    public void Keep(HeardVoice heard) => Collection.Upsert(heard);

    public HeardVoice? Of(long userId) => Collection.FindById(userId);

    public void Drop(long userId) => Collection.Delete(userId);
}

/// <summary>/mydata shows a transcript still waiting for the person's word; /forget drops it.</summary>
public sealed class HeardVoiceData(HeardVoices heard) : IPersonalData
{
    public string Section => "voice";

    public IReadOnlyList<string> Collections => [HeardVoices.CollectionName];

    public object? Export(long userId) => heard.Of(userId) is { } h ? new { h.Text, h.HeardAt } : null;

    public void Erase(long userId) => heard.Drop(userId);
}
