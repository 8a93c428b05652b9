namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// Builds a store when the host starts, so its collections and indexes are created then and not inside the first
/// update that needs them. Register with services.AddHostedService&lt;PrepareAtStart&lt;TStore&gt;&gt;().
/// </summary>
public sealed class PrepareAtStart<TStore>(IServiceProvider services) : IHostedService
    where TStore : notnull
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<TStore>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
