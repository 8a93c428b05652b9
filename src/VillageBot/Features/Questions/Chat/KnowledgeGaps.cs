using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Questions.Chat;

/// <summary>A question the knowledge base could not answer: what to write next, and who may want an answer.</summary>
[StoredIn("knowledge_gaps")]
public sealed class KnowledgeGap
{
    public int Id { get; set; }

    public string Question { get; set; } = "";

    public string Lang { get; set; } = "";

    public int? VillageId { get; set; }

    /// <summary>Who asked; null once they asked the bot to forget them.</summary>
    public long? ResidentId { get; set; }

    public DateTime AskedAt { get; set; }

    public DateTime? ForwardedAt { get; set; }
}

/// <summary>The knowledge gaps in the database (collection "knowledge_gaps", created with the first gap).</summary>
public sealed class KnowledgeGaps(IDocumentStore db)
{
    public IDocumentCollection<KnowledgeGap> Collection => db.Collection<KnowledgeGap>("knowledge_gaps");

    /// <summary>
    /// Logs a gap in the language the question was written in (what the coordinator must answer in), which may
    /// differ from the asker's setting; <paramref name="settingLang"/> decides only when the text does not tell.
    /// </summary>
    public KnowledgeGap Record(string question, string settingLang, int? villageId, long residentId, DateTime now)
    {
        var gap = new KnowledgeGap { Question = question, Lang = LanguageDetector.Detect(question, settingLang), VillageId = villageId, ResidentId = residentId, AskedAt = now };
        db.Collection<KnowledgeGap>("knowledge_gaps", i => i.On(g => g.VillageId).On(g => g.ResidentId)).Insert(gap);
        return gap;
    }

    public KnowledgeGap? Find(int id) => Collection.FindById(id);

    /// <summary>
    /// Removes the gap when it is the person's own and was not passed to the coordinator: its text was a problem report,
    /// not a question the knowledge base lacks. True when it was removed.
    /// </summary>
    public bool Withdraw(long residentId, int id) =>
        Find(id) is { ForwardedAt: null } gap && gap.ResidentId == residentId && Collection.Delete(id);

    public void Update(KnowledgeGap gap) => Collection.Update(gap);

    /// <summary>The gaps of the given villages (all villages when null), newest first.</summary>
    public List<KnowledgeGap> Of(IReadOnlyCollection<int>? villageIds)
    {
        var ids = villageIds?.Select(v => (int?)v).ToList();
        return [.. (ids is null ? Collection.FindAll() : Collection.Find(g => ids.Contains(g.VillageId)))
            .OrderByDescending(g => g.AskedAt).ThenByDescending(g => g.Id)];
    }
}

/// <summary>/mydata shows a person's unanswered questions; /forget keeps the questions without the person.</summary>
public sealed class KnowledgeGapData(KnowledgeGaps gaps) : IPersonalData
{
    public string Section => "unanswered_questions";

    public IReadOnlyList<string> Collections => ["knowledge_gaps"];

    public object? Export(long userId) =>
        gaps.Collection.Find(g => g.ResidentId == userId).Select(g => new { g.Question, g.Lang, g.AskedAt, g.ForwardedAt }).ToList();

    public void Erase(long userId)
    {
        foreach (var gap in gaps.Collection.Find(g => g.ResidentId == userId).ToList())
        {
            gap.ResidentId = null;
            gaps.Update(gap);
        }
    }
}
