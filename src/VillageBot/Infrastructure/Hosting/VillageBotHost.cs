using System.Diagnostics;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Polls;
using VillageBot.Features.FreeText;
using VillageBot.Features.Help;
using VillageBot.Features.LocalChat;
using VillageBot.Features.Membership;
using VillageBot.Features.Nudges;
using VillageBot.Features.Onboarding;
using VillageBot.Features.Privacy;
using VillageBot.Features.Questions;
using VillageBot.Features.Quizzes;
using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;
using VillageBot.Features.Responsibilities;
using VillageBot.Features.Settings;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Security;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Infrastructure.Hosting;

/// <summary>Wires every area of the bot into one host. Each area registers itself with one extension method.</summary>
public static class VillageBotHost
{
    public static WebApplicationBuilder AddVillageBot(this WebApplicationBuilder builder)
    {
        // The defaults shipped next to the program apply wherever it is started from; an appsettings.json in the
        // working directory, environment variables and arguments override them.
        var shipped = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).Build();
        builder.Configuration.Sources.Insert(0, new ChainedConfigurationSource { Configuration = shipped, ShouldDisposeConfiguration = true });
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section);
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddSingleton<Db>();
        services.AddSingleton<Texts>();
        services.AddSingleton<IRecipientStatus, ResidentRecipientStatus>();

        services.AddTelegramTransport();
        services.AddWebSecurity(builder.Configuration);
        services.AddConversation();
        services.AddJobs();

        services.AddOnboarding();
        services.AddSettings();
        services.AddMembership();
        services.AddHelp();
        services.AddFreeText();
        services.AddQuestions();
        services.AddProblemClassifier();
        services.AddBroadcasts();
        services.AddPolls();
        services.AddQuizzes();
        services.AddReports();
        services.AddResponsibilities();
        services.AddAdminWeb();
        services.AddPrivacy();
        services.AddNudges();
        return builder;
    }

    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<RouteTable>();
        services.AddScoped<UpdateRouter>();
        services.AddSingleton<UpdateInbox>();
        services.AddSingleton<UpdateJournal>();
        services.AddSingleton<UpdateDispatcher>();
        services.AddSingleton<BotStatus>();
        return services;
    }

    /// <summary>Telegram when a token is configured; otherwise the local chat page. Decided when resolved, from options.</summary>
    public static IServiceCollection AddTelegramTransport(this IServiceCollection services)
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient("telegram", (sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollingTimeoutSeconds + 30))
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                if (!o.HasToken)
                {
                    throw new InvalidOperationException("No Telegram:BotToken is configured (local mode).");
                }

                var baseUrl = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? null : o.ApiBaseUrl.TrimEnd('/');
                return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, baseUrl) { RetryCount = 0 }, http);
            });
        services.AddOptions<LocalChatOptions>().BindConfiguration(LocalChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ChatRateLimiter>();
        services.AddSingleton<LocalChatStore>();
        services.AddHostedService<PrepareAtStart<LocalChatStore>>();
        services.AddSingleton<LocalMessenger>();
        services.AddSingleton<IPersonalData, LocalChatPersonalData>();
        services.AddTransient<TelegramMessenger>();
        services.AddTransient<IMessenger>(sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value.HasToken
            ? sp.GetRequiredService<TelegramMessenger>()
            : sp.GetRequiredService<LocalMessenger>());
        services.AddTransient<IChatFiles>(sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value.HasToken
            ? ActivatorUtilities.CreateInstance<TelegramFiles>(sp)
            : new NoChatFiles());
        services.AddHostedService<BotRuntime>();
        return services;
    }

    public static WebApplication MapVillageBot(this WebApplication app)
    {
        var status = app.Services.GetRequiredService<BotStatus>();
        app.ListenLocallyInLocalMode();
        app.UseRateLimiter();
        app.MapGet("/healthz", () => status.Ready
            ? Results.Ok(new { status = "ready", mode = status.Mode.ToString().ToLowerInvariant(), uptimeMs = (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds })
            : Results.Json(new { status = "starting" }, statusCode: 503));
        app.MapTelegramWebhook();
        app.MapAdminWeb();
        app.MapResponsibilities();
        app.MapJobsDashboard();
        if (!app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.HasToken)
        {
            app.MapLocalChat();
        }

        app.MapGet("/", () => Results.Redirect(status.Mode == TransportMode.Local ? "/chat" : "/healthz"));
        return app;
    }
}
