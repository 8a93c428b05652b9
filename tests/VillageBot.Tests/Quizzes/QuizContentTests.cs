using System.Text.Json.Nodes;
using VillageBot.Conversation;
using VillageBot.Features.Quizzes;
using VillageBot.Infrastructure.Localization;
using VillageBot.TestKit;

namespace VillageBot.Tests.Quizzes;

public sealed class QuizContentTests
{
    [Fact]
    public void Shipped_modules_cover_the_four_phases_with_at_least_eight_modules_and_eighty_questions()
    {
        var catalog = QuizSteps.ShippedCatalog();
        Assert.True(catalog.Modules.Count >= 8, $"{catalog.Modules.Count} modules");
        Assert.True(catalog.QuestionCount >= 80, $"{catalog.QuestionCount} questions");
        Assert.All(QuizPhases.All, phase => Assert.Contains(catalog.Modules, m => m.Phase == phase));
        Assert.Contains(catalog.Modules, m => m is { Phase: QuizPhases.Assess, IsAssessment: true, Audience: "residents" });
        Assert.Contains(catalog.Modules, m => m is { Phase: QuizPhases.Assess, IsAssessment: true, Audience: "leaders" });
        var reassessment = Assert.Single(catalog.Modules, m => m.Phase == QuizPhases.Evaluate);
        Assert.Equal("assess-residents", reassessment.CompareWith);
    }

    [Fact]
    public void Every_topic_and_phase_has_a_label_in_every_language()
    {
        var texts = new Texts();
        foreach (var key in QuizTopics.All.Select(QuizTopics.LabelKey).Concat(QuizPhases.All.Select(QuizPhases.LabelKey)))
        {
            Assert.True(texts.Has(key), key);
            Assert.All(Languages.All, lang => Assert.False(string.IsNullOrWhiteSpace(texts.Get(lang, key))));
        }
    }

    public static TheoryData<string, Action<JsonObject>, string> Mistakes => new()
    {
        { "a missing Russian question text", m => Q(m, 1)["text"]!.AsObject().Remove("ru"), "question q02 text: no 'ru' text" },
        { "a right answer out of range", m => Q(m, 6)["correct"] = 7, "question q07: 'correct' is 7 but the options are numbered 0 to 3" },
        { "no right answer in a quiz", m => Q(m, 0)["correct"] = null, "question q01: 'correct' is missing" },
        { "an unknown topic", m => Q(m, 2)["topic"] = "weather", "question q03: topic 'weather' is not one of" },
        { "a single option", m => Q(m, 3)["options"] = new JsonArray(QuizDataFolder.Text("Jā")), "question q04: has 1 options; it needs 2 to 10" },
        { "eleven options", m => Q(m, 3)["options"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => (JsonNode)QuizDataFolder.Text("o" + i))]), "question q04: has 11 options" },
        { "a long explanation", m => Q(m, 4)["explanation"]!["en"] = new string('x', 201), "question q05 explanation: the 'en' text has 201 characters; at most 200" },
        { "an empty option", m => Q(m, 5)["options"]![2]!["lv"] = " ", "question q06 option 3: no 'lv' text" },
        { "a question id used twice", m => Q(m, 8)["id"] = "q01", "question q01: the id is used twice" },
        { "an unknown phase", m => m["phase"] = "celebrate", "phase 'celebrate' is not one of" },
        { "a title without English", m => m["title"]!.AsObject().Remove("en"), "title: no 'en' text" },
        { "no source", m => Q(m, 9)["source"] = "", "question q10: has no source" },
        { "an id that does not match the file", m => m["id"] = "other-module", "the file name must be NN-other-module.json" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void A_mistake_in_a_quiz_file_is_reported_with_the_file_and_the_problem(string mistake, Action<JsonObject> spoil, string expected)
    {
        using var data = new QuizDataFolder();
        var module = QuizDataFolder.Shipped("03-smart-village-basics.json");
        spoil(module);
        data.With("03-smart-village-basics.json", module);

        var e = Assert.Throws<QuizContentException>(() => QuizCatalog.Load(data.Quizzes));
        Assert.Contains("03-smart-village-basics.json: ", e.Message);
        Assert.True(e.Problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), $"{mistake}: expected '{expected}' in:\n{e.Message}");
    }

    [Fact]
    public void Broken_json_is_reported_with_its_line()
    {
        using var data = new QuizDataFolder();
        data.WithText("05-partnerships.json", "{\n  \"id\": \"partnerships\",\n  \"phase\": \"develop\"\n  \"kind\": \"quiz\"\n}");
        var e = Assert.Throws<QuizContentException>(() => QuizCatalog.Load(data.Quizzes));
        Assert.Contains("05-partnerships.json: not valid quiz JSON at line 4", e.Message);
    }

    [Fact]
    public void An_assessment_must_have_four_confidence_options_and_no_right_answer()
    {
        using var data = new QuizDataFolder();
        var module = QuizDataFolder.Shipped("01-assess-residents.json");
        Q(module, 0)["correct"] = 1;
        Q(module, 1)["options"]!.AsArray().RemoveAt(3);
        data.With("01-assess-residents.json", module);
        var e = Assert.Throws<QuizContentException>(() => QuizCatalog.Load(data.Quizzes));
        Assert.Contains("01-assess-residents.json: question q01: an assessment has no right answer; 'correct' must be null", e.Problems);
        Assert.Contains("01-assess-residents.json: question q02: assessment statements have the 4 confidence options (0–3), not 3", e.Problems);
    }

    [Fact]
    public void A_reassessment_must_compare_with_an_existing_assessment_of_the_same_topics()
    {
        using var data = new QuizDataFolder();
        var baseline = QuizDataFolder.Shipped("01-assess-residents.json");
        Q(baseline, 0)["topic"] = "project-writing";
        data.With("01-assess-residents.json", baseline);
        data.With("10-evaluate-residents.json", QuizDataFolder.Shipped("10-evaluate-residents.json"));
        var e = Assert.Throws<QuizContentException>(() => QuizCatalog.Load(data.Quizzes));
        Assert.Contains(e.Problems, p => p.StartsWith("10-evaluate-residents.json: compareWith 'assess-residents' covers other topics", StringComparison.Ordinal));

        File.Delete(Path.Combine(data.Quizzes, "01-assess-residents.json"));
        e = Assert.Throws<QuizContentException>(() => QuizCatalog.Load(data.Quizzes));
        Assert.Contains("10-evaluate-residents.json: compareWith 'assess-residents' is not the id of another module", e.Problems);
    }

    [Fact]
    public void The_same_module_id_in_two_files_is_reported_with_both_files_and_every_problem_at_once()
    {
        using var data = new QuizDataFolder();
        data.With("05-partnerships.json", QuizDataFolder.Shipped("05-partnerships.json"));
        data.With("06-partnerships.json", QuizDataFolder.Shipped("05-partnerships.json"));
        var broken = QuizDataFolder.Shipped("07-community-meeting.json");
        Q(broken, 0)["correct"] = -1;
        data.With("07-community-meeting.json", broken);
        var e = Assert.Throws<QuizContentException>(() => QuizCatalog.Load(data.Quizzes));
        Assert.Contains("05-partnerships.json, 06-partnerships.json: the module id 'partnerships' is used by more than one file", e.Problems);
        Assert.Contains(e.Problems, p => p.StartsWith("07-community-meeting.json: question q01: 'correct' is -1", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_without_quizzes_loads_as_an_empty_catalog()
    {
        var catalog = QuizCatalog.Load(Path.Combine(BotHost.NewDataDirectory(), "quizzes"));
        Assert.Empty(catalog.Modules);
    }

    private static JsonObject Q(JsonObject module, int index) => module["questions"]![index]!.AsObject();
}

public sealed class QuizWordingTests
{
    /// <summary>Residents never saw the seed talk, and the bot never shows module numbers.</summary>
    private static readonly System.Text.RegularExpressions.Regex Unseen = new(
        @"\bpresentation|prezentācij|презентац|доклад|\bthe talk\b|talk's|\bslides?\b|slaid|слайд|runātāj|speaker|\b(modu\w*|модул\w*)\s+\d",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    [Fact]
    public void No_quiz_text_in_any_language_mentions_a_presentation_or_a_module_number()
    {
        var found = new List<string>();
        foreach (var m in QuizSteps.ShippedCatalog().Modules)
        {
            foreach (var lang in Languages.All)
            {
                var texts = new[] { m.TitleIn(lang), m.DescriptionIn(lang) }
                    .Concat(m.Items.SelectMany(q => q.OptionsIn(lang).Append(q.TextIn(lang)).Append(q.ExplanationIn(lang))));
                found.AddRange(texts.Where(t => Unseen.IsMatch(t)).Select(t => $"{m.FileName} ({lang}): {t}"));
            }
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Fact]
    public void The_right_option_is_not_more_often_the_longest_or_at_one_place_than_chance_allows()
    {
        var catalog = QuizSteps.ShippedCatalog();
        Assert.Empty(QuizValidator.AnswerPatterns(catalog.Modules));
        var questions = catalog.Modules.Where(m => !m.IsAssessment).SelectMany(m => m.Items).ToList();
        Assert.All(Languages.All, lang => Assert.True(
            questions.Count(q => q.OptionsIn(lang).Select(o => o.Length).Max() == q.OptionsIn(lang)[q.Correct!.Value].Length
                && q.OptionsIn(lang).Count(o => o.Length == q.OptionsIn(lang)[q.Correct!.Value].Length) == 1) <= 0.35 * questions.Count));
    }

    [Fact]
    public void A_set_where_the_right_option_is_mostly_the_longest_or_mostly_first_is_refused_at_start()
    {
        using var data = new QuizDataFolder();
        var questions = Enumerable.Range(0, QuizValidator.PatternMinimumQuestions)
            .Select(i => ($"Jautājums {i}?", new[] { "Pareizā un garākā atbilde", "Īsa", "Cita", "Vēl" }, 0))
            .ToArray();
        data.With("01-tells.json", QuizDataFolder.Module("tells", QuizPhases.Develop, questions));
        var e = Assert.Throws<QuizContentException>(() => QuizCatalog.Load(data.Quizzes));
        Assert.Contains("in 'lv' the right option is the longest in 100% of 30 quiz questions; at most 35%", e.Problems);
        Assert.Contains("option 1 is the right one in 100% of the quiz questions that have it; at most 35%", e.Problems);
    }
}
