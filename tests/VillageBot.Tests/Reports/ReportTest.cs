using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Features.Onboarding;
using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;
using VillageBot.TestKit;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Tests.Reports;

/// <summary>A bot with a predictable keyword classifier in place of the trained model, and helpers to report and triage.</summary>
public abstract partial class ReportTest : BotTest
{
    protected KeywordClassifier Classifier { get; } = new();

    protected override Action<IServiceCollection>? TestServices => s =>
    {
        s.RemoveAll<IProblemClassifier>();
        s.AddSingleton<IProblemClassifier>(Classifier);
    };

    protected ReportStore Store => Host.Services.GetRequiredService<ReportStore>();

    protected Report StoredReport(string reference) => Store.Reports.FindOne(r => r.Reference == reference)!;

    /// <summary>A member of the village whom the admin promotes to its coordinator.</summary>
    protected async Task<FakeUser> CoordinatorAsync(string village = "kalsnava", string lang = "en")
    {
        var user = await MemberAsync(lang, village);
        var admin = Admin();
        admin.Send($"/promote {user.Id} {village}");
        await admin.ExpectTextAsync("is now a coordinator");
        await user.ExpectAsync(e => e.Text?.Contains("/help", StringComparison.Ordinal) == true);
        return user;
    }

    /// <summary>
    /// /report → description → "mine is different" if similar ones are offered → skip attachments → confirm the
    /// proposal → anonymous or not → saved; returns the reference.
    /// </summary>
    protected static async Task<string> ReportAsync(FakeUser user, string text, bool anonymous = false)
    {
        await StartReportAsync(user);
        user.Send(text);
        if ((await user.ExpectAsync(e => e.HasButton("rep:skip") || e.HasButton("rep:new"))).HasButton("rep:new"))
        {
            user.Click("rep:new");
            await user.ExpectAsync(e => e.HasButton("rep:skip"));
        }

        user.Click("rep:skip");
        await user.ExpectAsync(e => e.HasButton("rep:ok"));
        return Reference((await ConfirmAndSaveAsync(user, anonymous)).Text!);
    }

    protected static async Task StartReportAsync(FakeUser user)
    {
        user.Send("/report");
        await user.ExpectAsync(e => e.Method == "sendMessage");
    }

    /// <summary>From the proposal: confirm, answer the anonymity question, saved.</summary>
    protected static async Task<BotEvent> ConfirmAndSaveAsync(FakeUser user, bool anonymous = false, string confirm = "rep:ok")
    {
        user.Click(confirm);
        await user.ExpectAsync(e => e.HasButton("rep:anon:0"));
        user.Click(anonymous ? "rep:anon:1" : "rep:anon:0");
        return await user.ExpectAsync(Saved);
    }

    protected static bool Saved(BotEvent e) => e.Method == "sendMessage" && e.Text?.Contains("/myreports", StringComparison.Ordinal) == true && ReferencePattern().IsMatch(e.Text);

    protected static string Reference(string text) => ReferencePattern().Match(text).Value;

    protected static void SendPhoto(FakeUser user, string? caption = null, string fileId = "big-photo") =>
        user.Api.SendMessage(user.Id, m =>
        {
            m.Photo = [new PhotoSize { FileId = "small-" + fileId, FileUniqueId = "s1", Width = 90, Height = 90 }, new PhotoSize { FileId = fileId, FileUniqueId = "b1", Width = 1280, Height = 960 }];
            m.Caption = caption;
        }, user.Lang);

    protected static void SendLocation(FakeUser user, double latitude, double longitude) =>
        user.Api.SendMessage(user.Id, m => m.Location = new Location { Latitude = latitude, Longitude = longitude }, user.Lang);

    protected static void SendSticker(FakeUser user) =>
        user.Api.SendMessage(user.Id, m => m.Sticker = new Sticker { FileId = "sticker1", FileUniqueId = "st1", Type = StickerType.Regular, Width = 512, Height = 512 }, user.Lang);

    protected static void SendVoice(FakeUser user) =>
        user.Api.SendMessage(user.Id, m => m.Voice = new Voice { FileId = "voice1", FileUniqueId = "v1", Duration = 3 }, user.Lang);

    [GeneratedRegex(@"R-\d{4,}")]
    private static partial Regex ReferencePattern();
}

/// <summary>Stands in for the trained model in chat tests: a few stems per category, sure when one matches.</summary>
public sealed class KeywordClassifier : IProblemClassifier
{
    private static readonly (string Category, string[] Stems)[] Lexicon =
    [
        ("transport", ["bedr", "cel", "road", "pothole", "bus", "дорог", "ям"]),
        ("safety", ["laternas", "apgaismojum", "streetlight", "lamp", "dog", "фонар"]),
        ("environment", ["atkritum", "rubbish", "dump", "мусор"]),
        ("energy", ["elektr", "power", "электр"]),
        ("digital", ["internet", "интернет"]),
    ];

    private readonly ManualResetEventSlim _retrainGate = new(true);
    private int _retrains;

    public int Retrains => Volatile.Read(ref _retrains);

    /// <summary>While held, Retrain() waits: lets a test see a retraining in progress.</summary>
    public void HoldRetraining() => _retrainGate.Reset();

    public void ReleaseRetraining() => _retrainGate.Set();

    public ClassificationResult Classify(string text)
    {
        var folded = Folding.Fold(text);
        var hit = Lexicon.FirstOrDefault(l => l.Stems.Any(s => folded.Contains(s, StringComparison.Ordinal)));
        var (category, confidence) = hit.Category is null ? ("community", 0.31) : (hit.Category, 0.87);
        var rest = (1 - confidence) / (Categories.All.Count - 1);
        var scores = Categories.All.ToDictionary(c => c, c => c == category ? confidence : rest);
        var lang = folded.Any(c => c is >= 'а' and <= 'я') ? "ru" : $" {folded} ".Contains(" uz ", StringComparison.Ordinal) || folded != text.ToLowerInvariant() ? "lv" : "en";
        return new ClassificationResult(category, confidence, Categories.Pillar[category], scores, confidence < 0.5, lang);
    }

    public IReadOnlyList<ClassificationResult> ClassifyBatch(IEnumerable<string> texts) => [.. texts.Select(Classify)];

    public TrainingSummary Retrain()
    {
        _retrainGate.Wait(TimeSpan.FromSeconds(20));
        Interlocked.Increment(ref _retrains);
        return new TrainingSummary(Lexicon.Sum(l => l.Stems.Length), 0, TimeSpan.FromMilliseconds(5), DateTime.UtcNow);
    }
}
