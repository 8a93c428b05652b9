using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>The document store of the process, on the database Storage:Provider names.</summary>
    public static IServiceCollection AddDocumentStore(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>();
            return options.Value.Provider == StorageProvider.PostgreSql
                ? new PostgreSqlStore(options.Value.ConnectionString!)
                : new LiteDbStore(options, sp.GetService<ILogger<LiteDbStore>>());
        });
        return services;
    }
}
