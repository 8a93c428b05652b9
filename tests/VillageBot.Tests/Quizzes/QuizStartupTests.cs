using VillageBot.Features.Quizzes;
using VillageBot.TestKit;

namespace VillageBot.Tests.Quizzes;

public sealed class QuizStartupTests
{
    [Fact]
    public async Task A_malformed_quiz_file_stops_the_start_with_a_message_naming_the_file_and_the_problem()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var data = new QuizDataFolder();
        var module = QuizDataFolder.Shipped("06-digital-skills-eservices.json");
        module["questions"]![6]!["correct"] = 9;
        data.With("06-digital-skills-eservices.json", module);

        var e = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["Content:DataPath"] = data.Path }));

        var problem = Assert.IsType<QuizContentException>(Unwrap(e));
        Assert.Equal(["06-digital-skills-eservices.json: question q07: 'correct' is 9 but the options are numbered 0 to 3"], problem.Problems);
        Assert.Contains(data.Quizzes, problem.Message);
        Assert.Equal(0, api.CallCount("getMe"));
    }

    [Fact]
    public async Task Valid_content_in_another_data_path_is_what_the_bot_offers()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var data = new QuizDataFolder();
        data.With("01-only.json", QuizDataFolder.Module("only", QuizPhases.Develop, ("Jautājums?", ["A", "B"], 1)));
        await using var host = await BotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["Content:DataPath"] = data.Path });

        var user = new FakeUser(api, 77_001, "en");
        await user.OnboardAsync();
        user.Send("/quiz");
        var list = await user.ExpectAsync(e => e.HasButton("qz:open:only"));
        Assert.Single(list.AllButtons);
    }

    private static Exception Unwrap(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is QuizContentException)
            {
                return x;
            }

            if (x is AggregateException { InnerExceptions: [var only] })
            {
                return Unwrap(only);
            }
        }

        return e;
    }
}
