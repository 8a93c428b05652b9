using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Groups;
using VillageBot.Infrastructure.Telegram;
using VillageBot.TestKit;

namespace VillageBot.Tests.Groups;

/// <summary>Each group's messages wait in its own outbox: busy groups never hold up private chats, and a restart loses none.</summary>
public sealed class GroupOutboxTests : GroupTest
{
    // One message per group every 10.5 s: a group's second message is due long after a private reply.
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Groups:MessagesPerMinute"] = "6" };

    private GroupOutbox Outbox => Host.Services.GetRequiredService<GroupOutbox>();

    [Fact]
    public async Task Groups_waiting_for_their_turn_never_hold_up_a_private_reply_and_every_group_message_goes_out_paced()
    {
        var resident = await MemberAsync("en");
        var someone = NewUser("en");

        // More groups than the dispatcher handles updates at once, each with a message waiting for its group's turn:
        // were the waits held inside the handlers, they would take every slot and the private chat would wait too.
        var groups = Enumerable.Range(0, UpdateDispatcher.MaxConcurrent + 6).Select(_ => NewGroup()).ToList();
        foreach (var group in groups)
        {
            group.Timeout = TimeSpan.FromSeconds(60);
            group.Send(someone, "/help@" + Bot);
            group.Send(someone, "/help@" + Bot);
        }

        foreach (var group in groups)
        {
            await group.ExpectTextAsync("/ask@" + Bot);
        }

        await WaitUntilAsync(() => Outbox.Waiting == groups.Count);
        resident.Send("/help");
        var inPrivate = await resident.ExpectTextAsync("/report");
        Assert.True(Outbox.Waiting > 0, "The private reply came only after the groups' messages.");

        var seconds = new List<BotEvent>();
        foreach (var group in groups)
        {
            seconds.Add(await group.ExpectTextAsync("/ask@" + Bot));
        }

        Assert.True(inPrivate.Seq < seconds.Min(e => e.Seq), "The private reply waited for a group's turn.");
        await Host.IdleAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(0, Outbox.Waiting);
        foreach (var group in groups)
        {
            var sent = Api.Events(group.ChatId).Where(e => e.Method == "sendMessage").Select(e => e.At).Order().ToList();
            Assert.Equal(2, sent.Count);

            // 10.5 s apart at the pacer; the fake API's times carry the machine's delay in delivering the first call.
            Assert.True(sent[1] - sent[0] >= TimeSpan.FromSeconds(8), $"Group messages {sent[1] - sent[0]} apart, limit 10.5 s.");
        }
    }

    [Fact]
    public async Task Group_messages_waiting_for_their_turn_go_out_after_a_restart_once_each()
    {
        var group = NewGroup();
        group.Timeout = TimeSpan.FromSeconds(30);
        var someone = NewUser("en");
        for (var i = 0; i < 3; i++)
        {
            group.Send(someone, "/help@" + Bot);
        }

        await group.ExpectTextAsync("/ask@" + Bot);
        await WaitUntilAsync(() => Outbox.Waiting == 2);

        Host = await Host.RestartAsync();
        await group.ExpectTextAsync("/ask@" + Bot);
        await group.ExpectTextAsync("/ask@" + Bot);
        await Host.IdleAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, Api.Events(group.ChatId).Count(e => e.Method == "sendMessage"));
        Assert.Equal(0, Outbox.Waiting);
    }
}
