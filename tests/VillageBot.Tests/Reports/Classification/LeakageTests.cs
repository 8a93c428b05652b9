using VillageBot.Infrastructure.Text;
using System.Text.Json;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Features.FreeText;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>
/// No evaluation text may have a near-copy among the texts the bot learns from. Training texts: the problem reports
/// (data/problems/*.jsonl and the classifier's dev halves in data/problems/dev-halves), the intent examples (data/intent/**/*.jsonl), the relevance decision's own questions (data/relevance/*.jsonl) and the ways residents ask that articles
/// carry (every phrase of the <c>&lt;!-- ask: … --&gt;</c> lines in data/knowledge). Evaluation texts: every file under data/eval (authored questions, the blind
/// dev and test splits) and the classifier's held-out set; a model's copies of the dev halves it learns from
/// (data/intent/*.dev-halves.jsonl, data/problems/dev-halves) are not checked against those dev halves. A pair is a near-copy when the sets of their folded words
/// overlap by a Jaccard index of 0.6 or more, so a changed full stop, case, diacritic or a word or two do not hide a copy.
/// A failure names only the training line to remove, never the evaluation text.
/// </summary>
public sealed class LeakageTests
{
    /// <summary>Word-set Jaccard index from which two texts count as copies.</summary>
    private const double NearCopy = 0.6;

    /// <summary>"Sveiki!" or "paldies" can only be written a few ways; texts this short are no evidence of a copy.</summary>
    private const int MinimumWords = 3;

    private static string DataPath => ClassifierFixture.DataPath;

    [Fact]
    public void No_evaluation_text_has_a_near_copy_in_the_training_texts()
    {
        var training = TrainingTexts().ToList();
        var evaluation = EvaluationTexts().ToList();
        Assert.NotEmpty(training);
        Assert.Contains(evaluation, e => e.File.EndsWith("problems.dev.jsonl", StringComparison.Ordinal));
        Assert.Contains(evaluation, e => e.File.EndsWith("problems.test.jsonl", StringComparison.Ordinal));

        // A model's own dev halves are training texts for that model alone: its copies of them are checked against every
        // evaluation text but those dev halves; every other training text is checked against every evaluation text.
        var intentLearnt = IntentTrainingSet.DevHalvesInTraining(DataPath);
        var classifierLearnt = ProblemTrainingSet.DevHalvesInTraining(DataPath);
        var intentDevHalves = training.Where(t => t.File.StartsWith("intent/", StringComparison.Ordinal) && t.File.EndsWith(".dev-halves.jsonl", StringComparison.Ordinal)).ToList();
        var classifierDevHalves = training.Where(t => t.File.StartsWith("problems/dev-halves/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(intentDevHalves);
        Assert.NotEmpty(classifierDevHalves);
        var leaks = NearCopies([.. training.Except(intentDevHalves).Except(classifierDevHalves)], evaluation)
            .Concat(NearCopies(intentDevHalves, [.. evaluation.Where(e => !IsDevHalfOf(e.File, intentLearnt))]))
            .Concat(NearCopies(classifierDevHalves, [.. evaluation.Where(e => !(IsDevHalfOf(e.File, classifierLearnt) && e.File.EndsWith("/problems.dev.jsonl", StringComparison.Ordinal)))]))
            .Select(pair => $"{pair.Training.File}:{pair.Training.Line}{(pair.Training.Phrase > 0 ? $" (ask phrase {pair.Training.Phrase})" : "")} is a near-copy of a text in {pair.Evaluation.File}")
            .Distinct()
            .ToList();

        Assert.True(leaks.Count == 0, $"{leaks.Count} training lines to remove or rewrite:\n" + string.Join('\n', leaks));
    }

    [Fact]
    public void Every_dev_half_copy_comes_from_a_listed_batch_and_no_listed_batch_is_missing()
    {
        static HashSet<string> Texts(IEnumerable<string> files) =>
            files.Where(File.Exists).SelectMany(File.ReadLines).Where(l => !string.IsNullOrWhiteSpace(l))
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToHashSet(StringComparer.Ordinal);

        var intentLearnt = IntentTrainingSet.DevHalvesInTraining(DataPath);
        var intentSources = Texts(intentLearnt.SelectMany(b => new[] { "problems", "questions", "offtopic", "chitchat" }.Select(k => Path.Combine(DataPath, "eval", b, $"{k}.dev.jsonl"))));
        var intentCopies = Texts(Directory.EnumerateFiles(IntentTrainingSet.Directory(DataPath), "*.dev-halves.jsonl"));
        var classifierLearnt = ProblemTrainingSet.DevHalvesInTraining(DataPath);
        var classifierSources = Texts(classifierLearnt.Select(b => Path.Combine(DataPath, "eval", b, "problems.dev.jsonl")));
        var classifierCopies = Texts(Directory.EnumerateFiles(ProblemTrainingSet.DevHalvesDirectory(DataPath), "*.jsonl"));

        // Rerun scripts/from-dev-halves.py after changing a list: a batch taken off a list would otherwise still train.
        Assert.Empty(intentCopies.Except(intentSources));
        Assert.Empty(classifierCopies.Except(classifierSources));

        // Most of each listed batch's dev half is there (near-copies of evaluation texts are left out): none was forgotten.
        foreach (var batch in intentLearnt)
        {
            var own = Texts(new[] { "problems", "questions", "offtopic", "chitchat" }.Select(k => Path.Combine(DataPath, "eval", batch, $"{k}.dev.jsonl")));
            Assert.True(own.Count(intentCopies.Contains) >= own.Count / 3, $"{batch}: few of its dev texts train the intent model");
        }

        foreach (var batch in classifierLearnt)
        {
            var own = Texts([Path.Combine(DataPath, "eval", batch, "problems.dev.jsonl")]);
            Assert.True(own.Count(classifierCopies.Contains) >= own.Count / 2, $"{batch}: few of its dev reports train the classifier");
        }
    }

    [Fact]
    public void The_problem_reports_have_no_near_copy_of_an_authored_question()
    {
        // The classifier's dev halves are blind reports themselves, checked by the test above.
        var problems = TrainingTexts().Where(t => t.File.StartsWith("problems/", StringComparison.Ordinal) && !t.File.StartsWith("problems/dev-halves/", StringComparison.Ordinal)).ToList();
        var authored = EvaluationTexts().Where(e => !e.File.StartsWith("eval/blind/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(authored);

        Assert.Empty(NearCopies(problems, authored).Select(p => $"{p.Training.File}:{p.Training.Line}"));
    }

    [Fact]
    public void Every_ask_phrase_of_an_article_is_checked_as_a_training_text()
    {
        var file = Path.Combine(Path.GetTempPath(), "villagebot-ask-" + Guid.NewGuid().ToString("N") + ".md");
        File.WriteAllLines(file, ["## Biedrība", "<!-- ask: kā nodibināt biedrību | biedrības dibināšana soli pa solim -->", "Teksts."]);
        try
        {
            var phrases = ArticlePhrasings(file).ToList();
            Assert.Equal([(2, 1), (2, 2)], phrases.Select(p => (p.Line, p.Phrase)));
            Assert.Single(NearCopies(phrases, [new Text("eval", 1, WordSet("Biedrības dibināšana: soli pa solim"))]));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_changed_word_or_full_stop_does_not_hide_a_copy()
    {
        Text Of(string text) => new("a", 1, WordSet(text));
        var training = new List<Text> { Of("Ceļš uz skolu ir pilns ar bedrēm, katru dienu lauzām riteņus.") };

        Assert.Single(NearCopies(training, [Of("cels uz skolu ir pilns ar bedrem katru dienu lauzam riteņus")]));
        Assert.Single(NearCopies(training, [Of("Ceļš uz skolu ir pilns ar bedrēm, katru dienu plīst riepas.")]));
        Assert.Empty(NearCopies(training, [Of("Uz skolu ved ceļš, kurā bedres plēš riepas.")]));
        Assert.Empty(NearCopies(training, [Of("ceļš!")]));
    }

    private static IEnumerable<(Text Training, Text Evaluation)> NearCopies(IReadOnlyList<Text> training, IReadOnlyList<Text> evaluation)
    {
        // An index from word to training texts, so that only pairs sharing a word are compared.
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < training.Count; i++)
        {
            foreach (var word in training[i].Words)
            {
                (byWord.TryGetValue(word, out var list) ? list : byWord[word] = []).Add(i);
            }
        }

        foreach (var e in evaluation.Where(e => e.Words.Count >= MinimumWords))
        {
            var shared = new Dictionary<int, int>();
            foreach (var word in e.Words)
            {
                foreach (var i in byWord.GetValueOrDefault(word) ?? [])
                {
                    shared[i] = shared.GetValueOrDefault(i) + 1;
                }
            }

            foreach (var (i, count) in shared)
            {
                if (count / (double)(e.Words.Count + training[i].Words.Count - count) >= NearCopy)
                {
                    yield return (training[i], e);
                }
            }
        }
    }

    private static IEnumerable<Text> TrainingTexts()
    {
        var devHalves = ProblemTrainingSet.DevHalvesDirectory(DataPath);
        var problemFiles = Directory.EnumerateFiles(Path.Combine(DataPath, "problems"), "*.jsonl")
            .Concat(Directory.Exists(devHalves) ? Directory.EnumerateFiles(devHalves, "*.jsonl") : []);
        foreach (var file in problemFiles)
        {
            foreach (var text in JsonLines(file))
            {
                yield return text;
            }
        }

        foreach (var folder in new[] { "intent", "relevance" }.Select(f => Path.Combine(DataPath, f)).Where(Directory.Exists))
        {
            foreach (var text in Directory.EnumerateFiles(folder, "*.jsonl", SearchOption.AllDirectories).SelectMany(JsonLines))
            {
                yield return text;
            }
        }

        foreach (var file in Directory.EnumerateFiles(Path.Combine(DataPath, "knowledge"), "*.md", SearchOption.AllDirectories))
        {
            foreach (var text in ArticlePhrasings(file))
            {
                yield return text;
            }
        }
    }

    /// <summary>A dev half of one of the batches (data/eval/BATCH/*.dev.jsonl).</summary>
    private static bool IsDevHalfOf(string file, IReadOnlySet<string> batches) =>
        file.EndsWith(".dev.jsonl", StringComparison.Ordinal) && batches.Contains(Path.GetFileName(Path.GetDirectoryName(file))!);

    private static IEnumerable<Text> EvaluationTexts()
    {
        var files = Directory.EnumerateFiles(Path.Combine(DataPath, "eval"), "*.jsonl", SearchOption.AllDirectories)
            .Concat(ProblemTrainingSet.HeldOutFiles(DataPath))
            .Where(File.Exists)
            .Select(Path.GetFullPath)
            .Distinct();
        return files.SelectMany(JsonLines);
    }

    /// <summary>The "text" (or, for questions, "q") of every JSON line, with its file and line number.</summary>
    private static IEnumerable<Text> JsonLines(string path)
    {
        var line = 0;
        foreach (var json in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var text = root.TryGetProperty("text", out var t) ? t.GetString() : root.TryGetProperty("q", out var q) ? q.GetString() : null;
            if (!string.IsNullOrWhiteSpace(text))
            {
                yield return new Text(Relative(path), line, WordSet(text));
            }
        }
    }

    /// <summary>Each phrase of an article's <c>&lt;!-- ask: a | b --&gt;</c> lines, read as the knowledge base reads them.</summary>
    private static IEnumerable<Text> ArticlePhrasings(string path) =>
        File.ReadLines(path).SelectMany((line, i) => (KnowledgeBase.AskPhrases(line) ?? []).Select((phrase, k) => new Text(Relative(path), i + 1, WordSet(phrase), k + 1)));

    private static IReadOnlySet<string> WordSet(string text) => Folding.Words(Folding.Fold(text)).ToHashSet(StringComparer.Ordinal);

    private static string Relative(string path) => Path.GetRelativePath(DataPath, path).Replace('\\', '/');

    /// <summary>A text with where it is; <see cref="Phrase"/> numbers an ask phrase within its line (from 1).</summary>
    private sealed record Text(string File, int Line, IReadOnlySet<string> Words, int Phrase = 0);
}
