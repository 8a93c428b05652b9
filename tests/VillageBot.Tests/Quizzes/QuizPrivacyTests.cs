using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using VillageBot.Features.Quizzes;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Tests.Quizzes;

public sealed class QuizPrivacyTests : BotTest
{
    [Fact]
    public async Task A_persons_quiz_progress_is_exported_and_erased()
    {
        var user = await MemberAsync("en");
        var other = await MemberAsync("en");
        await user.AnswerAsync(await user.StartModuleAsync("smart-village-basics"), 2, (_, p) => p.Right());
        await other.AnswerAsync(await other.StartModuleAsync("smart-village-basics"), 1, (_, p) => p.Right());
        user.Send("/leaderboard");
        await user.ExpectAsync(e => e.HasButton("qzl:on"));
        user.Click("qzl:on");
        await user.ExpectAsync(e => e.Method == "editMessageText");
        var data = Assert.Single(Host.Services.GetServices<IPersonalData>(), p => p.Section == "quizzes");

        var export = JsonSerializer.Serialize(data.Export(user.Id));
        Assert.Contains("\"module\":\"smart-village-basics\"", export);
        Assert.Contains("\"answeredInCurrentAttempt\":2", export);
        Assert.Contains("\"optedIn\":true", export);
        Assert.Null(data.Export(424242));

        data.Erase(user.Id);
        var store = Host.Services.GetRequiredService<QuizStore>();
        Assert.Null(data.Export(user.Id));
        Assert.Empty(store.ForUser(user.Id));
        Assert.Null(store.Profiles.FindById(user.Id));
        Assert.Single(store.ForUser(other.Id));
        user.Send("/quiz");
        Assert.DoesNotContain("⏳", (await user.ExpectAsync(e => e.HasButton("qz:open:smart-village-basics"))).Text);
    }
}
