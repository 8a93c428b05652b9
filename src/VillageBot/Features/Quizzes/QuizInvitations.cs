using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

public interface IQuizInvitations
{
    /// <summary>
    /// Sends the module's invitation to the village, now or at <paramref name="sendAtUtc"/>; null if the same module
    /// went to the same village within the last hour.
    /// </summary>
    Task<int?> SendAsync(int villageId, string moduleId, long coordinatorId, DateTime? sendAtUtc = null);
}

/// <summary>
/// A coordinator's "start this module" to their village, sent as a broadcast (under Telegram's limits, resumed
/// after a restart, with a delivery report to the coordinator), at most once an hour per module and village.
/// </summary>
public sealed class QuizInvitations(IBroadcaster broadcaster, BroadcastStore broadcasts, TimeProvider time) : IQuizInvitations
{
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<int?> SendAsync(int villageId, string moduleId, long coordinatorId, DateTime? sendAtUtc = null)
    {
        await _gate.WaitAsync();
        try
        {
            var since = time.GetUtcNow().UtcDateTime - RepeatWindow;
            if (broadcasts.Broadcasts.Exists(b => b.VillageId == villageId && b.Kind == QuizInviteSender.KindName && b.Ref == moduleId && b.CreatedAt > since))
            {
                return null;
            }

            return await broadcaster.StartAsync(villageId, QuizInviteSender.Content(moduleId), coordinatorId, sendAtUtc);
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>
/// Broadcast content "quiz-invite": the module's title and description with a start button (qz:go:MODULE), from the
/// coordinator by name, to the village's members other than the coordinator who have not finished the module.
/// </summary>
public sealed class QuizInviteSender(QuizCatalog catalog, QuizStore store, IMessenger messenger, Texts texts, IDocumentStore db) : IBroadcastSender
{
    public const string KindName = "quiz-invite";

    public string Kind => KindName;

    public static BroadcastContent Content(string moduleId) => new(KindName, Ref: moduleId);

    /// <summary>Who of the members would be invited by <paramref name="senderId"/>, and how many are left out because they finished the module.</summary>
    public static (IReadOnlyList<Resident> Invited, int AlreadyDone) Audience(QuizStore store, string moduleId, long senderId, IEnumerable<Resident> members)
    {
        var others = members.Where(m => m.Id != senderId).ToList();
        var done = store.ForUsers([.. others.Select(m => m.Id)]).Where(p => p.ModuleId == moduleId && p.Done).Select(p => p.UserId).ToHashSet();
        return ([.. others.Where(m => !done.Contains(m.Id))], done.Count);
    }

    public IReadOnlyList<Resident> Recipients(Broadcast broadcast, IReadOnlyList<Resident> members) =>
        Audience(store, broadcast.Ref ?? "", broadcast.RequestedBy, members).Invited;

    public Task<int> SendAsync(Broadcast broadcast, Resident recipient, CancellationToken ct)
    {
        if (catalog.Find(broadcast.Ref ?? "") is not { } module)
        {
            throw new BroadcastSkippedException("module removed");
        }

        if (store.Get(recipient.Id, module.Id) is { Done: true })
        {
            throw new BroadcastSkippedException("finished meanwhile");
        }

        var coordinator = db.Residents.FindById(broadcast.RequestedBy)?.FirstName ?? "—";
        var lang = recipient.Lang;
        return messenger.SendTextAsync(
            recipient.ChatId,
            texts.Get(lang, "quiz.share.invite", coordinator, module.TitleIn(lang), module.DescriptionIn(lang)),
            Keyboard.Of([new Button(texts.Get(lang, "quiz.share.start"), CallbackData.Build(QuizCallback.Prefix, "go", module.Id))]),
            ct);
    }

    public string Describe(Broadcast broadcast, string lang) => "📚 " + (catalog.Find(broadcast.Ref ?? "")?.TitleIn(lang) ?? broadcast.Ref);

    public string? Report(Broadcast broadcast, string lang, string village) =>
        catalog.Find(broadcast.Ref ?? "") is { } module
            ? texts.Get(lang, "quiz.share.done", module.TitleIn(lang), village, broadcast.Sent, broadcast.Failed + broadcast.Blocked)
            : null;
}
