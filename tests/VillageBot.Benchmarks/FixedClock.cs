using Microsoft.Extensions.DependencyInjection;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>A clock held at one instant, so a section's jobs see the same "now" throughout.</summary>
public sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc);

    /// <summary>
    /// The host in this process (as in the tests, from the program's folder next to this one) on a clock held at
    /// <paramref name="utc"/>, with the broadcast limit raised to 1,000 a second and four job workers.
    /// </summary>
    public static Task<BotHost> StartHostAsync(FakeBotApi api, DateTime utc, params (string Key, string Value)[] more)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_VillageBot", AppContext.BaseDirectory);
        var settings = new Dictionary<string, string?>
        {
            ["Broadcast:MessagesPerSecond"] = "1000",
            ["Jobs:WorkerCount"] = "4",
            ["Jobs:PollingIntervalMs"] = "100",
        };
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return BotHost.StartAsync(api, settings: settings, configure: s => s.AddSingleton<TimeProvider>(new FixedClock(utc)));
    }
}
