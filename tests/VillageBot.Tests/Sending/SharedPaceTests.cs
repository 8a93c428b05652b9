using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Sending;
using VillageBot.TestKit;

namespace VillageBot.Tests.Sending;

/// <summary>
/// Two instances of the bot on one PostgreSQL database send in bulk at the rate of one: Telegram's limit is per bot.
/// Only lower bounds on time are asserted (a busy machine makes sending slower, never faster).
/// </summary>
public sealed class SharedPaceTests(PostgreSqlCluster cluster) : BotTest, IClassFixture<PostgreSqlCluster>
{
    private readonly string _database = cluster.NewDatabase();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _database,
        ["Broadcast:MessagesPerSecond"] = "20",
    };

    [Fact]
    public async Task Two_instances_sending_at_once_keep_one_rate_together()
    {
        await WithSecondAsync(async second =>
        {
            var pacers = new[] { Host, second }.Select(h => h.Services.GetRequiredService<SendPacer>()).ToList();
            var watch = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            await Task.WhenAll(pacers.Select((pacer, instance) => Task.Run(async () =>
            {
                for (var chat = 1; chat <= 20; chat++)
                {
                    await pacer.RunAsync(instance * 1000 + chat, () =>
                    {
                        lock (pacers)
                        {
                            last = watch.Elapsed;
                        }

                        return Task.FromResult(0);
                    }, CancellationToken.None);
                }
            })));

            // 40 turns at 20 a second, the first one a catch-up turn (1/20 s behind): the last no earlier than 1.9 s.
            // Each instance pacing alone would be done after about 0.95 s.
            Assert.True(last >= TimeSpan.FromSeconds(1.9), $"the last of 40 sends went at {last}");
        });
    }

    [Fact]
    public async Task A_pause_Telegram_asked_of_one_instance_holds_the_other_back()
    {
        await WithSecondAsync(async second =>
        {
            var watch = Stopwatch.StartNew();
            Host.Services.GetRequiredService<SendPacer>().Pause(TimeSpan.FromSeconds(1.5));
            var sentAt = await second.Services.GetRequiredService<SendPacer>().RunAsync(7, () => Task.FromResult(watch.Elapsed), CancellationToken.None);

            Assert.True(sentAt >= TimeSpan.FromSeconds(1.5), $"sent {sentAt} after the pause began");
        });
    }

    /// <summary>A second instance on the same database, stopped and its data directory deleted afterwards.</summary>
    private async Task WithSecondAsync(Func<BotHost, Task> test)
    {
        var second = await BotHost.StartAsync(null, settings: Settings);
        try
        {
            await test(second);
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteStorage();
        }
    }
}
