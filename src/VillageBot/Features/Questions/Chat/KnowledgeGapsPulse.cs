using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Questions.Chat;

/// <summary>
/// The knowledge gaps on the pulse page, from the same store and with the same count as /gaps: how many questions
/// went unanswered in the villages in view, per month of the period and per village, and the questions asked most.
/// </summary>
public sealed class KnowledgeGapsPulse(KnowledgeGaps gaps, IDocumentStore db, Texts texts, TimeZoneInfo zone) : IPulseSource
{
    public const int TopQuestions = 10;

    public string Slot => PulseSlots.Gaps;

    public PulseSection? Build(PulseScope scope)
    {
        var all = gaps.Of(scope.VillageIds);
        if (all.Count == 0)
        {
            return null;
        }

        var culture = Texts.CultureFor(scope.Lang);
        var names = db.Villages.FindAll().ToDictionary(v => v.Id, v => v.Name);
        string Village(int? id) => id is int v ? names.GetValueOrDefault(v, "?") : texts.Get(scope.Lang, "questions.gaps_no_village");
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

        var inPeriod = all.Where(g => g.AskedAt >= scope.FromUtc && g.AskedAt < scope.ToUtc).ToList();
        var months = new List<(string, double)>();
        var first = Local(scope.FromUtc);
        var last = Local(scope.ToUtc.AddTicks(-1));
        for (var m = new DateTime(first.Year, first.Month, 1); m <= last; m = m.AddMonths(1))
        {
            var month = m;
            months.Add((month.ToString("MMMM yyyy", culture), inPeriod.Count(g => Local(g.AskedAt) is var at && at.Year == month.Year && at.Month == month.Month)));
        }

        var villages = inPeriod.GroupBy(g => g.VillageId).Select(g => (Village(g.Key), (double)g.Count())).OrderByDescending(v => v.Item2).ThenBy(v => v.Item1, StringComparer.Ordinal).ToList();
        var charts = new List<PulseBars> { new(T(scope, "questions.pulse.by_month"), months) };
        if (villages.Count > 0)
        {
            charts.Add(new PulseBars(T(scope, "questions.pulse.by_village"), villages));
        }

        // The same question asked again counts once, with how often it was asked; the most asked and then the newest first.
        var top = all.GroupBy(g => g.Question.Trim().ToLower(culture))
            .Select(g => (Question: g.First().Question.Trim(), Times: g.Count(), Last: g.Max(x => x.AskedAt), Villages: string.Join(", ", g.Select(x => Village(x.VillageId)).Distinct())))
            .OrderByDescending(q => q.Times).ThenByDescending(q => q.Last)
            .Take(TopQuestions)
            .Select(q => (IReadOnlyList<string>)[q.Question, q.Times.ToString(culture), q.Villages, Local(q.Last).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture)])
            .ToList();
        var table = new PulseTable([T(scope, "questions.pulse.question"), T(scope, "questions.pulse.times"), T(scope, "questions.pulse.villages"), T(scope, "questions.pulse.last")], top);
        return new PulseSection(charts, table, texts.Get(scope.Lang, "questions.pulse.lead", all.Count, inPeriod.Count));
    }

    private string T(PulseScope scope, string key) => texts.Get(scope.Lang, key);
}
