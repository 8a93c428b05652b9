using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;
using VillageBot.Tests.Reports.Classification;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>
/// Two instances of the bot (each with a data directory of its own) on one PostgreSQL database: what one signed the
/// other accepts, and the models one trained the other loads instead of training its own.
/// </summary>
public sealed class SharedStateTests(PostgreSqlCluster cluster) : BotTest, IClassFixture<PostgreSqlCluster>
{
    private const string Purpose = "SharedStateTests";

    private readonly string _database = cluster.NewDatabase();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _database,
    };

    [Fact]
    public async Task A_web_session_opened_on_one_instance_is_valid_on_the_other()
    {
        var link = await Admin().WebLinkAsync();
        var signIn = await Host.HtmlClient().SubmitAsync(WebTestKit.PathOf(link), []);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AdminWebFeature.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];
        var payload = Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("kalsnava");

        await WithSecondAsync(async second =>
        {
            using var browser = second.HtmlClient();
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/web/reports")).StatusCode);
            browser.DefaultRequestHeaders.Add("Cookie", session);
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/web/reports")).StatusCode);
            Assert.Equal("kalsnava", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Unprotect(payload));
            Assert.False(Directory.Exists(Path.Combine(second.DataDirectory, "keys")));
        });
    }

    [Fact]
    public async Task An_instance_loads_the_models_the_other_trained_instead_of_training_its_own()
    {
        var classifier = Host.Services.GetRequiredService<ProblemClassifier>();
        classifier.EnsureReady();
        var saved = (Classifier: SavedInfo("classifier.zip"), Intent: SavedInfo("intent.zip"));

        await WithSecondAsync(second =>
        {
            var other = second.Services.GetRequiredService<ProblemClassifier>();
            other.EnsureReady();

            // Training hands every host of the test process the same model object (ModelStore keeps them by their
            // training data), and would save it anew; a model read from the database is an object of its own.
            Assert.NotSame(classifier.Current, other.Current);
            Assert.Equal(saved, (SavedInfo("classifier.zip"), SavedInfo("intent.zip")));
            Assert.Equal("transport", other.Classify("Uz ceļa pie skolas ir milzīgas bedres").Category);
            Assert.Empty(Directory.GetFiles(second.DataDirectory, "*.zip"));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_model_retrained_by_one_instance_is_the_one_the_other_loads_next()
    {
        const string text = "Pie veikala stāvlaukumā vakaros pulcējas jaunieši ar mašīnām un skaļu mūziku";
        var classifier = Host.Services.GetRequiredService<IProblemClassifier>();
        var before = classifier.Classify(text).Category;
        var target = before == "safety" ? "community" : "safety";
        ClassifierHostTests.StoreRelabel(Host, text, before, target);

        classifier.Retrain();
        var retrained = SavedInfo("classifier.zip");

        await WithSecondAsync(second =>
        {
            Assert.Equal(target, second.Services.GetRequiredService<IProblemClassifier>().Classify(text).Category);
            Assert.Equal(retrained, SavedInfo("classifier.zip"));
            return Task.CompletedTask;
        });
    }

    /// <summary>A second instance on the same database, stopped and its data directory deleted afterwards.</summary>
    private async Task WithSecondAsync(Func<BotHost, Task> test)
    {
        var second = await BotHost.StartAsync(null, settings: Settings);
        try
        {
            Assert.NotEqual(Host.DataDirectory, second.DataDirectory);
            await test(second);
        }
        finally
        {
            await second.DisposeAsync();
            second.DeleteStorage();
        }
    }

    /// <summary>What the database holds about a saved model: what it was trained from, and when.</summary>
    private string SavedInfo(string name) =>
        Assert.IsType<StoredModel>(Host.Db.Collection<StoredModel>(ModelDocuments.CollectionName).FindById(name)).Info;
}
