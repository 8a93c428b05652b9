using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>
/// Residents stored before <see cref="Resident.Coordinating"/> was kept lack it, and the index would not find them: at
/// the first start of this version everyone who coordinates a village is written again, once, before updates are
/// handled (it is registered right after the store). A mark in the collection "upgrades" says it was done; two
/// instances starting together write the same documents and the same mark.
/// </summary>
public sealed class CoordinatingUpgrade(IDocumentStore db, ILogger<CoordinatingUpgrade> log) : IHostedService
{
    public const string Mark = "residents.coordinating";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var marks = db.Collection<UpgradeMark>("upgrades");
        if (marks.FindById(Mark) is not null)
        {
            return Task.CompletedTask;
        }

        var written = 0;
        foreach (var id in db.Residents.FindAll().Where(r => r.CoordinatorOf.Count > 0).Select(r => r.Id).ToList())
        {
            // Read again just before it is written: nothing else changed since is written over.
            if (db.Residents.FindById(id) is { } resident)
            {
                db.Residents.Update(resident);
                written++;
            }
        }

        marks.Upsert(new UpgradeMark { Id = Mark, At = DateTime.UtcNow });
        if (written > 0)
        {
            log.LogInformation("Marked {Count} coordinators for the coordinators' index", written);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>A data upgrade done once: its name and when.</summary>
[StoredIn("upgrades")]
public sealed class UpgradeMark
{
    public string Id { get; set; } = "";

    public DateTime At { get; set; }
}
