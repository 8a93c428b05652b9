using LiteDB;
using VillageBot.TestKit;

namespace VillageBot.Tests.Hardening;

/// <summary>The real program killed (not stopped) mid-work: after a restart nothing is lost and the data file is sound.</summary>
public sealed class CrashTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private readonly string _data = BotHost.NewDataDirectory();

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Killed_in_the_middle_of_onboarding_the_person_continues_after_restart()
    {
        var user = new FakeUser(_api, 31_001, "en") { Timeout = TimeSpan.FromSeconds(60) };
        await using (var first = await ProcessHost.StartAsync(_api, _data))
        {
            user.Send("/start");
            await user.ExpectAsync(e => e.HasButton("lang:en"));
            user.Click("lang:en");
            await user.ExpectAsync(e => e.HasButton("vil:page:1"));
            first.Kill();
        }

        await using var second = await ProcessHost.StartAsync(_api, _data);
        user.Send("Zaube");
        await user.ExpectAsync(e => e.HasButton("privacy:ok"));
        user.Click("privacy:ok");
        await user.ExpectTextAsync("Welcome");
        second.Kill();
        AssertDatabaseSound(r => r["_id"].AsInt64 == 31_001 && r["PrivacyAcceptedAt"].IsDateTime);
    }

    [Fact]
    public async Task Killed_during_a_burst_every_message_is_still_answered_after_restart()
    {
        var users = Enumerable.Range(0, 150).Select(i => new FakeUser(_api, 32_000 + i, "en") { Timeout = TimeSpan.FromSeconds(60) }).ToList();
        HashSet<long> answeredBeforeKill;
        await using (var first = await ProcessHost.StartAsync(_api, _data))
        {
            foreach (var u in users)
            {
                u.Send("/start");
            }

            await _api.WaitForEventAsync(e => e.Method == "sendMessage", _api.Events().Where(e => e.Method == "sendMessage").Skip(20).FirstOrDefault()?.Seq ?? 0, TimeSpan.FromSeconds(30));
            first.Kill();
        }

        // A reply the first process sent just before it died may still be in the fake server's hands: take what the
        // first process answered once the server has finished every request, before the second process can send any.
        var until = DateTime.UtcNow.AddSeconds(10);
        while (_api.RequestsInFlight > 0)
        {
            Assert.True(DateTime.UtcNow < until, "the fake Bot API still has requests of the killed process in hand");
            await Task.Delay(5);
        }

        answeredBeforeKill = [.. _api.Events().Where(e => e.Method == "sendMessage").Select(e => e.ChatId)];
        await using var second = await ProcessHost.StartAsync(_api, _data);
        foreach (var u in users)
        {
            await u.ExpectTextAsync("Hello");
        }

        second.Kill();
        var answered = _api.Events().Where(e => e.Method == "sendMessage").GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(users.Count, answered.Count);
        Assert.All(answered.Values, n => Assert.InRange(n, 1, 2));

        // An update is marked handled in LiteDB, whose writes can still be queued when the process dies: what was
        // answered before the kill may be answered once more after it. Nobody else, and nobody a third time.
        Assert.NotEmpty(answeredBeforeKill);
        Assert.All(answered.Where(a => a.Value > 1), a => Assert.Contains(a.Key, answeredBeforeKill));
        AssertDatabaseSound(r => r["_id"].AsInt64 >= 32_000);
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_report_the_report_is_finished_after_restart()
    {
        var user = new FakeUser(_api, 33_001, "en") { Timeout = TimeSpan.FromSeconds(90) };
        await using (var first = await ProcessHost.StartAsync(_api, _data))
        {
            await user.OnboardAsync("kalsnava");
            user.Send("/report");
            await user.ExpectTextAsync("Describe the problem");
            user.Send("The bridge over the river by the mill has a broken railing and a hole in the deck");
            await user.ExpectAsync(e => e.HasButton("rep:skip"));
            user.Click("rep:skip");
            await user.ExpectAsync(e => e.HasButton("rep:ok"));
            first.Kill();
        }

        await using var second = await ProcessHost.StartAsync(_api, _data);
        user.Click("rep:ok");
        await user.ExpectAsync(e => e.HasButton("rep:anon:0"));
        user.Click("rep:anon:0");
        var saved = await user.ExpectAsync(e => e.Text?.Contains("R-", StringComparison.Ordinal) == true && e.Method == "sendMessage");
        second.Kill();
        AssertDatabaseSound(r => r["_id"].AsInt64 == 33_001 && r["Dialog"].IsNull);
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_data, "villagebot.db"), Connection = ConnectionType.Direct });
        var report = Assert.Single(db.GetCollection("reports").FindAll());
        Assert.Contains(report["Reference"].AsString, saved.Text);
        Assert.Equal(33_001, report["ReporterId"].AsInt64);
    }

    [Fact]
    public async Task Killed_in_the_middle_of_a_broadcast_every_resident_gets_it_once_after_restart()
    {
        const int residents = 300;
        SeedVillageWithResidents(residents, firstId: 34_000);
        var settings = new Dictionary<string, string?> { ["Broadcast:MessagesPerSecond"] = "40", ["Jobs:PollingIntervalMs"] = "200" };
        var admin = new FakeUser(_api, BotHost.AdminId, "en") { Timeout = TimeSpan.FromSeconds(90) };
        int beforeKill;
        await using (var first = await ProcessHost.StartAsync(_api, _data, settings))
        {
            await admin.BroadcastNowAsync("Water will be off on Tuesday from 9 to 12.");
            var until = DateTime.UtcNow.AddSeconds(60);
            while (Delivered(34_000, residents).Count < 80 && DateTime.UtcNow < until)
            {
                await Task.Delay(20);
            }

            first.Kill();
            beforeKill = Delivered(34_000, residents).Count;
        }

        Assert.InRange(beforeKill, 80, residents - 1);
        await using var second = await ProcessHost.StartAsync(_api, _data, settings);
        await admin.ExpectTextAsync("Sending finished");
        second.Kill();
        var delivered = Delivered(34_000, residents);
        Assert.Equal(residents, delivered.Count);
        Assert.True(delivered.Values.Sum() - residents <= 1, $"{delivered.Values.Sum() - residents} repeated messages after one crash");
        AssertDatabaseSound(r => r["_id"].AsInt64 >= 34_000);
    }

    private Dictionary<long, int> Delivered(long first, int count) =>
        _api.Events().Where(e => e.Method == "sendMessage" && e.ChatId >= first && e.ChatId < first + count)
            .GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Count());

    private void SeedVillageWithResidents(int count, long firstId)
    {
        using var db = new VillageBot.Infrastructure.Storage.LiteDbStore(Microsoft.Extensions.Options.Options.Create(new VillageBot.Infrastructure.Storage.StorageOptions { DataDirectory = _data }));
        var now = DateTime.UtcNow;
        var village = new VillageBot.Conversation.Village { Code = "crash", Name = "Crash village", CreatedAt = now };
        db.Villages.Insert(village);
        db.Residents.Insert(new VillageBot.Conversation.Resident { Id = BotHost.AdminId, ChatId = BotHost.AdminId, FirstName = "Admin", Lang = "en", LangChosen = true, VillageId = village.Id, PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now });
        db.Residents.InsertBulk(Enumerable.Range(0, count).Select(i => new VillageBot.Conversation.Resident
        {
            Id = firstId + i, ChatId = firstId + i, FirstName = "R" + i, Lang = "lv", LangChosen = true, VillageId = village.Id,
            PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now,
        }));
    }

    private void AssertDatabaseSound(Func<BsonDocument, bool> expectResident)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_data, "villagebot.db"), Connection = ConnectionType.Direct });
        foreach (var name in db.GetCollectionNames())
        {
            // Every document reads whole, and the primary index and the data agree.
            var collection = db.GetCollection(name);
            var documents = collection.FindAll().ToList();
            Assert.Equal(collection.Count(), documents.Count);
            Assert.All(documents, d => Assert.Equal(d, collection.FindById(d["_id"])));
        }

        Assert.Contains(db.GetCollection("residents").FindAll(), d => expectResident(d));
        Assert.True(db.GetCollection("villages").Count() >= 1);
    }
}
