namespace VillageBot.Infrastructure.Storage;

public static class StorageServices
{
    /// <summary>The document store of the process.</summary>
    public static IServiceCollection AddDocumentStore(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentStore>(sp => new LiteDbStore(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>()));
        return services;
    }
}
