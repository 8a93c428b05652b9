using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using VillageBot.Cli;
using VillageBot.Conversation;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.Questions;

/// <summary>
/// <c>ask "question" [--lang lv] [--explain]</c>, <c>ask --input FILE</c> (JSON lines in and out) and <c>eval-qa [--set dev|test|authored] [--file F] [--with-ai] [--failures]</c>.
/// Answers go to standard output; logs go to standard error.
/// </summary>
public static class QuestionsCli
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Argument<string?> Question = new("question") { Description = "The question, in quotes", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string> Lang = new Option<string>("--lang") { Description = "The question's language", DefaultValueFactory = _ => Languages.Default }.AcceptOnlyFromAmong([.. Languages.All]);
    private static readonly Option<bool> Explain = new("--explain") { Description = "Also write on standard error how the passages were found" };
    private static readonly Option<string?> Input = new("--input") { Description = "A file of JSON lines {\"q\", \"lang\"} to answer, one answer line each; - reads standard input", HelpName = "FILE" };
    private static readonly Option<string> Set = new Option<string>("--set") { Description = "The questions to run", DefaultValueFactory = _ => "authored" }.AcceptOnlyFromAmong([.. QaEvaluation.Sets]);
    private static readonly Option<string?> QuestionsFile = new("--file") { Description = "Run the questions of this file instead", HelpName = "FILE" };
    private static readonly Option<bool> WithAi = new("--with-ai") { Description = "Answer with the configured AI service (without it, retrieval only)" };
    private static readonly Option<bool> Failures = new("--failures") { Description = "List the failures (never for the test set)" };
    private static readonly Option<string?> Calibrate = new("--calibrate") { Description = "Write the relevance decision's features per question to this file (not for the test set)", HelpName = "FEATURES-FILE" };

    public static Command Ask(CliIO io)
    {
        var command = new CliCommand("ask", "Answers a question from the knowledge base, with its sources", "Usage: ask \"question\" [--lang lv|en|ru] [--explain]   or   ask --input FILE (JSON lines {\"q\": \"…\", \"lang\": \"lv\"}; - reads standard input)")
        {
            Question, Lang, Explain, Input,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(Input) is null && string.IsNullOrWhiteSpace(r.GetValue(Question)))
            {
                r.AddError("Give a question or --input FILE.");
            }
        });
        command.SetAction((parsed, _) => Guarded(() => AskAsync(parsed, io), io.Error));
        return command;
    }

    public static Command Evaluate(CliIO io)
    {
        var command = new CliCommand("eval-qa", "Scores the answers on a set of evaluation questions", "Usage: eval-qa [--set dev|test|authored] [--file FILE] [--with-ai] [--failures] [--calibrate FEATURES-FILE]")
        {
            Set, QuestionsFile, WithAi, Failures, Calibrate,
        };
        command.SetAction((parsed, _) => Guarded(() => EvaluateAsync(parsed, io), io.Error));
        return command;
    }

    public static Task<int> AskAsync(string[] args, TextWriter output, TextWriter errors, IDictionary<string, string?>? settings = null) =>
        CommandLine.RunAsync(Ask, args, With(output, errors, settings));

    public static Task<int> EvaluateAsync(string[] args, TextWriter output, TextWriter errors, IDictionary<string, string?>? settings = null) =>
        CommandLine.RunAsync(Evaluate, args, With(output, errors, settings));

    private static CliIO With(TextWriter output, TextWriter errors, IDictionary<string, string?>? settings) =>
        new(TextReader.Null, output, errors, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()));

    /// <summary>Missing files, a broken article and bad settings end the command with their message, not a stack trace.</summary>
    public static async Task<int> Guarded(Func<Task<int>> run, TextWriter errors)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is IOException or KnowledgeFormatException or OptionsValidationException or JsonException)
        {
            await errors.WriteLineAsync(e.Message);
            return 2;
        }
    }

    private static async Task<int> AskAsync(ParseResult parsed, CliIO io)
    {
        var (output, errors) = (io.Output, io.Error);
        var lang = parsed.GetValue(Lang)!;
        var input = parsed.GetValue(Input);
        var question = parsed.GetValue(Question);
        await using var services = QuestionsFeature.BuildStandalone(new Dictionary<string, string?>(io.Settings));
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        if (input is null)
        {
            if (parsed.GetValue(Explain))
            {
                foreach (var line in services.GetRequiredService<KnowledgeIndex>().Explain(question!, lang))
                {
                    await errors.WriteLineAsync(line);
                }
            }

            var answer = await answerer.AnswerAsync(question!, lang);
            await output.WriteLineAsync(answer.Text);
            if (answer.Sources.Count > 0)
            {
                await output.WriteLineAsync();
                await output.WriteLineAsync(services.GetRequiredService<Texts>().Get(lang, "questions.sources"));
                foreach (var s in answer.Sources)
                {
                    await output.WriteLineAsync($"- {s.Title} ({s.Citation})");
                }
            }

            return answer.Answered ? 0 : 1;
        }

        return await AnswerLinesAsync(answerer, input, io.Input, output, errors);
    }

    private static async Task<int> EvaluateAsync(ParseResult parsed, CliIO io)
    {
        var output = io.Output;
        var all = new Dictionary<string, string?>(io.Settings);
        if (!parsed.GetValue(WithAi))
        {
            all["Ai:Provider"] = "None";
        }

        var set = parsed.GetValue(Set)!;
        var file = parsed.GetValue(QuestionsFile);
        await using var services = QuestionsFeature.BuildStandalone(all);
        var dataPath = services.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedDataPath;
        var questions = file is null ? QaEvaluation.LoadSet(dataPath, set) : QaEvaluation.Load(file);
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        if (parsed.GetValue(Calibrate) is { } calibration && set != "test")
        {
            await WriteRelevanceFeaturesAsync(services.GetRequiredService<KnowledgeIndex>(), questions, calibration);
        }

        var report = await QaEvaluation.RunAsync(answerer, questions);

        var inv = CultureInfo.InvariantCulture;
        var answerable = questions.Where(q => !q.OffTopic).ToList();
        var byLang = string.Join(", ", answerable.GroupBy(q => q.Lang).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        await output.WriteLineAsync($"Set: {file ?? set}; {answerable.Count} questions ({byLang}) and {report.OffTopicCount} off-topic; answers by {(answerer.UsesAi ? "the AI service" : "retrieval (no AI service)")}");
        await output.WriteLineAsync(string.Create(inv, $"Pass rate: {report.Outcomes.Count(o => o.Passed && !o.Question.OffTopic)}/{answerable.Count} = {report.PassRate:P1}"));
        foreach (var lang in Languages.All.Where(l => answerable.Any(q => q.Lang == l)))
        {
            await output.WriteLineAsync(string.Create(inv, $"  {lang}: {report.PassRateFor(lang):P1}"));
        }

        await output.WriteLineAsync(string.Create(inv, $"Wrong article: {report.WrongArticleRate:P1}; not answered: {report.NotAnsweredRate:P1}"));
        await output.WriteLineAsync(string.Create(inv, $"Off-topic answered: {report.Outcomes.Count(o => o.Question.OffTopic && o.Answer.Answered)}/{report.OffTopicCount} = {report.OffTopicAnsweredRate:P1}"));
        await output.WriteLineAsync(string.Create(inv, $"Answer time: p50 {report.P50.TotalMilliseconds:F2} ms, p95 {report.P95.TotalMilliseconds:F2} ms"));

        // The test split is scored, never read: its failures are not listed.
        var failures = report.Outcomes.Where(o => !o.Passed).ToList();
        if (failures.Count > 0 && (set != "test" || file is not null) && (set == "authored" || parsed.GetValue(Failures)))
        {
            await output.WriteLineAsync("Failures:");
            foreach (var f in failures)
            {
                var shown = f.Answer.Text.Replace('\n', ' ');
                await output.WriteLineAsync($"- [{f.Question.Lang}] {f.Question.Text} ({string.Join(", ", f.Question.Articles)}): {f.Problem}");
                await output.WriteLineAsync($"    answer: {(shown.Length > 200 ? shown[..200] + "…" : shown)}");
                await output.WriteLineAsync($"    sources: {string.Join("; ", f.Answer.Sources.Select(s => $"{s.Title} [{s.Id}]"))}");
            }
        }

        return report.PassRate >= 0.85 && report.WrongArticleRate <= 0.05 && report.OffTopicAnsweredRate <= 0.05 ? 0 : 1;
    }

    /// <summary>
    /// For fitting the relevance decision: per question and language searched, whether the best passage's article
    /// is one of the expected ones (1) or not (0), the decision's features, then what its fixed gates say.
    /// </summary>
    private static async Task WriteRelevanceFeaturesAsync(KnowledgeIndex index, IReadOnlyList<QaCase> questions, string file)
    {
        await using var writer = new StreamWriter(file);
        var none = new RelevanceFeatures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var q in questions)
        {
            // A question no language finds anything for still counts, as never answered.
            var written = false;
            foreach (var (lang, result) in index.Searches(q.Text, q.Lang))
            {
                if (RelevanceDecision.Features(result) is { } features)
                {
                    var right = q.Articles.Contains(result.Best!.Passage.Article.Id) ? 1 : 0;
                    // The gates: 0 never answered, 1 up to the model, 2 answered whatever the model says.
                    var gate = !RelevanceDecision.PassesGates(result, features) ? 0 : RelevanceDecision.AcceptedWithoutModel(result, features) ? 2 : 1;
                    await writer.WriteLineAsync($"{right} {features} {gate} {q.Id} {lang}");
                    written = true;
                }
            }

            if (!written)
            {
                await writer.WriteLineAsync($"0 {none} 0 {q.Id} {q.Lang}");
            }
        }
    }

    private static async Task<int> AnswerLinesAsync(QuestionAnswerer answerer, string input, TextReader stdin, TextWriter output, TextWriter errors)
    {
        using var reader = input == "-" ? stdin : new StreamReader(input);
        var bad = 0;
        var number = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            AskLine? ask;
            try
            {
                ask = JsonSerializer.Deserialize<AskLine>(line);
            }
            catch (JsonException)
            {
                ask = null;
            }

            var lang = ask?.Lang ?? Languages.Default;
            if (ask is null || string.IsNullOrWhiteSpace(ask.Q) || !Languages.IsSupported(lang))
            {
                await errors.WriteLineAsync($"{input}:{number}: expected {{\"q\": \"question\", \"lang\": \"lv|en|ru\"}}");
                bad++;
                continue;
            }

            var answer = await answerer.AnswerAsync(ask.Q, lang);
            await output.WriteLineAsync(JsonSerializer.Serialize(new AnswerLine(ask.Q, lang, answer.Answered, answer.Text, [.. answer.Sources.Select(s => new SourceLine(s.Id, s.Title, s.Lang))]), Json));
        }

        return bad == 0 ? 0 : 1;
    }

    private sealed record AskLine([property: JsonPropertyName("q")] string? Q, [property: JsonPropertyName("lang")] string? Lang);

    private sealed record AnswerLine(
        [property: JsonPropertyName("q")] string Q,
        [property: JsonPropertyName("lang")] string Lang,
        [property: JsonPropertyName("answered")] bool Answered,
        [property: JsonPropertyName("answer")] string Answer,
        [property: JsonPropertyName("sources")] List<SourceLine> Sources);

    private sealed record SourceLine(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title,
        [property: JsonPropertyName("lang")] string Lang);
}
