using VillageBot.Tests.Broadcasts;

namespace VillageBot.Tests.Localization;

public sealed class HelpOrderTests : VillageTest
{
    [Theory]
    [InlineData("lv", "Koordinatoram:")]
    [InlineData("en", "For coordinators:")]
    [InlineData("ru", "Для координаторов:")]
    public async Task Help_lists_asking_and_reporting_first_joining_and_settings_after_and_coordinator_commands_last(string lang, string coordinatorTitle)
    {
        var coordinator = await CoordinatorAsync(lang);
        coordinator.Send("/help");
        var text = (await coordinator.ExpectAsync(e => e.Text?.Contains("/newpoll", StringComparison.Ordinal) == true)).Text!;

        var order = new[] { "/ask —", "/report —", "/myreports —", "/quiz —", "/settings —", "/lang —", "/village —", "/start —", coordinatorTitle, "/newpoll —" }
            .Select(s => (s, at: text.IndexOf(s, StringComparison.Ordinal))).ToList();
        Assert.All(order, o => Assert.True(o.at >= 0, $"{o.s} is missing from /help"));
        Assert.Equal(order.Select(o => o.s), order.OrderBy(o => o.at).Select(o => o.s));
        Assert.DoesNotContain("sapratīšu", text, StringComparison.Ordinal);
    }
}
