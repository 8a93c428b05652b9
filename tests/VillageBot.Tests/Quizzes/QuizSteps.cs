using System.Text.Json.Nodes;
using Telegram.Bot.Types;
using VillageBot.Features.Quizzes;
using VillageBot.TestKit;

namespace VillageBot.Tests.Quizzes;

/// <summary>What a person does with quizzes in the chat, step by step, through the fake Bot API.</summary>
internal static class QuizSteps
{
    public static Task<BotEvent> NextPollAsync(this FakeUser user) => user.ExpectAsync(e => e.Method == "sendPoll");

    /// <summary>/quiz → the module's card → Start; returns the first question's poll.</summary>
    public static async Task<BotEvent> StartModuleAsync(this FakeUser user, string moduleId)
    {
        user.Send("/quiz");
        await user.ExpectAsync(e => e.HasButton("qz:open:" + moduleId));
        user.Click("qz:open:" + moduleId);
        await user.ExpectAsync(e => e.HasButton("qz:start:" + moduleId));
        user.Click("qz:start:" + moduleId);
        return await user.NextPollAsync();
    }

    /// <summary>Votes in the poll with the option <paramref name="choose"/> picks (from the question number and the poll).</summary>
    public static void Vote(this FakeUser user, BotEvent poll, int option) => user.Api.AnswerPoll(user.Id, poll.Poll!.Id, option);

    public static int Right(this BotEvent poll) => poll.Poll!.CorrectOptionIds![0];

    public static int Wrong(this BotEvent poll) => (poll.Right() + 1) % poll.Poll!.Options.Length;

    /// <summary>
    /// Answers <paramref name="count"/> questions starting at <paramref name="poll"/>; <paramref name="choose"/>
    /// gets the question's index and its poll. Returns the poll after the last one answered, or the closing message.
    /// </summary>
    public static async Task<BotEvent> AnswerAsync(this FakeUser user, BotEvent poll, int count, Func<int, BotEvent, int> choose)
    {
        var current = poll;
        for (var i = 0; i < count; i++)
        {
            user.Vote(current, choose(i, current));
            current = await user.ExpectAsync(e => e.Method == "sendPoll" || e.Text?.StartsWith("🏁", StringComparison.Ordinal) == true);
        }

        return current;
    }

    public static QuizCatalog ShippedCatalog() => QuizCatalog.Load(Path.Combine(AppContext.BaseDirectory, "data", "quizzes"));

    /// <summary>Makes the person a coordinator of the village they joined.</summary>
    public static void MakeCoordinator(BotHost host, FakeUser user)
    {
        var resident = host.Db.Residents.FindById(user.Id);
        resident.CoordinatorOf = [resident.VillageId!.Value];
        host.Db.Residents.Update(resident);
    }
}

/// <summary>A data folder with the shipped villages and quiz files written by a test.</summary>
internal sealed class QuizDataFolder : IDisposable
{
    public QuizDataFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "villagebot-tests", "data-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Quizzes);
        File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "data", "villages.json"), System.IO.Path.Combine(Path, "villages.json"));
    }

    public string Path { get; }

    public string Quizzes => System.IO.Path.Combine(Path, "quizzes");

    public QuizDataFolder With(string fileName, JsonNode module)
    {
        File.WriteAllText(System.IO.Path.Combine(Quizzes, fileName), module.ToJsonString());
        return this;
    }

    public QuizDataFolder WithText(string fileName, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Quizzes, fileName), text);
        return this;
    }

    /// <summary>A shipped module file as JSON, to change one thing in it.</summary>
    public static JsonObject Shipped(string fileName) =>
        JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "data", "quizzes", fileName)))!.AsObject();

    public static JsonObject Text(string lv, string? en = null, string? ru = null) => new() { ["lv"] = lv, ["en"] = en ?? lv, ["ru"] = ru ?? lv };

    /// <summary>A small quiz module; each question is (text, options, correct).</summary>
    public static JsonObject Module(string id, string phase, params (string Text, string[] Options, int Correct)[] questions) => new()
    {
        ["id"] = id,
        ["phase"] = phase,
        ["kind"] = "quiz",
        ["audience"] = "all",
        ["compareWith"] = null,
        ["title"] = Text("Tests " + id, "Test " + id, "Тест " + id),
        ["description"] = Text("Apraksts", "Description", "Описание"),
        ["questions"] = new JsonArray([.. questions.Select((q, i) => (JsonNode)new JsonObject
        {
            ["id"] = $"q{i + 1:00}",
            ["topic"] = "digital-skills",
            ["text"] = Text(q.Text),
            ["options"] = new JsonArray([.. q.Options.Select(o => (JsonNode)Text(o))]),
            ["correct"] = q.Correct,
            ["explanation"] = Text("Skaidrojums " + (i + 1), "Explanation " + (i + 1), "Пояснение " + (i + 1)),
            ["source"] = "test",
        })]),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind does no harm.
        }
    }
}
