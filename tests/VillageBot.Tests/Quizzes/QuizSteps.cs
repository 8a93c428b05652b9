using System.Text.Json.Nodes;
using Telegram.Bot.Types;
using VillageBot.Features.Quizzes;
using VillageBot.TestKit;

namespace VillageBot.Tests.Quizzes;

/// <summary>What a person does with quizzes in the chat, step by step, through the fake Bot API.</summary>
internal static class QuizSteps
{
    /// <summary>The next question: a message with the options numbered and a number button for each.</summary>
    public static Task<BotEvent> NextQuestionAsync(this FakeUser user) => user.ExpectAsync(IsQuestion);

    public static bool IsQuestion(BotEvent e) => e.AllButtons.Any(b => b.Data?.StartsWith("qz:a:", StringComparison.Ordinal) == true);

    /// <summary>/quiz → the module's card → Start; returns the first question.</summary>
    public static async Task<BotEvent> StartModuleAsync(this FakeUser user, string moduleId)
    {
        user.Send("/quiz");
        await user.ExpectAsync(e => e.HasButton("qz:open:" + moduleId));
        user.Click("qz:open:" + moduleId);
        await user.ExpectAsync(e => e.HasButton("qz:start:" + moduleId));
        user.Click("qz:start:" + moduleId);
        return await user.NextQuestionAsync();
    }

    /// <summary>Presses the number button of option <paramref name="option"/> (from 0) under the question.</summary>
    public static void Vote(this FakeUser user, BotEvent question, int option) => user.ClickData(question.MessageId, question.AnswerButtons()[option].Data!);

    public static IReadOnlyList<(string Text, string? Data)> AnswerButtons(this BotEvent question) =>
        [.. question.AllButtons.Where(b => b.Data?.StartsWith("qz:a:", StringComparison.Ordinal) == true)];

    /// <summary>The shipped question on screen, found from its buttons (qz:a:MODULE:ATTEMPT:QUESTION:OPTION).</summary>
    public static QuizQuestion Question(this BotEvent question)
    {
        var parts = question.AnswerButtons()[0].Data!.Split(':');
        return Catalog.Value.Find(parts[2])!.Items[int.Parse(parts[4], System.Globalization.CultureInfo.InvariantCulture)];
    }

    public static int Right(this BotEvent question) => question.Question().Correct!.Value;

    public static int Wrong(this BotEvent question) => (question.Right() + 1) % question.AnswerButtons().Count;

    /// <summary>
    /// Answers <paramref name="count"/> questions starting at <paramref name="question"/>; <paramref name="choose"/>
    /// gets the question's index and the question. Returns the question after the last one answered, or the closing message.
    /// </summary>
    public static async Task<BotEvent> AnswerAsync(this FakeUser user, BotEvent question, int count, Func<int, BotEvent, int> choose)
    {
        var current = question;
        for (var i = 0; i < count; i++)
        {
            user.Vote(current, choose(i, current));
            current = await user.ExpectAsync(e => IsQuestion(e) || e.Text?.StartsWith("🏁", StringComparison.Ordinal) == true);
        }

        return current;
    }

    private static readonly Lazy<QuizCatalog> Catalog = new(ShippedCatalog);

    public static QuizCatalog ShippedCatalog() => QuizCatalog.Load(Path.Combine(AppContext.BaseDirectory, "data", "quizzes"));

    /// <summary>Makes the person a coordinator of the village they joined.</summary>
    public static void MakeCoordinator(BotHost host, FakeUser user)
    {
        var resident = host.Db.Residents.FindById(user.Id)!;
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
