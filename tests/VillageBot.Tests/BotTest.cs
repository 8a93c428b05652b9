using Microsoft.Extensions.DependencyInjection;
using VillageBot.TestKit;

namespace VillageBot.Tests;

/// <summary>A fake Bot API and a bot host for one test; disposed after it.</summary>
public abstract class BotTest : IAsyncLifetime
{
    private static long _nextUser = 10_000;

    protected FakeBotApi Api { get; private set; } = null!;

    protected BotHost Host { get; set; } = null!;

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Serve on a real socket of 127.0.0.1 (for a browser) instead of the in-memory test server.</summary>
    protected virtual bool OnSocket => false;

    /// <summary>Service overrides for the host under test (ConfigureTestServices), kept across restarts.</summary>
    protected virtual Action<IServiceCollection>? TestServices => null;

    /// <summary>More service overrides, e.g. a FakeTimeProvider; applied after <see cref="TestServices"/>.</summary>
    protected virtual Action<IServiceCollection>? Configure => null;

    public async Task InitializeAsync()
    {
        Api = await FakeBotApi.StartAsync();
        var (first, second) = (TestServices, Configure);
        Action<IServiceCollection>? configure = first is null ? second : second is null ? first : s => { first(s); second(s); };
        Host = await BotHost.StartAsync(Api, settings: Settings, configure: configure, kestrel: OnSocket);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Host.DeleteStorage();
        await Api.DisposeAsync();
    }

    protected FakeUser NewUser(string lang = "lv") => new(Api, Interlocked.Increment(ref _nextUser), lang);

    protected FakeUser Admin(string lang = "en") => new(Api, BotHost.AdminId, lang);

    protected async Task<FakeUser> MemberAsync(string lang = "en", string village = "kalsnava")
    {
        var user = NewUser(lang);
        await user.OnboardAsync(village);
        return user;
    }

    /// <summary>Waits for something the bot does in the background (not a message), e.g. a nudge being planned.</summary>
    protected static Task WaitUntilAsync(Func<bool> condition) => Wait.UntilAsync(condition);
}
