using Microsoft.Extensions.Options;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.Reports;

public sealed class ReportStoreTests : IDisposable
{
    private readonly LiteDbStore _db = new(Options.Create(new StorageOptions { DataDirectory = BotHost.NewDataDirectory() }));

    public void Dispose() => _db.Dispose();

    [Fact]
    public void References_stay_unique_when_many_reports_arrive_at_once()
    {
        var store = new ReportStore(_db);
        var added = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 200, i => added.Add(store.Add(new Report { VillageId = 1, Text = $"r{i}", Category = "community" }).Reference));
        Assert.Equal(200, added.Distinct().Count());
        Assert.Equal(200, store.Reports.Count());
        Assert.Contains("R-1001", added);
        Assert.Contains("R-1200", added);
    }

    [Fact]
    public void Pages_are_newest_first_across_the_read_batches_with_the_lower_reference_first_among_equals()
    {
        var store = new ReportStore(_db);
        var start = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);

        // 1,207 reports (more than two read batches), made at 400 moments, so many share one; every third in village 2.
        var reports = Enumerable.Range(1, 1_207).Select(i => new Report
        {
            Id = i,
            Reference = ReportStore.ReferenceOf(i),
            VillageId = i % 3 == 0 ? 2 : 1,
            Text = "r" + i,
            Category = "community",
            CreatedAt = start.AddMinutes((i * 7) % 400),
        }).ToList();
        store.Reports.InsertBulk(reports);
        var expected = reports.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id).ToList();

        var first = store.Page(new ReportQuery(), 1, 50);
        Assert.Equal(1_207, first.Total);
        Assert.Equal(expected.Take(50), first.Items.Select(r => r.Id));
        Assert.Equal(expected.Skip(500).Take(50), store.Page(new ReportQuery(), 11, 50).Items.Select(r => r.Id));
        Assert.Equal(expected.Skip(1_200), store.Page(new ReportQuery(), 25, 50).Items.Select(r => r.Id));
        Assert.Empty(store.Page(new ReportQuery(), 26, 50).Items);

        var second = store.Page(new ReportQuery { Villages = [2] }, 2, 50);
        Assert.Equal(402, second.Total);
        Assert.Equal(reports.Where(r => r.VillageId == 2).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(50).Take(50).Select(r => r.Id), second.Items.Select(r => r.Id));
        Assert.Equal(805, store.Find(new ReportQuery { Villages = null }).Count(r => r.VillageId == 1));
    }

    [Fact]
    public void A_report_added_by_another_writer_does_not_break_the_numbering()
    {
        var store = new ReportStore(_db);
        store.Add(new Report { VillageId = 1, Text = "a", Category = "community" });
        store.Reports.Insert(new Report { Id = 2, Reference = ReportStore.ReferenceOf(2), VillageId = 1, Text = "imported", Category = "community" });
        var next = store.Add(new Report { VillageId = 1, Text = "b", Category = "community" });
        Assert.Equal(("R-1003", 3), (next.Reference, next.Id));
    }

    [Fact]
    public void Support_counts_each_person_once_and_never_the_reporter_or_a_closed_report()
    {
        var store = new ReportStore(_db);
        var report = store.Add(new Report { VillageId = 1, ReporterId = 5, Text = "x", Category = "community" });
        Parallel.For(0, 50, _ => store.Support(report.Id, 6, DateTime.UtcNow, out var _));
        Assert.False(store.Support(report.Id, 5, DateTime.UtcNow, out _));
        Assert.Equal([6L], store.Find(report.Id)!.Supporters);

        store.ChangeStatus(report.Id, ReportStatus.New, ReportStatus.Rejected, "no", 1, DateTime.UtcNow);
        Assert.False(store.Support(report.Id, 7, DateTime.UtcNow, out _));
        Assert.Equal([6L], store.Find(report.Id)!.Supporters);
        Assert.Equal([report.Id], store.SupportedBy(6).Select(r => r.Id));
    }

    [Fact]
    public void Status_moves_only_along_the_lifecycle_and_from_the_expected_state()
    {
        var store = new ReportStore(_db);
        var report = store.Add(new Report { VillageId = 1, Text = "x", Category = "community" });
        Assert.Null(store.ChangeStatus(report.Id, ReportStatus.Acknowledged, ReportStatus.InProgress, null, 1, DateTime.UtcNow));
        Assert.NotNull(store.ChangeStatus(report.Id, ReportStatus.New, ReportStatus.InProgress, null, 1, DateTime.UtcNow));
        Assert.Null(store.ChangeStatus(report.Id, ReportStatus.InProgress, ReportStatus.New, null, 1, DateTime.UtcNow));
        Assert.Null(store.ChangeStatus(report.Id, ReportStatus.InProgress, ReportStatus.Acknowledged, null, 1, DateTime.UtcNow));
        Assert.NotNull(store.ChangeStatus(report.Id, ReportStatus.InProgress, ReportStatus.Resolved, "done", 1, DateTime.UtcNow));
        Assert.Equal(2, store.Find(report.Id)!.History.Count);
    }
}
