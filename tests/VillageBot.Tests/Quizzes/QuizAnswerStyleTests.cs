using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Quizzes;

namespace VillageBot.Tests.Quizzes;

/// <summary>One way to answer every question, whatever its length: options numbered in the message, number buttons.</summary>
public sealed class QuizAnswerStyleTests : BotTest, IDisposable
{
    private static readonly string LongQuestion = "Kurš apgalvojums ir pareizs? " + new string('x', 330);
    private static readonly string LongOption = "Garš atbildes variants " + new string('y', 110);

    private readonly QuizDataFolder _data = new QuizDataFolder().With(
        "01-long.json",
        QuizDataFolder.Module(
            "long",
            QuizPhases.Develop,
            ("Pirmais jautājums?", ["A", "B", "C"], 1),
            ("Otrais jautājums?", ["Īss", LongOption], 0),
            (LongQuestion, ["Jā", "Nē"], 0)));

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Content:DataPath"] = _data.Path };

    [Fact]
    public async Task Short_and_long_questions_alike_list_numbered_options_answered_with_number_buttons_also_after_continue_and_retake()
    {
        var user = await MemberAsync("en");
        user.Send("/quiz");
        await user.ExpectAsync(e => e.HasButton("qz:open:long"));
        user.Click("qz:open:long");
        await user.ExpectAsync(e => e.HasButton("qz:start:long"));
        user.Click("qz:start:long");

        var first = await user.NextQuestionAsync();
        Assert.Equal("📝 1/3 · Test long\n\nPirmais jautājums?\n\n1. A\n2. B\n3. C", first.Text);
        Assert.Equal([("1", "qz:a:long:1:0:0"), ("2", "qz:a:long:1:0:1"), ("3", "qz:a:long:1:0:2")], first.AllButtons);
        user.Click("qz:a:long:1:0:1");
        var edited = await user.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == first.MessageId);
        Assert.EndsWith("\n\n➡️ 2. B", edited.Text);
        Assert.Empty(edited.Buttons);
        var feedback = await user.ExpectTextAsync("✅ Correct! So far 1 of 1 right.");
        Assert.Contains("💡 Explanation 1", feedback.Text);

        var second = await user.NextQuestionAsync();
        Assert.EndsWith("\n\n1. Īss\n2. " + LongOption, second.Text);
        Assert.Equal(["1", "2"], second.AllButtons.Select(b => b.Text));

        user.ClickData(first.MessageId, "qz:a:long:1:0:0");
        Assert.Equal("This button is no longer valid.", (await user.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        Assert.Equal(1, Host.Services.GetRequiredService<QuizStore>().Get(user.Id, "long")!.Current);

        user.ClickData(second.MessageId, "qz:a:long:1:1:1");
        await user.ExpectTextAsync("❌ Not quite. The right answer: “Īss”. So far 1 of 2 right.");
        var third = await user.NextQuestionAsync();
        Assert.Contains(LongQuestion + "\n\n1. Jā\n2. Nē", third.Text);
        Assert.Equal(["1", "2"], third.AllButtons.Select(b => b.Text));

        // Shown again from the list, the question looks the same.
        user.Send("/quiz");
        await user.ExpectAsync(e => e.HasButton("qz:cont:long"));
        user.Click("qz:cont:long");
        var resumed = await user.NextQuestionAsync();
        Assert.Equal(third.Text, resumed.Text);
        Assert.Equal(third.AllButtons, resumed.AllButtons);

        var end = await user.AnswerAsync(resumed, 1, (_, _) => 0);
        Assert.Contains("finished: 2 of 3 right (67%)", end.Text);
        Assert.Contains("You have finished every module", end.Text);
        Assert.DoesNotContain(Api.Events(user.Id), e => e.Method == "sendPoll");

        user.Click("qz:start:long");
        var retaken = await user.NextQuestionAsync();
        Assert.Equal("📝 1/3 · Test long\n\nPirmais jautājums?\n\n1. A\n2. B\n3. C", retaken.Text);
        Assert.Equal(["1", "2", "3"], retaken.AllButtons.Select(b => b.Text));
    }

    public void Dispose() => _data.Dispose();
}
