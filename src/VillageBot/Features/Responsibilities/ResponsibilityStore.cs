using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// The "responsibilities" collection: filled from data/responsibilities.json on the first start, edited on the
/// admin web afterwards. Answers who is responsible for a category (and topic) in a village.
/// </summary>
public sealed class ResponsibilityStore(IDocumentStore db, TopicCatalog catalog, TimeProvider time, ILogger<ResponsibilityStore> log) : IHostedService
{
    public const string CollectionName = "responsibilities";

    public IDocumentCollection<Responsibility> Entries => db.Collection<Responsibility>(CollectionName, i => i.On(e => e.Category));

    public Responsibility? Find(int id) => Entries.FindById(id);

    public IReadOnlyList<Responsibility> All() => [.. Entries.FindAll()];

    public void Save(Responsibility entry)
    {
        entry.UpdatedAt = time.GetUtcNow().UtcDateTime;
        if (entry.Id == 0)
        {
            Entries.Insert(entry);
        }
        else
        {
            Entries.Update(entry);
        }
    }

    public bool Delete(int id) => Entries.Delete(id);

    /// <summary>
    /// The body for this category and topic in this village: an entry for the topic before one for the whole
    /// category, then the village's own before its municipality's before the country's. Null when nobody is listed.
    /// </summary>
    public Responsibility? Resolve(Village village, string category, string? topic) =>
        Entries.Find(e => e.Category == category)
            .Where(e => e.Topic is null || e.Topic == topic)
            .Where(e => Covers(e, village))
            .OrderByDescending(e => e.Topic is not null)
            .ThenByDescending(e => e.Specificity)
            .ThenBy(e => e.Id)
            .FirstOrDefault();

    /// <summary>The body a report goes to now, with the topic its words name within its category.</summary>
    public (Responsibility? Entry, Topic? Topic) Route(Report report)
    {
        if (db.Villages.FindById(report.VillageId) is not { } village)
        {
            return (null, null);
        }

        var topic = catalog.TopicOf(report.Text, report.Category);
        return (Resolve(village, report.Category, topic?.Id), topic);
    }

    public static bool Covers(Responsibility e, Village village) =>
        e.Village is { } code ? code == village.Code
        : e.Municipality is not { } m || string.Equals(m, village.Municipality, StringComparison.OrdinalIgnoreCase);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Entries.Count() > 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var seed = catalog.File.Entries.Where(e => Categories.IsKnown(e.Category) && Channels.All.Contains(e.Body.Channel)).ToList();
        foreach (var e in seed)
        {
            e.Id = 0;
            e.UpdatedBy = null;
            e.UpdatedAt = now;
        }

        Entries.InsertBulk(seed);
        log.LogInformation("Seeded {Count} responsible bodies from {File}", seed.Count, TopicCatalog.FileName);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
