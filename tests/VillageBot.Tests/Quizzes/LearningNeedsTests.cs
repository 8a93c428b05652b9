using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Quizzes;
using VillageBot.TestKit;

namespace VillageBot.Tests.Quizzes;

public sealed class LearningNeedsTests : BotTest
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public async Task Needs_with_fewer_than_five_respondents_says_not_enough_answers_yet_instead_of_averages()
    {
        var coordinator = await CoordinatorAsync();
        var a = await MemberAsync("en");
        var b = await MemberAsync("en");
        await a.AnswerAsync(await a.StartModuleAsync("assess-residents"), 10, (_, _) => 0);
        await b.AnswerAsync(await b.StartModuleAsync("assess-residents"), 10, (_, _) => 2);
        await a.AnswerAsync(await a.StartModuleAsync("village-data"), 12, (_, p) => p.Right());

        coordinator.Send("/needs");
        var report = await coordinator.ExpectTextAsync("📊 Learning needs — Kalsnava (members: 3)");
        Assert.Contains("🧭 “Learning-needs self-assessment: residents” — respondents: 2.\n⏳ Not enough answers yet: a topic's average is shown once at least 5 people have answered.", report.Text);
        Assert.Contains("🎯 Quiz answers by topic:\n⏳ Not enough answers yet", report.Text);
        Assert.DoesNotContain("Average confidence", report.Text);
        Assert.DoesNotContain("Digital skills", report.Text);
        Assert.DoesNotContain("%", report.Text);
        await coordinator.ExpectSilenceAsync();
        Assert.DoesNotContain(Api.Events(coordinator.Id), e => e.Method == "sendPhoto");
    }

    [Fact]
    public async Task Needs_with_five_respondents_shows_the_village_averages_and_weakest_quiz_topics_as_text_and_charts()
    {
        var coordinator = await CoordinatorAsync();
        var members = new List<FakeUser>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await MemberAsync("en"));
        }

        var elsewhere = await MemberAsync("en", "ergli");
        int[] confidence = [0, 2, 1, 1, 1];
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            var level = confidence[i];
            await m.AnswerAsync(await m.StartModuleAsync("assess-residents"), 10, (_, _) => level);
            await m.AnswerAsync(await m.StartModuleAsync("village-data"), 12, (_, p) => p.Right());
            await m.AnswerAsync(await m.StartModuleAsync("eu-policy-funding"), 3, (_, p) => p.Wrong());
        }

        await elsewhere.AnswerAsync(await elsewhere.StartModuleAsync("assess-residents"), 10, (_, _) => 3);

        coordinator.Send("/needs");
        var report = await coordinator.ExpectTextAsync("📊 Learning needs — Kalsnava (members: 6)");
        Assert.Contains("“Learning-needs self-assessment: residents” — respondents: 5. Average confidence (0–3) by topic", report.Text);
        Assert.Contains("• Digital skills: 1.0 (5)", report.Text);
        Assert.Contains("• Data about the village: 100% (60)", report.Text);
        Assert.Contains("• EU policy and funding: 0% (15)", report.Text);
        Assert.DoesNotContain("Not enough answers yet", report.Text);
        Assert.True(report.Text!.IndexOf("EU policy and funding: 0%", StringComparison.Ordinal) < report.Text.IndexOf("Data about the village: 100%", StringComparison.Ordinal));
        Assert.Contains("📣 Share next:", report.Text);
        var village = Host.Db.Villages.FindOne(v => v.Code == "kalsnava")!;
        Assert.Equal($"qzn:send:{village.Id}:eu-policy-funding", report.AllButtons.First().Data);

        var chart = await coordinator.ExpectAsync(e => e.Method == "sendPhoto");
        Assert.Equal("Kalsnava: average confidence by topic (0–3)", chart.Text);
        Assert.Equal(Png, chart.File![..4]);
        var scores = await coordinator.ExpectAsync(e => e.Method == "sendPhoto");
        Assert.Equal("Kalsnava: right quiz answers by topic, %", scores.Text);
        Assert.Equal(Png, scores.File![..4]);
    }

    [Fact]
    public async Task Residents_are_refused_and_coordinators_see_only_their_own_village()
    {
        var coordinator = await CoordinatorAsync();
        var resident = await MemberAsync("en");
        var kalsnava = Host.Db.Villages.FindOne(v => v.Code == "kalsnava")!;
        var ergli = Host.Db.Villages.FindOne(v => v.Code == "ergli")!;

        resident.Send("/needs");
        await resident.ExpectTextAsync("Only a village coordinator or an admin can do this.");
        resident.Send("/help");
        Assert.DoesNotContain("/needs", (await resident.ExpectTextAsync("What I can do")).Text);
        resident.ClickData(1, $"qzn:v:{kalsnava.Id}");
        Assert.True((await resident.ExpectAsync(e => e.Method == "answerCallbackQuery")).Alert);

        coordinator.Send("/needs ergli");
        await coordinator.ExpectTextAsync("That belongs to another village");
        coordinator.Send("/needs atlantis");
        await coordinator.ExpectTextAsync("I could not find the village “atlantis”.");
        foreach (var forged in new[] { $"qzn:v:{ergli.Id}", $"qzn:send:{ergli.Id}:partnerships", $"qzn:go:{ergli.Id}:partnerships" })
        {
            coordinator.ClickData(1, forged);
            Assert.Equal("That belongs to another village; you cannot manage it.", (await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        }

        foreach (var forged in new[] { $"qzn:go:{kalsnava.Id}:assess-leaders", $"qzn:go:{kalsnava.Id}:nope", "qzn:v:999999", "qzn:v", $"qzn:go:{kalsnava.Id}" })
        {
            coordinator.ClickData(1, forged);
            Assert.Equal("This button is no longer valid.", (await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery")).Text);
        }

        await resident.ExpectSilenceAsync();
        Assert.Equal(0, Invitations());
    }

    [Fact]
    public async Task An_admin_chooses_the_village()
    {
        var admin = Admin();
        await admin.OnboardAsync("kalsnava");
        admin.Send("/needs");
        var choice = await admin.ExpectTextAsync("Which village's learning needs should I show?");
        var ergli = Host.Db.Villages.FindOne(v => v.Code == "ergli")!;
        Assert.Equal(Host.Db.Villages.Count(), choice.AllButtons.Count());
        admin.Click($"qzn:v:{ergli.Id}");
        var report = await admin.ExpectTextAsync("Learning needs — Ērgļi (members: 0)");
        Assert.Contains("🧭 Nobody has filled in the self-assessment yet.", report.Text);
        Assert.Equal($"qzn:send:{ergli.Id}:assess-residents", report.AllButtons.First().Data);
        await admin.ExpectSilenceAsync();
    }

    [Fact]
    public async Task A_coordinator_sends_a_module_to_the_village_and_residents_start_it_from_the_invitation()
    {
        var coordinator = await CoordinatorAsync();
        var done = await MemberAsync("en");
        var invited = await MemberAsync("ru");
        var blocked = await MemberAsync("en");
        var elsewhere = await MemberAsync("en", "ergli");
        await done.AnswerAsync(await done.StartModuleAsync("assess-residents"), 10, (_, _) => 2);
        Api.Block(blocked.Id);

        coordinator.Send("/needs");
        var needs = await coordinator.ExpectTextAsync("Learning needs — Kalsnava");
        var village = Host.Db.Villages.FindOne(v => v.Code == "kalsnava")!;
        coordinator.ClickData(needs.MessageId, $"qzn:send:{village.Id}:smart-village-basics");
        var confirm = await coordinator.ExpectTextAsync("Send “Smart village basics” to the residents of Kalsnava?");
        Assert.Contains("Recipients: 3; skipped because they already finished it: 0.", confirm.Text);
        coordinator.Click("qzn:no");
        await coordinator.ExpectAsync(e => e.Method == "editMessageText" && e.Text == "Cancelled.");

        coordinator.Click($"qzn:pick:{village.Id}");
        var modules = await coordinator.ExpectTextAsync("Which module should go to the residents of Kalsnava?");
        Assert.DoesNotContain(modules.AllButtons, b => b.Data!.EndsWith(":assess-leaders", StringComparison.Ordinal));
        coordinator.Click($"qzn:send:{village.Id}:assess-residents");
        confirm = await coordinator.ExpectTextAsync("Send “Learning-needs self-assessment: residents” to the residents of Kalsnava?");
        Assert.Contains("Recipients: 2; skipped because they already finished it: 1.", confirm.Text);

        coordinator.Click($"qzn:go:{village.Id}:assess-residents");
        await coordinator.ExpectTextAsync("Sending “Learning-needs self-assessment: residents” to Kalsnava: 2 recipients.");
        var invitation = await invited.ExpectTextAsync("приглашает вас пройти учебный модуль «Самооценка учебных потребностей: жители»");
        Assert.True(invitation.HasButton("qz:go:assess-residents"));
        var report = await coordinator.ExpectTextAsync("went out. Delivered: 1, unreachable: 1.");
        Assert.Contains("“Learning-needs self-assessment: residents” (Kalsnava)", report.Text);
        await done.ExpectSilenceAsync();
        await elsewhere.ExpectSilenceAsync();
        Assert.False(Host.Db.Residents.FindById(blocked.Id)!.Active);

        invited.Click("qz:go:assess-residents");
        await invited.ExpectTextAsync("Начинаем «Самооценка учебных потребностей: жители»");
        Assert.Contains("1. Совсем нет", (await invited.NextQuestionAsync()).Text);

        coordinator.ClickData(confirm.MessageId, $"qzn:go:{village.Id}:assess-residents");
        var repeat = await coordinator.ExpectAsync(e => e.Method == "answerCallbackQuery");
        Assert.Equal("This module was already sent to this village within the last hour.", repeat.Text);
        await invited.ExpectSilenceAsync();
        Assert.Equal(1, Invitations());
    }

    private int Invitations() => Host.Services.GetRequiredService<BroadcastStore>().Broadcasts.Count(b => b.Kind == QuizInviteSender.KindName);

    private async Task<FakeUser> CoordinatorAsync()
    {
        var coordinator = await MemberAsync("en");
        QuizSteps.MakeCoordinator(Host, coordinator);
        return coordinator;
    }
}

/// <summary>The minimum number of respondents is a setting (Quizzes:MinRespondents).</summary>
public sealed class LearningNeedsMinimumTests : BotTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Quizzes:MinRespondents"] = "1" };

    [Fact]
    public async Task With_a_minimum_of_one_needs_compares_the_reassessment_with_the_first_assessment_of_the_same_people()
    {
        var coordinator = await MemberAsync("en");
        QuizSteps.MakeCoordinator(Host, coordinator);
        var a = await MemberAsync("en");
        await a.AnswerAsync(await a.StartModuleAsync("assess-residents"), 10, (_, _) => 1);
        await a.AnswerAsync(await a.StartModuleAsync("evaluate-residents"), 10, (_, _) => 3);

        coordinator.Send("/needs");
        var report = await coordinator.ExpectTextAsync("Learning needs — Kalsnava");
        Assert.Contains("📈 “Re-assessment: residents” — people with both assessments: 1.", report.Text);
        Assert.Contains("• Digital skills: 1.0 → 3.0", report.Text);
        Assert.Contains("🎯 No quiz answers yet.", report.Text);
    }
}
