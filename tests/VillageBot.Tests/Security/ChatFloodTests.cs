using Microsoft.Extensions.DependencyInjection;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Tests.Security;

/// <summary>One account sending far more than a person can is slowed down; everyone else is answered as usual.</summary>
public sealed class ChatFloodTests : BotTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:ChatBurst"] = "3",
        ["RateLimits:ChatPerMinute"] = "1",
    };

    [Fact]
    public async Task A_flooding_chat_gets_its_burst_answered_then_one_slow_down_and_others_are_still_answered()
    {
        var flooder = NewUser("en");
        for (var i = 0; i < 12; i++)
        {
            flooder.Send("/whoami");
        }

        var neighbour = NewUser("en");
        neighbour.Send("/whoami");
        await neighbour.ExpectTextAsync("Telegram id");
        await Host.IdleAsync();

        var replies = Api.Events(flooder.Id).Where(e => e.Method == "sendMessage").Select(e => e.Text ?? "").ToList();
        Assert.Equal(4, replies.Count);
        Assert.All(replies.Take(3), r => Assert.Contains("Telegram id", r));
        Assert.Contains("sending a lot of messages", replies[3]);

        // Every update, handled or not, was stored and is marked done: nothing is replayed after a restart.
        Assert.Empty(Host.Services.GetRequiredService<UpdateInbox>().Pending());
    }
}
