using VillageBot.TestKit;

namespace VillageBot.Tests.Polls;

/// <summary>A coordinator going through /newpoll in the chat.</summary>
internal static class PollSteps
{
    /// <summary>/newpoll and the whole dialog; open for a day unless <paramref name="openFor"/> is typed (e.g. "8h").</summary>
    public static async Task CreatePollAsync(FakeUser coordinator, string question, string[] options, bool anonymous = false, bool multiple = false, string when = "now", string? openFor = null)
    {
        coordinator.Send("/newpoll");
        await coordinator.ExpectTextAsync("Write the question");
        await AnswerDialogAsync(coordinator, question, options, anonymous, multiple, when, openFor);
    }

    /// <summary>
    /// The answer options, then "anonymous?" and "several answers?", in any language; returns the step after them
    /// (the group question when the village has a linked group, else how long the poll is open).
    /// </summary>
    public static async Task<BotEvent> OptionsAndChoicesAsync(FakeUser coordinator, string[] options, bool anonymous = false, bool multiple = false)
    {
        coordinator.Send(string.Join('\n', options));
        await coordinator.ExpectAsync(e => e.HasButton("np:done"));
        coordinator.Click("np:done");
        await coordinator.ExpectAsync(e => e.HasButton("np:anon:0"));
        coordinator.Click(anonymous ? "np:anon:1" : "np:anon:0");
        await coordinator.ExpectAsync(e => e.HasButton("np:multi:0"));
        coordinator.Click(multiple ? "np:multi:1" : "np:multi:0");
        return await coordinator.ExpectAsync(e => e.HasButton("np:close:1440") || e.HasButton("np:grp:no"));
    }

    public static async Task AnswerDialogAsync(FakeUser coordinator, string question, string[] options, bool anonymous, bool multiple, string when, string? openFor = null)
    {
        coordinator.Send(question);
        await coordinator.ExpectTextAsync("answer options");
        await OptionsAndChoicesAsync(coordinator, options, anonymous, multiple);
        if (openFor is null)
        {
            coordinator.Click("np:close:1440");
        }
        else
        {
            coordinator.Send(openFor);
        }

        await coordinator.ExpectAsync(e => e.HasButton("np:at:now"));
        if (when is "now" or "tom09" or "today18")
        {
            coordinator.Click("np:at:" + when);
        }
        else
        {
            coordinator.Send(when);
        }

        await coordinator.ExpectAsync(e => e.HasButton("np:send"));
        coordinator.Click("np:send");
    }
}
