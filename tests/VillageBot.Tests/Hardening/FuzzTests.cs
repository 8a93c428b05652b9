using VillageBot.Infrastructure.Storage;
using System.Text.Json;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Conversation;
using VillageBot.TestKit;

namespace VillageBot.Tests.Hardening;

/// <summary>Random and malformed updates through the real update path (fixed seeds, so a failure repeats).</summary>
public sealed class FuzzTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private FakeBotApi _api = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        _host = await BotHost.StartAsync(_api, configure: s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_logs));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task Ten_thousand_random_updates_cause_no_unhandled_error_and_every_reply_is_a_clear_message()
    {
        var members = SeedMembers(40, 700_000);
        var strangers = Enumerable.Range(0, 10).Select(i => 800_000L + i).ToList();
        var fuzzer = NewFuzzer(seed: 20261127, [.. members, .. strangers]);
        for (var i = 0; i < 10_000; i++)
        {
            _api.Inject(fuzzer.Next);
        }

        await WaitHandledAsync(TimeSpan.FromMinutes(4));

        var errors = _logs.Errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}").ToList();
        Assert.True(errors.Count == 0, $"{errors.Count} errors logged, the first: {string.Join("\n", errors.Take(2))}");
        using var client = _host.CreateClient();
        Assert.Contains("ready", await client.GetStringAsync("/healthz"));
        var replies = _api.Events().Where(e => e.Method is "sendMessage" or "editMessageText").ToList();
        Assert.True(replies.Count > 5000, $"only {replies.Count} replies");
        Assert.All(replies, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Text));
            Assert.True(e.Text!.Length <= 4096);
            Assert.DoesNotContain("Exception", e.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", e.Text, StringComparison.Ordinal);
        });

        // Still answering normally afterwards.
        var user = new FakeUser(_api, 890_000, "en");
        user.Send("/start");
        await user.ExpectTextAsync("Hello");
    }

    [Fact]
    public async Task Rejected_input_changes_no_stored_data()
    {
        var members = SeedMembers(20, 600_000);
        var before = Dump();
        var fuzzer = new UpdateFuzzer(7, Routes(Access.Coordinator, Access.Admin), CallbackPrefixes(), members);
        var rejectedOnly = new RejectedInputFuzzer(fuzzer, 11);
        for (var i = 0; i < 2_000; i++)
        {
            _api.Inject(rejectedOnly.Next);
        }

        await WaitHandledAsync(TimeSpan.FromMinutes(2));
        Assert.Empty(_logs.Errors.Select(e => $"{e.Category}: {e.Message} {e.Exception}"));
        Assert.Equal(before, Dump());
    }

    private UpdateFuzzer NewFuzzer(int seed, IReadOnlyList<long> users) =>
        new(seed, [.. _host.Services.GetRequiredService<RouteTable>().Commands.Keys], CallbackPrefixes(), users);

    private List<string> Routes(params Access[] levels) =>
        [.. _host.Services.GetRequiredService<RouteTable>().Commands.Values.Where(c => levels.Contains(c.Access)).Select(c => c.Command)];

    private List<string> CallbackPrefixes() => [.. _host.Services.GetRequiredService<RouteTable>().Callbacks.Keys];

    private List<long> SeedMembers(int count, long firstId)
    {
        var village = _host.Db.Villages.FindOne(v => v.Code == "kalsnava")!;
        var ids = Enumerable.Range(0, count).Select(i => firstId + i).ToList();
        foreach (var id in ids)
        {
            _host.Db.Residents.Insert(new Resident
            {
                Id = id, ChatId = id, FirstName = "Fuzz", Lang = "lv", LangChosen = true, VillageId = village.Id,
                PrivacyAcceptedAt = DateTime.UtcNow, JoinedAt = DateTime.UtcNow, LastSeenAt = DateTime.UtcNow,
            });
        }

        return ids;
    }

    private Task WaitHandledAsync(TimeSpan timeout) => _host.IdleAsync(timeout);

    /// <summary>
    /// Every collection except the inbox (which records every update by design), as JSON.
    /// </summary>
    private string Dump()
    {
        if (_host.DatabaseText("villagebot", "inbox") is { } database)
        {
            return database;
        }

        return ((LiteDbStore)_host.Db).Raw(db => string.Join("\n\n", db.GetCollectionNames().Where(n => n != "inbox").Order().Select(n =>
            n + ":" + string.Join('\n', db.GetCollection(n).FindAll().Select(d => LiteDB.JsonSerializer.Serialize(d)).Order()))));
    }

    /// <summary>Only input the bot must refuse: privileged commands from residents, forged buttons, media, unknown kinds.</summary>
    private sealed class RejectedInputFuzzer(UpdateFuzzer inner, int seed)
    {
        private readonly Random _random = new(seed);

        public Telegram.Bot.Types.Update Next(int id)
        {
            while (true)
            {
                var u = inner.Next(id);
                var text = u.Message?.Text;
                var isPrivilegedCommand = text is not null && text.StartsWith('/') && u.Message!.Chat.Type == Telegram.Bot.Types.Enums.ChatType.Private;
                var isMedia = u.Message is { Text: null } && u.Message.Chat.Type == Telegram.Bot.Types.Enums.ChatType.Private && u.Message.From is not null;
                var keep = u.Message is null || isPrivilegedCommand || isMedia || u.Message.Chat.Type != Telegram.Bot.Types.Enums.ChatType.Private || u.Message.From is null;
                if (u.CallbackQuery is { Data: { } data } && (data.StartsWith("lang:", StringComparison.Ordinal) || data == "set:nudges"))
                {
                    keep = false;
                }

                if (u.Message is { Location: not null } || (isMedia && u.Message!.Photo is not null))
                {
                    keep = false;
                }

                // Half of the candidates, chosen at random: the kept ones come from further into the stream.
                if (keep && _random.Next(2) == 0)
                {
                    return u;
                }
            }
        }
    }
}
