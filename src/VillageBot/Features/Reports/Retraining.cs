using System.Diagnostics;
using VillageBot.Conversation;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>/retrain: trains the classifier again (with the admins' relabels) in the background and says when it is done.</summary>
public sealed class RetrainCommand(ClassifierRetraining retraining) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args) => retraining.Start(ctx.ChatId, ctx.Lang) switch
    {
        ClassifierRetraining.Started.Yes => ctx.ReplyKeyAsync("retrain.started"),
        ClassifierRetraining.Started.AlreadyRunning => ctx.ReplyKeyAsync("retrain.running"),
        _ => ctx.ReplyKeyAsync("retrain.unavailable"),
    };
}

/// <summary>Runs one retraining at a time off the update path; the admin who asked hears the outcome.</summary>
public sealed class ClassifierRetraining(IServiceProvider services, IServiceScopeFactory scopes, Texts texts, ILogger<ClassifierRetraining> log)
{
    private int _running;

    public enum Started
    {
        Yes,
        AlreadyRunning,
        Unavailable,
    }

    public Started Start(long chatId, string lang)
    {
        if (services.GetService<IProblemClassifier>() is not { } classifier)
        {
            return Started.Unavailable;
        }

        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return Started.AlreadyRunning;
        }

        _ = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            string reply;
            try
            {
                var summary = classifier.Retrain();
                reply = texts.Get(lang, "retrain.done", summary.Examples, summary.Relabels, clock.Elapsed.TotalSeconds);
                log.LogInformation("Retrained the problem classifier on {Examples} examples ({Relabels} relabels) in {Seconds:0.0} s", summary.Examples, summary.Relabels, clock.Elapsed.TotalSeconds);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Retraining the problem classifier failed");
                reply = texts.Get(lang, "retrain.failed", e.Message);
            }
            finally
            {
                Interlocked.Exchange(ref _running, 0);
            }

            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<IMessenger>().SendTextAsync(chatId, reply);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Could not tell chat {Chat} that retraining ended", chatId);
            }
        });
        return Started.Yes;
    }
}
