using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Digest;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Polls;
using VillageBot.Features.PublicPage;
using VillageBot.Features.FreeText;
using VillageBot.Features.Groups;
using VillageBot.Features.Help;
using VillageBot.Features.LocalChat;
using VillageBot.Features.Membership;
using VillageBot.Features.Nudges;
using VillageBot.Features.Onboarding;
using VillageBot.Features.Open311;
using VillageBot.Features.Privacy;
using VillageBot.Features.Questions;
using VillageBot.Features.Quizzes;
using VillageBot.Features.Reports;
using VillageBot.Features.Responsibilities;
using VillageBot.Features.Sending;
using VillageBot.Features.Settings;
using VillageBot.Features.VoiceMessages;
using VillageBot.Infrastructure.Health;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Security;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot;

/// <summary>Wires every area of the bot into one host. Each area registers itself with one extension method.</summary>
public static class VillageBotHost
{
    public static WebApplicationBuilder AddVillageBot(this WebApplicationBuilder builder)
    {
        EnoughThreads();
        // The defaults shipped next to the program apply wherever it is started from; an appsettings.json in the
        // working directory, environment variables and arguments override them.
        var shipped = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).Build();
        builder.Configuration.Sources.Insert(0, new ChainedConfigurationSource { Configuration = shipped, ShouldDisposeConfiguration = true });
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // The villages' time zone, looked up once (Bot:TimeZone is checked at start).
        services.AddSingleton(sp => TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<BotOptions>>().Value.TimeZone));
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDocumentStore();

        // Stops after every service registered below it: the database is compacted once nothing uses it any more.
        services.AddDatabaseCompaction();

        // LiteDB's page cache let go after a burst of work (stopped before the compaction above).
        services.AddSingleton<CacheTrim>();
        services.AddHostedService(sp => sp.GetRequiredService<CacheTrim>());

        // Data upgrades run before anything that handles updates starts.
        services.AddHostedService<CoordinatingUpgrade>();
        services.AddTrainedModels();
        services.AddSingleton<Texts>();

        // Without a Telegram token the local chat page stands in for Telegram.
        services.AddTelegramTransport<LocalMessenger>();
        services.AddLocalChat();
        services.AddWebSecurity(builder.Configuration);
        services.AddOptions<NetworkOptions>().Configure<IOptions<WebOptions>, IOptions<LocalChatOptions>>((network, web, local) =>
        {
            network.PublicUrl = web.Value.PublicUrl;
            network.TrustedProxies = web.Value.TrustedProxies;
            network.AllowRemote = local.Value.AllowRemote;
        });
        services.AddConversation();
        services.AddJobs();
        services.AddHealth();

        services.AddOnboarding();
        services.AddSettings();
        services.AddMembership();
        services.AddHelp();
        services.AddFreeText();
        services.AddQuestions();
        services.AddSending();
        services.AddBroadcasts();
        services.AddPolls();
        services.AddGroups();
        services.AddQuizzes();
        services.AddReports();
        services.AddVoice();
        services.AddDigest();
        services.AddPublicPage();
        services.AddResponsibilities();
        services.AddAdminWeb();
        services.AddOpen311();
        services.AddPrivacy();
        services.AddNudges();
        return builder;
    }

    /// <summary>
    /// The storage calls are synchronous: an update being handled, a webhook request or a job holds its thread while
    /// the database answers. The thread pool starts with one thread per core and adds about one a second beyond that,
    /// so a burst on a small machine would wait on threads rather than on work, and an asynchronous database call's
    /// continuation would wait behind them while it holds its pooled connection. So the pool starts with enough
    /// threads for every update handled at once and as many requests again.
    /// </summary>
    private static void EnoughThreads()
    {
        ThreadPool.GetMinThreads(out var workers, out var completions);
        var wanted = UpdateDispatcher.MaxConcurrent * 2;
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, completions);
        }
    }

    public static WebApplication MapVillageBot(this WebApplication app)
    {
        var status = app.Services.GetRequiredService<BotStatus>();
        app.ListenLocallyInLocalMode();
        app.UseRateLimiter();
        app.MapHealth();
        app.MapTelegramWebhook();
        app.MapAdminWeb();
        app.MapOpen311();
        app.MapResponsibilities();
        app.MapPublicPage();
        app.MapJobsDashboard(new AdminDashboardAuthorization());
        if (!app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.HasToken)
        {
            app.MapLocalChat();
        }

        app.MapGet("/", () => Results.Redirect(status.Mode == TransportMode.Local ? "/chat" : HealthEndpoint.Path));
        return app;
    }
}
