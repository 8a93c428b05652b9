using VillageBot.TestKit;

namespace VillageBot.Tests.Groups;

/// <summary>Group messages are spaced to Groups:MessagesPerMinute; private chats are not held up by a busy group.</summary>
public sealed class GroupPacingTests : GroupTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Groups:MessagesPerMinute"] = "12" };

    [Fact]
    public async Task Replies_in_a_busy_group_are_spaced_to_its_limit_while_a_private_chat_is_answered_at_once()
    {
        var (group, _) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        group.Timeout = TimeSpan.FromSeconds(30);
        for (var i = 0; i < 3; i++)
        {
            group.Send(resident, "/help@" + Bot);
        }

        var first = await group.ExpectTextAsync("/ask@" + Bot);
        resident.Send("/help");
        var inPrivate = await resident.ExpectTextAsync("/report");
        var second = await group.ExpectTextAsync("/ask@" + Bot);
        var third = await group.ExpectTextAsync("/ask@" + Bot);

        Assert.True(inPrivate.Seq < second.Seq, "The private reply waited for the group's turn.");
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(4.5), $"Group replies {second.At - first.At} apart, limit 5 s.");
        Assert.True(third.At - second.At >= TimeSpan.FromSeconds(4.5), $"Group replies {third.At - second.At} apart, limit 5 s.");

        // Every message to the group (the link's confirmations too) went through the pacer: none follows another at
        // once. Times are when the fake Bot API received each call, so they carry the machine's scheduling delay of
        // the earlier call (up to about a second on a loaded 2-core machine) on top of the pacer's 5 s.
        var groupMessages = Api.Events(group.ChatId).Where(e => e.Method == "sendMessage").Select(e => e.At).Order().ToList();
        Assert.All(groupMessages.Zip(groupMessages.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(3.5), $"Group messages {pair.Second - pair.First} apart, limit 5 s."));
    }
}
