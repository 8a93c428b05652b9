using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Quizzes;
using VillageBot.Tests.Foundation;

namespace VillageBot.Tests.Quizzes;

/// <summary>Questions Telegram cannot show as a poll (question over 300 or an option over 100 characters).</summary>
public sealed class QuizFallbackTests : BotTest, IDisposable
{
    private static readonly string LongQuestion = "Kurš apgalvojums ir pareizs? " + new string('x', 330);
    private static readonly string LongOption = "Garš atbildes variants " + new string('y', 110);

    private readonly QuizDataFolder _data = new QuizDataFolder().With(
        "01-long.json",
        QuizDataFolder.Module(
            "long",
            QuizPhases.Develop,
            (LongQuestion, ["A", "B", "C"], 1),
            ("Otrais jautājums?", ["Īss", LongOption], 0),
            ("Trešais jautājums?", ["Jā", "Nē"], 0)));

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Content:DataPath"] = _data.Path };

    [Fact]
    public async Task Questions_too_long_for_a_poll_are_asked_with_buttons_and_the_rest_as_polls()
    {
        var user = await MemberAsync("en");
        user.Send("/quiz");
        await user.ExpectAsync(e => e.HasButton("qz:open:long"));
        user.Click("qz:open:long");
        await user.ExpectAsync(e => e.HasButton("qz:start:long"));
        user.Click("qz:start:long");

        var first = await user.ExpectAsync(e => e.HasButton("qz:a:long:1:0:1"));
        Assert.Contains(LongQuestion, first.Text);
        Assert.Equal(["A", "B", "C"], first.AllButtons.Select(b => b.Text));
        user.Click("qz:a:long:1:0:1");
        var edited = await user.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == first.MessageId);
        Assert.EndsWith("➡️ B", edited.Text);
        Assert.Empty(edited.Buttons);
        var feedback = await user.ExpectTextAsync("✅ Correct! So far 1 of 1 right.");
        Assert.Contains("💡 Explanation 1", feedback.Text);

        var second = await user.ExpectAsync(e => e.HasButton("qz:a:long:1:1:1"));
        Assert.Contains("2. " + LongOption, second.Text);
        Assert.Equal(["1", "2"], second.AllButtons.Select(b => b.Text));

        user.ClickData(first.MessageId, "qz:a:long:1:0:0");
        Assert.Equal("This button is no longer valid.", (await user.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.Equal(1, Host.Services.GetRequiredService<QuizStore>().Get(user.Id, "long")!.Current);

        user.ClickData(second.MessageId, "qz:a:long:1:1:1");
        await user.ExpectTextAsync("❌ Not quite. The right answer: «Īss». So far 1 of 2 right.");
        var poll = await user.NextPollAsync();
        Assert.Equal("3/3. Trešais jautājums?", poll.Poll!.Question);
        var end = await user.AnswerAsync(poll, 1, (_, p) => p.Right());
        Assert.Contains("finished: 2 of 3 right (67%)", end.Text);
        Assert.Contains("You have finished every module", end.Text);
    }

    public void Dispose() => _data.Dispose();
}
