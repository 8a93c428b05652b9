using System.Text.RegularExpressions;
using VillageBot.Tests.Broadcasts;

namespace VillageBot.Tests.Localization;

/// <summary>A poll made and answered in each language, read as a resident and a coordinator read it.</summary>
public sealed partial class PollWordingTests : VillageTest
{
    protected override bool UsesFakeClock => true;

    [Theory]
    [InlineData("lv", "3 d", "Aptauja būs atvērta — 3 dienas")]
    [InlineData("lv", "2 nedelas", "Aptauja būs atvērta — 2 nedēļas")]
    [InlineData("lv", "45 min.", "Aptauja būs atvērta — 45 minūtes")]
    [InlineData("en", "3 days", "Open for 3 days")]
    [InlineData("ru", "21 ч", "Опрос будет открыт — 21 час")]
    public async Task A_typed_duration_in_local_words_is_shown_in_full_words_and_no_message_has_a_double_stop(string lang, string typed, string shown)
    {
        var coordinator = await CoordinatorAsync(lang);
        var resident = await MemberAsync(lang);

        coordinator.Send("/newpoll");
        await coordinator.NextAsync();
        coordinator.Send("Kur likt soliņu?");
        await coordinator.NextAsync();
        var durations = await Polls.PollSteps.OptionsAndChoicesAsync(coordinator, ["Pie veikala", "Pie skolas"]);
        Assert.DoesNotContain(durations.AllButtons, b => b.Text.EndsWith('.'));

        coordinator.Send("drīz");
        await coordinator.ExpectAsync(e => e.Seq > durations.Seq && e.HasButton("np:close:1440"));
        coordinator.Send(typed);
        await coordinator.ExpectAsync(e => e.HasButton("np:at:now") && e.Text!.Contains(shown, StringComparison.Ordinal));
        coordinator.Click("np:at:now");
        await coordinator.ExpectAsync(e => e.HasButton("np:send"));
        coordinator.Click("np:send");

        var poll = await resident.ExpectAsync(e => e.Method == "sendPoll");
        Api.AnswerPoll(resident.Id, poll.Poll!.Id, 1);
        var counted = await resident.ExpectTextAsync("Pie skolas");
        Assert.Matches(@"\d\d\.\d\d\.", counted.Text);
        coordinator.Send("/results");
        var choose = await coordinator.ExpectAsync(e => e.AllButtons.Any(b => b.Data?.StartsWith("pr:", StringComparison.Ordinal) == true));
        coordinator.Click(choose.AllButtons.Last(b => b.Data?.StartsWith("pr:", StringComparison.Ordinal) == true).Data!);
        await coordinator.ExpectTextAsync("Pie skolas — 1");

        var read = Api.Events(coordinator.Id).Concat(Api.Events(resident.Id)).Select(e => e.Text ?? e.Poll?.Question).OfType<string>().ToList();
        Assert.All(read, t => Assert.DoesNotMatch(DoubleStop(), t));
    }

    [GeneratedRegex(@"(?<!\.)\.\.(?!\.)|[!?,:;]\.")]
    private static partial Regex DoubleStop();
}
