using System.Diagnostics;
using System.Globalization;
using Hangfire;
using VillageBot.Conversation;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>/retrain: trains the classifier again (with the admins' relabels) as a background job that says when it is done.</summary>
public sealed class RetrainCommand(IServiceProvider services, IJobScheduler jobs) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        if (services.GetService<IProblemClassifier>() is null)
        {
            return ctx.ReplyKeyAsync("retrain.unavailable");
        }

        // One key for every admin: one retraining at a time.
        return ctx.ReplyKeyAsync(jobs.Enqueue<RetrainJob>(RetrainJob.Arg(ctx.ChatId, ctx.Lang), RetrainJob.Key) ? "retrain.started" : "retrain.running");
    }
}

/// <summary>
/// Trains the classifier once and tells the admin who asked (arg "chat:lang") how it went. Not retried: a failure
/// is reported to the admin, who may ask again.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class RetrainJob(IServiceProvider services, IMessenger messenger, Texts texts, ILogger<RetrainJob> log) : IJob
{
    public const string Key = "retrain";

    public static string Arg(long chatId, string lang) => chatId.ToString(CultureInfo.InvariantCulture) + ":" + lang;

    public async Task RunAsync(string arg, CancellationToken ct)
    {
        var split = arg.LastIndexOf(':');
        var chatId = long.Parse(arg.AsSpan(0, split), CultureInfo.InvariantCulture);
        var lang = arg[(split + 1)..];
        var clock = Stopwatch.StartNew();
        string reply;
        try
        {
            var summary = services.GetRequiredService<IProblemClassifier>().Retrain();
            reply = texts.Get(lang, "retrain.done", summary.Examples, summary.Relabels, clock.Elapsed.TotalSeconds);
            log.LogInformation("Retrained the problem classifier on {Examples} examples ({Relabels} relabels) in {Seconds:0.0} s", summary.Examples, summary.Relabels, clock.Elapsed.TotalSeconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Retraining the problem classifier failed");
            reply = texts.Get(lang, "retrain.failed", e.Message);
        }

        try
        {
            await messenger.SendTextAsync(chatId, reply, ct: ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Could not tell chat {Chat} that retraining ended", chatId);
        }
    }
}
