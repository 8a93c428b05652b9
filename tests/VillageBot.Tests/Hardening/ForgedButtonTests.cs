using Microsoft.Extensions.DependencyInjection;
using VillageBot.Conversation;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.Hardening;

/// <summary>Every registered button prefix, pressed with forged arguments by people of every role: no handler throws.</summary>
public sealed class ForgedButtonTests : BotTest
{
    /// <summary>The argument words the handlers switch on (grep 'case "' in Features), and a few they do not know.</summary>
    private static readonly string[] Words =
    [
        "", "yes", "no", "ok", "go", "cancel", "send", "skip", "pick", "page", "open", "close", "done", "drop", "multi", "anon",
        "village", "nudges", "start", "cont", "at", "v", "k", "a", "zz",
    ];

    private static readonly string[] Numbers = ["", "-1", "2147483648", "99999999999999", "abc", "٣"];

    private readonly LogCapture _logs = new();

    protected override Action<IServiceCollection>? TestServices => s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(_logs);

    [Fact]
    public async Task Forged_arguments_for_every_button_prefix_are_answered_and_log_no_error()
    {
        var member = await MemberAsync("en");
        var coordinator = await MemberAsync("en");
        Host.Db.MakeCoordinator(coordinator.Id, "kalsnava");
        var admin = Admin();
        await admin.OnboardAsync();
        var prefixes = Host.Services.GetRequiredService<RouteTable>().Callbacks.Keys.Order(StringComparer.Ordinal).ToList();
        Assert.Contains("forget", prefixes);

        // The admin passes every access check, so every handler meets every forgery; the others meet their own share.
        var pressed = 0;
        foreach (var (user, forgeries) in new[] { (admin, prefixes.SelectMany(Forged)), (member, prefixes.Select(p => p + ":99999999999999")), (coordinator, prefixes.Select(p => p + ":-1:yes")) })
        {
            var message = Api.Events(user.Id).Last(e => e.Method == "sendMessage").MessageId;
            foreach (var data in forgeries.Distinct())
            {
                user.ClickData(message, data);
                pressed++;
            }
        }

        var until = DateTime.UtcNow.AddMinutes(2);
        while (!Api.AllDelivered && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.True(Api.AllDelivered, "the bot stopped fetching updates");

        // Several hundred presses are still being handled when the last is fetched; on a loaded 2-core machine that takes
        // longer than an ordinary test's idle wait.
        await Host.IdleAsync(TimeSpan.FromMinutes(2));
        var errors = string.Join('\n', _logs.Errors.Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name} {e.Exception?.Message} {e.Exception?.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("VillageBot.Features", StringComparison.Ordinal))}").Distinct());
        Assert.True(errors.Length == 0, errors);
        Assert.True(Api.Events().Count(e => e.Method == "answerCallbackQuery") >= pressed, "every press is answered");
        Assert.NotNull(Host.Db.Residents.FindById(member.Id));
        Assert.NotNull(Host.Db.Residents.FindById(admin.Id));
    }

    private static IEnumerable<string> Forged(string prefix)
    {
        yield return prefix;
        foreach (var n in Numbers)
        {
            yield return Clip($"{prefix}:{n}");
            yield return Clip($"{prefix}:{n}:{n}");
            foreach (var w in Words)
            {
                yield return Clip($"{prefix}:{w}:{n}");
                yield return Clip($"{prefix}:{n}:{w}");
                yield return Clip($"{prefix}:{w}:{w}:{n}");
            }
        }
    }

    private static string Clip(string data) => data.Length <= 64 ? data : data[..64];
}
