using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;
using Note = VillageBot.Tests.Infrastructure.Storage.LiteDbEngineFailureTests.Note;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>
/// LiteDB 5.0.21's page cache never gives back what a burst of work made it take; the store lets it go by opening the
/// file again (<see cref="LiteDbStore.TrimCache"/>), without losing a document or failing a read or write.
/// </summary>
public sealed class LiteDbCacheTrimTests
{
    /// <summary>Notes of about a kilobyte each: 2,000 of them take a few megabytes of pages through the cache.</summary>
    private static void Fill(IDocumentCollection<Note> notes, int count, string prefix = "note") =>
        notes.InsertBulk(Enumerable.Range(0, count).Select(i => new Note { Text = $"{prefix} {i} " + new string('x', 1000) }));

    [Fact]
    public void A_store_lets_its_page_cache_go_and_keeps_every_document()
    {
        using var store = LiteDbEngineFailureTests.NewStore();
        var notes = store.Collection<Note>("notes");
        Fill(notes, 2_000);
        Assert.Equal(2_000, notes.FindAll().Count());
        var before = store.CacheBytes();
        Assert.True(before > 1024 * 1024, $"the cache holds {before} bytes after the writes");

        var released = store.TrimCache(limitBytes: 512 * 1024);

        Assert.Equal(before, released);
        Assert.Equal(1, store.Trimmed);
        Assert.True(store.CacheBytes() < before / 4, $"{store.CacheBytes()} bytes held after the trim, {before} before");
        Assert.Equal(2_000, notes.Count());
        Assert.StartsWith("note 1234 ", notes.FindById(1235)!.Text, StringComparison.Ordinal);
        notes.Insert(new Note { Text = "after" });
        Assert.Equal("after", notes.FindById(2_001)!.Text);

        // Below the limit: left alone.
        Assert.Equal(0, store.TrimCache(limitBytes: long.MaxValue));
        Assert.Equal(1, store.Trimmed);
    }

    [Fact]
    public void A_read_of_many_under_way_puts_the_trim_off_until_it_ends()
    {
        using var store = LiteDbEngineFailureTests.NewStore();
        var notes = store.Collection<Note>("notes");
        Fill(notes, 1_000);

        var read = 0;
        using (var reading = notes.FindAll().GetEnumerator())
        {
            while (reading.MoveNext() && ++read < 10)
            {
            }

            Assert.Equal(0, store.TrimCache(limitBytes: 0));
            while (reading.MoveNext())
            {
                read++;
            }
        }

        Assert.Equal(1_000, read);
        Assert.Equal(0, store.Trimmed);
        Assert.True(store.TrimCache(limitBytes: 0) > 0);
        Assert.Equal(1, store.Trimmed);
    }

    [Fact]
    public async Task Trims_among_concurrent_reads_and_writes_fail_none_and_lose_nothing()
    {
        using var store = LiteDbEngineFailureTests.NewStore();
        var notes = store.Collection<Note>("notes");
        Fill(notes, 500, "seed");
        const int workers = 4, rounds = 8, perRound = 10;

        // Between rounds every worker waits at the barrier, so each round ends with a trim while nothing is under way;
        // another thread tries to trim all along, in the middle of the reads and writes.
        // (The racing thread's own measuring of the cache is a read too, so the round's trim may have to try again.)
        using var barrier = new Barrier(workers, _ => Assert.True(SpinWait.SpinUntil(() => store.TrimCache(0) > 0, TimeSpan.FromSeconds(10))));
        using var done = new CancellationTokenSource();
        var racing = Task.Run(() =>
        {
            while (!done.IsCancellationRequested)
            {
                store.TrimCache(0);
                Thread.Yield();
            }
        });
        var work = Enumerable.Range(0, workers).Select(w => Task.Run(() =>
        {
            for (var round = 0; round < rounds; round++)
            {
                for (var i = 0; i < perRound; i++)
                {
                    notes.Insert(new Note { Text = $"w{w} r{round} i{i}" });
                    Assert.Equal(10, notes.Find(n => n.Id > 100 && n.Id <= 110).Count(n => n.Text.StartsWith("seed", StringComparison.Ordinal)));
                    Assert.NotNull(notes.FindById(1 + ((w * 131 + i) % 500)));

                    // What the start-up upgrades and the health check ask of the store itself.
                    Assert.True(store.CollectionExists("notes"));
                    store.Ping();
                }

                // A worker that failed leaves the others waiting here: they fail too rather than wait forever.
                Assert.True(barrier.SignalAndWait(TimeSpan.FromSeconds(30)), "every worker reached the end of the round");
            }
        })).ToList();

        try
        {
            await Task.WhenAll(work);
        }
        finally
        {
            await done.CancelAsync();
            await racing;
        }

        Assert.InRange(store.Trimmed, rounds, int.MaxValue);
        var texts = notes.FindAll().Select(n => n.Text).ToList();
        Assert.Equal(500 + workers * rounds * perRound, texts.Count);
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task The_bot_lets_the_cache_go_after_a_burst_and_goes_on_answering_through_the_real_client()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(StorageProvider.LiteDb),
            ["Storage:CacheTrimMb"] = "1",
            ["Storage:CacheTrimIntervalSeconds"] = "1",
        });
        var store = Assert.IsType<LiteDbStore>(host.Db);
        var user = new FakeUser(api, 4_420_001, "en");
        user.Send("/start");
        await user.ExpectTextAsync("Hello");
        await host.IdleAsync();

        // A burst of work through the store: a few megabytes of pages.
        var trimmed = store.Trimmed;
        var notes = store.Collection<Note>("trim_notes");
        Fill(notes, 3_000);

        await Wait.UntilAsync(() => store.Trimmed > trimmed, TimeSpan.FromSeconds(20));
        Assert.True(store.CacheBytes() <= 1024 * 1024, $"{store.CacheBytes()} bytes held after the trim");

        user.Send("/start");
        await user.ExpectTextAsync("Hello");
        await host.IdleAsync();
        Assert.Equal(3_000, notes.Count());
        Assert.Equal(0, store.Reopened);
    }

    [Fact]
    public async Task A_csv_export_lets_the_cache_it_filled_go_before_its_last_byte_whatever_the_interval()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api, settings: new Dictionary<string, string?>
        {
            ["Storage:Provider"] = nameof(StorageProvider.LiteDb),
            ["Storage:CacheTrimMb"] = "1",
            ["Storage:CacheTrimIntervalSeconds"] = "86400",
        });
        var store = Assert.IsType<LiteDbStore>(host.Db);
        var village = host.Db.Village("kalsnava").Id;
        var now = DateTime.UtcNow;
        host.Db.Collection<Report>("reports").InsertBulk(Enumerable.Range(1, 3_000).Select(i => new Report
        {
            Id = i,
            Reference = ReportStore.ReferenceOf(i),
            VillageId = village,
            Text = $"Report {i}: " + new string('x', 1000),
            Category = "safety",
            PredictedCategory = "safety",
            Confidence = 0.9,
            Status = ReportStatus.New,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        }));

        // The periodic check lets the writes' pages go once; then not again for a day.
        await Wait.UntilAsync(() => store.Trimmed > 0, TimeSpan.FromSeconds(20));
        var browser = await host.SignInAsync(new FakeUser(api, BotHost.AdminId, "en"));
        await host.IdleAsync();
        var trimmed = store.Trimmed;

        var csv = await browser.GetStringAsync("/web/reports.csv");

        Assert.Contains("Report 3000: ", csv, StringComparison.Ordinal);
        Assert.Equal(trimmed + 1, store.Trimmed);
        Assert.True(store.CacheBytes() <= 1024 * 1024, $"{store.CacheBytes()} bytes held after the export");
        Assert.Equal(3_000, host.Db.Collection<Report>("reports").Count());
    }
}
