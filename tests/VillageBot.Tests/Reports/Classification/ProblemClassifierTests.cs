using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.MachineLearning;

namespace VillageBot.Tests.Reports.Classification;

public sealed class ProblemClassifierTests(ClassifierFixture fixture) : IClassFixture<ClassifierFixture>
{
    private ProblemClassifier Classifier => fixture.Classifier;

    [Theory]
    [InlineData("Uz ceļa pie skolas ir milzīgas bedres, auto riteņi cieš", "transport")]
    [InlineData("uz cela pie skolas milzigas bedres, auto riteni cies", "transport")]
    [InlineData("Jau otro nedēļu nav interneta, mobilais signāls arī pazūd", "digital")]
    [InlineData("jau otro nedelu nav interneta, mobilais signals ari pazud", "digital")]
    [InlineData("Ģimenes ārsts pieņem tikai reizi nedēļā, aptieka slēgta", "services")]
    [InlineData("gimenes arsts pienem tikai reizi nedela, aptieka slegta", "services")]
    [InlineData("Vakaros ielas ir tumšas, neviena laterna nedeg un suņi klaiņo", "safety")]
    [InlineData("Upē izgāzti atkritumi un smird pēc kanalizācijas", "environment")]
    [InlineData("Atkal nav elektrības visā ciemā jau trešo reizi šomēnes", "energy")]
    [InlineData("The bus to town only runs twice a week now", "transport")]
    [InlineData("Our broadband is so slow we cannot even make a video call", "digital")]
    [InlineData("Nobody tells us when the council meets or what they decide", "governance")]
    [InlineData("The heating bill doubled this winter and the boiler keeps failing", "energy")]
    [InlineData("Young people have nothing to do, the community house is always closed", "community")]
    [InlineData("Мусор вывозят раз в месяц, контейнеры переполнены", "environment")]
    [InlineData("В деревне нет работы, молодежь уезжает в город", "economy")]
    [InlineData("На улице темно, фонари не горят уже месяц", "safety")]
    [InlineData("Автобус в город отменили, до поликлиники не добраться", "transport")]
    public void Known_reports_get_their_category(string text, string category)
    {
        var result = Classifier.Classify(text);

        Assert.Equal(category, result.Category);
        Assert.Equal(Categories.Pillar[category], result.Pillar);
    }

    [Theory]
    [InlineData("Ceļš uz skolu ir pilns ar bedrēm")]
    [InlineData("nav interneta")]
    [InlineData("labdien")]
    [InlineData("")]
    [InlineData("Фонари не горят")]
    public void Probabilities_cover_every_category_and_sum_to_one(string text)
    {
        var result = Classifier.Classify(text);

        Assert.Equal(Categories.All.Order(), result.Scores.Keys.Order());
        Assert.Equal(1.0, result.Scores.Values.Sum(), 6);
        Assert.All(result.Scores.Values, p => Assert.InRange(p, 0.0, 1.0));
        Assert.Equal(result.Scores.Values.Max(), result.Confidence, 9);
        Assert.Equal(result.Scores.MaxBy(s => s.Value).Key, result.Category);
    }

    [Fact]
    public void Unclear_text_is_marked_for_review_and_a_clear_report_is_not()
    {
        var unclear = Classifier.Classify("labdien, man ir jautājums");
        var clear = Classifier.Classify("Uz ceļa pie skolas ir milzīgas bedres, greideris nav bijis pusgadu");

        Assert.True(unclear.NeedsReview, $"confidence {unclear.Confidence}");
        Assert.False(clear.NeedsReview, $"confidence {clear.Confidence}");
    }

    [Fact]
    public void Review_threshold_comes_from_options()
    {
        var strict = ClassifierFixture.Create(fixture.DataDirectory, reviewThreshold: 1.0);
        var lenient = ClassifierFixture.Create(fixture.DataDirectory, reviewThreshold: 0.0);
        const string text = "Vakaros ielas ir tumšas, neviena laterna nedeg";

        Assert.True(strict.Classify(text).NeedsReview);
        Assert.False(lenient.Classify(text).NeedsReview);
    }

    [Fact]
    public void The_language_is_guessed_from_the_text()
    {
        Assert.Equal("lv", Classifier.Classify("pie mums nav interneta").Language);
        Assert.Equal("en", Classifier.Classify("there is no internet in our village").Language);
        Assert.Equal("ru", Classifier.Classify("у нас нет интернета").Language);
    }

    [Fact]
    public void A_batch_gives_the_same_answers_as_one_by_one()
    {
        string[] texts = ["Uz ceļa bedres", "nav interneta", "The bus no longer stops here", "Фонари не горят", "labdien"];

        var batch = Classifier.ClassifyBatch(texts);

        Assert.Equal(texts.Length, batch.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            var single = Classifier.Classify(texts[i]);
            Assert.Equal(single.Category, batch[i].Category);
            Assert.Equal(single.Confidence, batch[i].Confidence, 5);
        }
    }

    [Fact]
    public void Parallel_calls_give_the_same_answers_as_sequential_ones()
    {
        var texts = ProblemTrainingSet.Load(ClassifierFixture.DataPath, []).Files.Where((_, i) => i % 47 == 0).Select(e => e.Text).ToArray();
        var expected = texts.Select(t => Classifier.Classify(t)).ToArray();
        var results = new ClassificationResult[texts.Length * 20];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Classifier.Classify(texts[i % texts.Length]));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % texts.Length].Category, results[i].Category);
            Assert.Equal(expected[i % texts.Length].Confidence, results[i].Confidence, 9);
        }
    }

    [Fact]
    public void The_saved_model_is_loaded_instead_of_trained_again()
    {
        var modelFile = Classifier.ModelPath;
        var savedAt = File.GetLastWriteTimeUtc(modelFile);
        var info = File.ReadAllText(ModelFiles.InfoPath(modelFile));

        var reloaded = ClassifierFixture.Create(fixture.DataDirectory);
        var text = "Atkritumu konteineri pārpildīti, neviens neizved";

        Assert.Equal(Classifier.Classify(text).Scores, reloaded.Classify(text).Scores);
        Assert.Equal(savedAt, File.GetLastWriteTimeUtc(modelFile));
        Assert.Equal(info, File.ReadAllText(ModelFiles.InfoPath(modelFile)));
    }

    [Fact]
    public void A_model_saved_from_other_data_is_trained_again()
    {
        var directory = Path.Combine(fixture.DataDirectory, "stale");
        Directory.CreateDirectory(directory);
        File.Copy(Classifier.ModelPath, Path.Combine(directory, "classifier.zip"));
        File.WriteAllText(Path.Combine(directory, "classifier.json"), File.ReadAllText(ModelFiles.InfoPath(Classifier.ModelPath)).Replace("\"BaseFingerprint\": \"", "\"BaseFingerprint\": \"0", StringComparison.Ordinal));

        var classifier = ClassifierFixture.Create(directory);
        classifier.EnsureReady();

        Assert.Contains($"\"BaseFingerprint\": \"{ProblemTrainingSet.Load(ClassifierFixture.DataPath, []).BaseFingerprint(TrainingSettings.Default)}\"", File.ReadAllText(Path.Combine(directory, "classifier.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_model_file_is_replaced_by_a_new_one()
    {
        var directory = Path.Combine(fixture.DataDirectory, "damaged");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "classifier.zip"), "not a model");
        File.Copy(ModelFiles.InfoPath(Classifier.ModelPath), Path.Combine(directory, "classifier.json"));

        var result = ClassifierFixture.Create(directory).Classify("Uz ceļa pie skolas ir milzīgas bedres");

        Assert.Equal("transport", result.Category);
        Assert.True(new FileInfo(Path.Combine(directory, "classifier.zip")).Length > 1000);
    }

    [Fact]
    public void A_relabel_changes_the_prediction_after_retraining()
    {
        const string text = "Pie veikala stāvlaukumā vakaros pulcējas jaunieši ar mašīnām un skaļu mūziku";
        var directory = Path.Combine(fixture.DataDirectory, "relabel");
        var relabels = new ClassifierFixture.ListRelabels();
        var classifier = ClassifierFixture.Create(directory, relabels);
        var before = classifier.Classify(text).Category;
        var target = before == "safety" ? "community" : "safety";

        relabels.Items.Add((text, target));
        var summary = classifier.Retrain();

        Assert.Equal(1, summary.Relabels);
        Assert.Equal(target, classifier.Classify(text).Category);
        Assert.Equal(target, ClassifierFixture.Create(directory, relabels).Classify(text).Category);
    }
}
