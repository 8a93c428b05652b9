namespace VillageBot.Tests.Settings;

public sealed class SettingsTests : BotTest
{
    [Fact]
    public async Task Settings_turn_reminders_off_and_on()
    {
        var user = await MemberAsync("en");
        user.Send("/settings");
        await user.ExpectTextAsync("Reminders: on");
        user.Click("set:nudges");
        await user.ExpectAsync(e => e.Method == "editMessageText" && e.Text!.Contains("Reminders: off"));
        Assert.False(Host.Db.Residents.FindById(user.Id)!.NudgesEnabled);
    }
}
