using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Quizzes;

namespace VillageBot.Tests.Quizzes;

public sealed class QuizFlowTests : BotTest
{
    private const string Basics = "smart-village-basics";

    private QuizStore Store => Host.Services.GetRequiredService<QuizStore>();

    [Fact]
    public async Task Quiz_lists_each_module_once_as_a_button_in_phase_order_and_hides_the_leaders_assessment_from_residents()
    {
        var user = await MemberAsync("en");
        user.Send("/quiz");
        var list = await user.ExpectAsync(e => e.HasButton("qz:open:" + Basics));
        foreach (var phase in new[] { "1️⃣ Assess — what to learn", "2️⃣ Learn — knowledge", "3️⃣ Do — skills", "4️⃣ Evaluate — what we have learned" })
        {
            Assert.Contains(phase, list.Text);
        }

        // Every module appears once: as its button, not also as a line of the text above the buttons.
        var modules = QuizSteps.ShippedCatalog().VisibleTo(leader: false).ToList();
        Assert.Equal(modules.Select(m => "qz:open:" + m.Id), list.AllButtons.Select(b => b.Data));
        Assert.All(modules, m => Assert.DoesNotContain(m.TitleIn("en"), list.Text));
        Assert.Equal("2️⃣ Smart village basics", list.AllButtons.First(b => b.Data == "qz:open:" + Basics).Text);
        Assert.True(list.HasButton("qz:open:assess-residents"));
        Assert.False(list.HasButton("qz:open:assess-leaders"));

        QuizSteps.MakeCoordinator(Host, user);
        user.Send("/quiz");
        Assert.True((await user.ExpectAsync(e => e.HasButton("qz:open:" + Basics))).HasButton("qz:open:assess-leaders"));
    }

    [Fact]
    public async Task A_module_is_taken_question_by_question_to_a_score_and_a_suggestion_and_a_retake_keeps_the_best_and_last_scores()
    {
        var user = await MemberAsync("en");
        var poll = await user.StartModuleAsync(Basics);
        Assert.StartsWith("📝 1/12 · Smart village basics", poll.Text);

        user.Vote(poll, poll.Right());
        var right = await user.ExpectTextAsync("✅ Correct! So far 1 of 1 right.");
        Assert.Contains("💡 " + poll.Question().ExplanationIn("en"), right.Text);
        Assert.Contains("\n📖 Source: Ā. Ādlers, “How to empower local communities to use smart solutions?”, Jelgava, 18 September 2024 (slides: 2)", right.Text);
        poll = await user.NextQuestionAsync();
        Assert.StartsWith("📝 2/12 · ", poll.Text);
        user.Vote(poll, poll.Wrong());
        var wrong = await user.ExpectTextAsync("❌ Not quite. The right answer:");
        Assert.Contains(poll.Question().OptionsIn("en")[poll.Right()], wrong.Text);
        poll = await user.NextQuestionAsync();

        // Nine right of twelve: the two above and seven of the remaining ten.
        var end = await user.AnswerAsync(poll, 10, (i, p) => i < 8 ? p.Right() : p.Wrong());
        Assert.Contains("finished: 9 of 12 right (75%). Best score: 9/12.", end.Text);
        Assert.Contains("Worth reviewing:", end.Text);
        Assert.Contains("Next I suggest:", end.Text);
        Assert.True(end.HasButton("qz:start:" + Basics));
        Assert.Contains(end.AllButtons, b => b.Data!.StartsWith("qz:go:", StringComparison.Ordinal));

        var progress = Store.Get(user.Id, Basics)!;
        Assert.Equal((1, 9, 9, false), (progress.Completions, progress.BestScore, progress.LastScore, progress.InProgress));
        Assert.Equal(12, progress.Latest.Count);

        user.Click("qz:start:" + Basics);
        poll = await user.NextQuestionAsync();
        Assert.StartsWith("📝 1/12 · ", poll.Text);
        Assert.Equal(["1", "2", "3", "4"], poll.AllButtons.Select(b => b.Text));
        end = await user.AnswerAsync(poll, 12, (i, p) => i < 5 ? p.Right() : p.Wrong());
        Assert.Contains("finished: 5 of 12 right (42%). Best score: 9/12.", end.Text);

        progress = Store.Get(user.Id, Basics)!;
        Assert.Equal((2, 9, 5, 2), (progress.Completions, progress.BestScore, progress.LastScore, progress.Attempt));
        user.Send("/quiz");
        var list = await user.ExpectAsync(e => e.HasButton("qz:open:" + Basics));
        Assert.True(list.HasButton("2️⃣ Smart village basics · ✅ 9/12"));
        user.Click("qz:open:" + Basics);
        var card = await user.ExpectAsync(e => e.Method == "editMessageText");
        Assert.Contains("Best score: 9/12, last: 5/12.", card.Text);
        Assert.True(card.HasButton("🔁 Retake"));
    }

    [Fact]
    public async Task Leaving_a_module_and_coming_back_after_a_restart_continues_at_the_same_question()
    {
        var user = await MemberAsync("en");
        var poll = await user.StartModuleAsync(Basics);
        poll = await user.AnswerAsync(poll, 3, (_, p) => p.Right());
        Assert.StartsWith("📝 4/12 · ", poll.Text);

        Host = await Host.RestartAsync();

        user.Send("/quiz");
        var list = await user.ExpectAsync(e => e.HasButton("qz:cont:" + Basics));
        Assert.True(list.HasButton("2️⃣ Smart village basics · ⏳ 3/12"));
        Assert.True(list.HasButton("▶️ Continue: Smart village basics (3/12)"));
        user.Click("qz:cont:" + Basics);
        var again = await user.NextQuestionAsync();
        Assert.Equal(poll.Text, again.Text);
        Assert.Equal(poll.AllButtons, again.AllButtons);
        Assert.NotEqual(poll.MessageId, again.MessageId);

        user.Vote(again, again.Right());
        await user.ExpectTextAsync("So far 4 of 4 right.");
        Assert.StartsWith("📝 5/12 · ", (await user.NextQuestionAsync()).Text);
    }

    [Fact]
    public async Task Stale_answers_and_forged_buttons_change_nothing()
    {
        var user = await MemberAsync("en");
        var first = await user.StartModuleAsync(Basics);
        var second = await user.AnswerAsync(first, 1, (_, p) => p.Right());
        await Host.IdleAsync();
        var before = Store.Get(user.Id, Basics)!;

        foreach (var forged in new[]
        {
            first.AnswerButtons()[first.Wrong()].Data!,        // the question already answered
            "qz:start:no-such-module",
            "qz:open:assess-leaders",
            "qz:cont:eu-policy-funding",
            $"qz:a:{Basics}:2:1:0",                              // an attempt not started
            $"qz:a:{Basics}:1:2:0",                              // a question not shown yet
            $"qz:a:{Basics}:1:1:99",                             // an option that does not exist
            "qz:a:" + Basics,
            "qz:wat:" + Basics,
            "qz:list:extra",
        })
        {
            user.ClickData(second.MessageId, forged);
            var answer = await user.ExpectAsync(e => e.Method == "answerCallbackQuery");
            Assert.Equal("This button is no longer valid.", answer.Text);
        }

        await user.ExpectSilenceAsync();
        var after = Store.Get(user.Id, Basics)!;
        Assert.Equal((before.Attempt, before.Current, before.PollId, before.Answers.Count), (after.Attempt, after.Current, after.PollId, after.Answers.Count));
        Assert.Null(Store.Get(user.Id, "assess-leaders"));
        Assert.Null(Store.Get(user.Id, "eu-policy-funding"));
    }

    [Fact]
    public async Task The_self_assessment_and_the_reassessment_show_progress_per_topic()
    {
        var user = await MemberAsync("en");
        var poll = await user.StartModuleAsync("assess-residents");
        Assert.EndsWith("\n\n1. Not at all\n2. A little\n3. Fairly\n4. Very confident", poll.Text);
        Assert.Equal(["1", "2", "3", "4"], poll.AllButtons.Select(b => b.Text));

        user.Vote(poll, 1);
        await user.ExpectAsync(e => e.Method == "editMessageText" && e.MessageId == poll.MessageId && e.Text!.EndsWith("➡️ 2. A little", StringComparison.Ordinal));
        var noted = await user.ExpectTextAsync("📝 Noted: “A little”.");
        Assert.Contains("💡", noted.Text);
        var end = await user.AnswerAsync(await user.NextQuestionAsync(), 9, (_, _) => 1);
        Assert.Contains("Your self-assessment “Learning-needs self-assessment: residents” is saved.", end.Text);
        Assert.Contains("Your confidence by topic (0 — not at all, 3 — very):", end.Text);
        Assert.Contains("• Digital skills: 1", end.Text);

        // Taking the first self-assessment again does not move the baseline the re-assessment compares with.
        user.Click("qz:start:assess-residents");
        await user.AnswerAsync(await user.NextQuestionAsync(), 10, (_, _) => 0);

        poll = await user.StartModuleAsync("evaluate-residents");
        end = await user.AnswerAsync(poll, 10, (i, _) => i == 0 ? 1 : 3);
        Assert.Contains("Progress since your first self-assessment (0 — not at all, 3 — very):", end.Text);
        Assert.Contains("• Digital skills: 1 → 3 ⬆️", end.Text);
        Assert.Contains("• Social capital: 1 → 1\n", end.Text);
    }

    [Fact]
    public async Task A_reassessment_without_a_first_assessment_says_there_is_nothing_to_compare_with()
    {
        var user = await MemberAsync("en");
        var end = await user.AnswerAsync(await user.StartModuleAsync("evaluate-residents"), 10, (_, _) => 2);
        Assert.Contains("There is no earlier self-assessment (“Learning-needs self-assessment: residents”) to compare with.", end.Text);
    }

    [Fact]
    public async Task Unfinished_modules_are_listed_with_their_last_activity_for_reminders()
    {
        var user = await MemberAsync("en");
        await user.AnswerAsync(await user.StartModuleAsync(Basics), 2, (_, p) => p.Right());
        await user.AnswerAsync(await user.StartModuleAsync("eu-policy-funding"), 12, (_, p) => p.Right());
        var unfinished = Host.Services.GetRequiredService<IUnfinishedQuizzes>();
        var now = DateTime.UtcNow;

        var idle = Assert.Single(unfinished.IdleSince(now.AddMinutes(1)), u => u.UserId == user.Id);
        Assert.Equal((Basics, 2, 12), (idle.ModuleId, idle.Answered, idle.Total));
        Assert.InRange(idle.LastActivityAt, now.AddMinutes(-1), now);
        Assert.DoesNotContain(unfinished.IdleSince(now.AddMinutes(-5)), u => u.UserId == user.Id);
        Assert.DoesNotContain(unfinished.IdleFor(TimeSpan.FromDays(3)), u => u.UserId == user.Id);
    }

    [Theory]
    [InlineData("lv", "Avots: Ā. Ādlers, «Kā spējināt vietējās kopienas viedu risinājumu izmantošanai?», Jelgava, 18.09.2024 (slaidi: 10)")]
    [InlineData("ru", "Источник: А. Адлерс, «Как помочь местным сообществам использовать умные решения?», Елгава, 18.09.2024 (слайды: 10)")]
    [InlineData("en", "Source: Ā. Ādlers, “How to empower local communities to use smart solutions?”, Jelgava, 18 September 2024 (slides: 10)")]
    public async Task The_explanation_after_an_answer_names_the_question_source_in_the_person_language(string lang, string source)
    {
        var user = await MemberAsync(lang);
        var question = await user.StartModuleAsync("partnerships");
        Assert.Equal("seed slide 10", question.Question().Source);
        user.Vote(question, question.Wrong());
        var feedback = await user.ExpectTextAsync("💡 " + question.Question().ExplanationIn(lang));
        Assert.EndsWith("\n📖 " + source, feedback.Text);

        // A source that is not the seed talk is shown as written.
        question = await user.AnswerAsync(await user.StartModuleAsync("village-data"), 0, (_, _) => 0);
        user.Vote(question, question.Right());
        Assert.EndsWith("📖 " + source[..source.IndexOf(':', StringComparison.Ordinal)] + ": Centrālā statistikas pārvalde, stat.gov.lv", (await user.ExpectTextAsync("💡")).Text);
    }

    [Fact]
    public async Task Quiz_is_for_members_only()
    {
        var stranger = NewUser("en");
        stranger.Send("/quiz");
        await stranger.ExpectTextAsync("Please join your village first");
    }
}
