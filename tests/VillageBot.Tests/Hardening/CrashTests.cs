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
        await using (var first = await ProcessHost.StartAsync(_api, _data))
        {
            foreach (var u in users)
            {
                u.Send("/start");
            }

            await _api.WaitForEventAsync(e => e.Method == "sendMessage", _api.Events().Where(e => e.Method == "sendMessage").Skip(20).FirstOrDefault()?.Seq ?? 0, TimeSpan.FromSeconds(30));
            first.Kill();
        }

        await using var second = await ProcessHost.StartAsync(_api, _data);
        foreach (var u in users)
        {
            await u.ExpectTextAsync("Hello");
        }

        second.Kill();
        var answered = _api.Events().Where(e => e.Method == "sendMessage").GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(users.Count, answered.Count);
        var twice = answered.Values.Count(n => n > 1);
        Assert.True(twice <= 40, $"{twice} people were answered twice: more than the updates in flight at the kill");
        AssertDatabaseSound(r => r["_id"].AsInt64 >= 32_000);
    }

    private void AssertDatabaseSound(Func<BsonDocument, bool> expectResident)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(_data, "villagebot.db"), Connection = ConnectionType.Direct });
        foreach (var name in db.GetCollectionNames())
        {
            Assert.NotNull(db.GetCollection(name).FindAll().ToList());
        }

        Assert.Contains(db.GetCollection("residents").FindAll(), d => expectResident(d));
        Assert.Equal(12, db.GetCollection("villages").Count());
    }
}
