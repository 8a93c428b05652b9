using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

/// <summary>A module a coordinator shared with their village, and who is still to receive the invitation.</summary>
public sealed class QuizInvitation
{
    public int Id { get; set; }

    public int VillageId { get; set; }

    public string ModuleId { get; set; } = "";

    public long CoordinatorId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Telegram user ids still to invite; each is removed before its message is sent, so none gets two.</summary>
    public List<long> Pending { get; set; } = [];

    public int Sent { get; set; }

    public int Unreachable { get; set; }

    public DateTime? FinishedAt { get; set; }
}

public interface IQuizInvitations
{
    /// <summary>Queues invitations; null if the same module went to the same village within the last hour.</summary>
    QuizInvitation? Queue(int villageId, string moduleId, long coordinatorId, IReadOnlyList<long> recipients);
}

/// <summary>
/// Sends "start this module" invitations to a village in the background, about 20 a second (under Telegram's 30
/// a second per bot), skipping people who blocked the bot, and carrying on after a restart from the stored queue.
/// </summary>
public sealed class QuizInvitationSender(
    Db db,
    QuizCatalog catalog,
    IServiceScopeFactory scopes,
    Texts texts,
    TimeProvider time,
    ILogger<QuizInvitationSender> log) : BackgroundService, IQuizInvitations
{
    public static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(50);

    private static readonly TimeSpan RepeatWindow = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim _wake = new(0);

    private LiteDB.ILiteCollection<QuizInvitation> Invitations => db.Collection<QuizInvitation>("quiz_invitations");

    public QuizInvitation? Queue(int villageId, string moduleId, long coordinatorId, IReadOnlyList<long> recipients)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - RepeatWindow;
        var col = Invitations;
        if (col.Exists(i => i.VillageId == villageId && i.ModuleId == moduleId && i.CreatedAt > since))
        {
            return null;
        }

        var invitation = new QuizInvitation { VillageId = villageId, ModuleId = moduleId, CoordinatorId = coordinatorId, CreatedAt = now, Pending = [.. recipients] };
        col.Insert(invitation);
        _wake.Release();
        return invitation;
    }

    /// <summary>Takes a person out of queued invitations (they asked to be forgotten).</summary>
    public void Forget(long userId)
    {
        var col = Invitations;
        foreach (var invitation in col.Find(i => i.FinishedAt == null).Where(i => i.Pending.Contains(userId)).ToList())
        {
            invitation.Pending.RemoveAll(id => id == userId);
            col.Update(invitation);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var invitation in Invitations.Find(i => i.FinishedAt == null).OrderBy(i => i.Id).ToList())
                {
                    await SendAsync(invitation, stoppingToken);
                }

                await _wake.WaitAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; what is left in Pending is sent after the next start.
        }
    }

    private async Task SendAsync(QuizInvitation invitation, CancellationToken ct)
    {
        var col = Invitations;
        using var scope = scopes.CreateScope();
        var messenger = scope.ServiceProvider.GetRequiredService<IMessenger>();
        var module = catalog.Find(invitation.ModuleId);
        var coordinator = db.Residents.FindById(invitation.CoordinatorId);
        while (module is not null && invitation.Pending.Count > 0)
        {
            var id = invitation.Pending[0];
            invitation.Pending.RemoveAt(0);
            col.Update(invitation);
            var person = db.Residents.FindById(id);
            if (person is null || !person.Active || person.VillageId != invitation.VillageId)
            {
                continue;
            }

            try
            {
                await messenger.SendTextAsync(
                    person.ChatId,
                    texts.Get(person.Lang, "quiz.share.invite", coordinator?.FirstName ?? "—", module.TitleIn(person.Lang), module.DescriptionIn(person.Lang)),
                    Keyboard.Of([new Button(texts.Get(person.Lang, "quiz.share.start"), CallbackData.Build("qz", "go", module.Id))]),
                    ct);
                invitation.Sent++;
            }
            catch (RecipientBlockedException)
            {
                invitation.Unreachable++;
            }
            catch (RateLimitedException e)
            {
                invitation.Pending.Insert(0, id);
                col.Update(invitation);
                await Task.Delay(TimeSpan.FromSeconds(e.RetryAfterSeconds), time, ct);
                continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Quiz invitation {Id} could not reach user {UserId}", invitation.Id, id);
                invitation.Unreachable++;
            }

            col.Update(invitation);
            await Task.Delay(Pace, time, ct);
        }

        invitation.FinishedAt = time.GetUtcNow().UtcDateTime;
        col.Update(invitation);
        log.LogInformation("Quiz invitation {Id} ({Module}) sent to {Sent}, {Unreachable} unreachable", invitation.Id, invitation.ModuleId, invitation.Sent, invitation.Unreachable);
        if (coordinator is { Active: true } && module is not null)
        {
            var village = db.Villages.FindById(invitation.VillageId)?.Name ?? "—";
            try
            {
                await messenger.SendTextAsync(coordinator.ChatId, texts.Get(coordinator.Lang, "quiz.share.done", module.TitleIn(coordinator.Lang), village, invitation.Sent, invitation.Unreachable), ct: ct);
            }
            catch (RecipientBlockedException)
            {
                // The coordinator blocked the bot meanwhile; the invitations went out all the same.
            }
        }
    }
}
