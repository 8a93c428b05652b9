using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Groups;

/// <summary>The monthly digest in the village group, when its coordinator chose it.</summary>
public sealed class GroupDigestTests : GroupTest
{
    protected override bool UsesFakeClock => true;

    [Fact]
    public async Task The_digest_is_posted_once_in_the_group_whose_coordinator_chose_it_in_its_language_and_nowhere_else()
    {
        var (chosen, coordinator) = await LinkedGroupAsync("lv");
        Assert.Contains(Api.Events(chosen.ChatId), e => e.Text?.Contains($"/digest@{Bot} on", StringComparison.Ordinal) == true && e.Text.StartsWith('✅'));
        var (other, _) = await LinkedGroupAsync("en", "ergli");
        var resident = await MemberAsync("en");

        chosen.Send(resident, $"/digest@{Bot} on");
        await chosen.ExpectTextAsync("To var tikai šī ciema koordinators.");
        Assert.False(Links.Find(chosen.ChatId)!.PostsDigest);

        chosen.Send(coordinator, $"/digest@{Bot} on");
        await chosen.ExpectTextAsync("📬 Turpmāk ciema mēneša kopsavilkumu publicēšu arī šajā grupā");
        Assert.True(Links.Find(chosen.ChatId)!.PostsDigest);
        chosen.Send(coordinator, $"/digest@{Bot}");
        await chosen.ExpectTextAsync("Ciema mēneša kopsavilkums tiek publicēts šajā grupā.");

        var june = new DateTime(2025, 6, 10, 9, 0, 0, DateTimeKind.Utc);
        Host.Db.AddReport("kalsnava", "transport", "Deep pothole by the school", reporter: resident.Id, at: june);
        Host.Db.AddReport("ergli", "environment", "Rubbish by the river", at: june);

        // 1 July, 10:00 in Riga: the June digest is due.
        Advance(new DateTimeOffset(2025, 7, 1, 7, 0, 0, TimeSpan.Zero) - Start);
        var posted = (await chosen.ExpectTextAsync("Jūs teicāt, mēs darījām — Kalsnava, 06.2025")).Text!;
        Assert.Contains("Ziņojumi: saņemti 1, atrisināti 0, tiek risināti 0", posted);
        Assert.Contains("Par problēmām ziņojiet man privātā sarunā", posted);
        Assert.DoesNotContain("Deep pothole", posted);
        Assert.DoesNotContain("/myreports", posted);
        Assert.DoesNotContain($"{resident.Id}", posted);
        await Host.IdleAsync();
        Assert.DoesNotContain(Api.Events(other.ChatId), e => e.Text?.Contains("You said, we did — ", StringComparison.Ordinal) == true);

        // Once only: later runs of the digest job, and a restart, do not post it again.
        Host = await Host.RestartAsync();
        Advance(TimeSpan.FromHours(2));
        await Host.IdleAsync();
        Assert.Single(Api.Events(chosen.ChatId), e => e.Text?.Contains("Jūs teicāt, mēs darījām — ", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_group_that_chose_no_digest_gets_none_and_only_its_coordinator_may_turn_it_off()
    {
        var (group, coordinator) = await LinkedGroupAsync("en");
        group.Send(coordinator, $"/digest@{Bot} on");
        await group.ExpectTextAsync("From now on I will post the village's monthly digest");
        var resident = await MemberAsync("en");
        group.Send(resident, $"/digest@{Bot} off");
        await group.ExpectTextAsync("Only a coordinator of this village can do that.");
        Assert.True(Links.Find(group.ChatId)!.PostsDigest);

        group.Send(coordinator, $"/digest@{Bot} off");
        await group.ExpectTextAsync("I will no longer post the monthly digest in this group.");
        Assert.False(Links.Find(group.ChatId)!.PostsDigest);

        Host.Db.AddReport("kalsnava", "transport", "Deep pothole by the school", at: new DateTime(2025, 6, 10, 9, 0, 0, DateTimeKind.Utc));
        Advance(new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero) - Start);
        await Host.IdleAsync();
        Assert.DoesNotContain(Api.Events(group.ChatId), e => e.Text?.Contains("You said, we did — ", StringComparison.Ordinal) == true);
    }
}
