using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Groups;

public static class GroupsFeature
{
    /// <summary>The village's own Telegram group: linking, questions answered there, reports sent to the private chat.</summary>
    public static IServiceCollection AddGroups(this IServiceCollection services)
    {
        services.AddOptions<GroupOptions>().BindConfiguration(GroupOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<GroupLinks>();
        services.AddHostedService<PrepareAtStart<GroupLinks>>();
        services.AddSingleton<IPersonalData, GroupPersonalData>();
        services.AddSingleton<GroupOutbox>();
        services.AddHostedService(sp => sp.GetRequiredService<GroupOutbox>());

        // Group updates only come from Telegram, so the Telegram client is resolved only when one arrives.
        services.AddTransient<IGroupChats, TelegramGroupChats>();
        services.AddTransient<GroupSender>();
        services.AddScoped<IGroupUpdateHandler, GroupRouter>();
        services.AddScoped<GroupQuestions>();
        services.AddScoped<GroupMentions>();

        services.AddGroupCommand<LinkCommand>("link", "group.cmd_link");
        services.AddGroupCallback<LinkCommand>(LinkCommand.Prefix);
        services.AddGroupCommand<UnlinkCommand>("unlink", "group.cmd_unlink");
        services.AddGroupCommand<GroupLangCommand>("lang", "group.cmd_lang");
        services.AddGroupCommand<GroupDigestCommand>("digest", "group.cmd_digest");
        services.AddGroupCommand<GroupAskCommand>("ask", "group.cmd_ask");
        services.AddGroupCommand<GroupReportCommand>("report", "group.cmd_report");
        services.AddGroupCommand<GroupHelpCommand>("help", "group.cmd_help");
        services.AddGroupCommand<GroupHelpCommand>("start");
        return services;
    }
}
