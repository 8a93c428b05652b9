using System.Text.Json;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Onboarding;

/// <summary>On the first start with an empty database, adds the sample villages from data/villages.json.</summary>
public sealed class VillageSeeder(IDocumentStore db, IOptions<ContentOptions> content, TimeProvider time, ILogger<VillageSeeder> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (db.Villages.Count() > 0)
        {
            return Task.CompletedTask;
        }

        var path = Path.Combine(content.Value.ResolvedDataPath, "villages.json");
        if (!File.Exists(path))
        {
            log.LogWarning("No villages yet and no {Path} to seed them from; admins can add villages with /addvillage", path);
            return Task.CompletedTask;
        }

        var seed = JsonSerializer.Deserialize<SeedFile>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
            ?? throw new InvalidDataException($"{path} is empty.");
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var v in seed.Villages)
        {
            if (OnboardingFlow.CleanCode(v.Code) is not { } code || string.IsNullOrWhiteSpace(v.Name))
            {
                throw new InvalidDataException($"{path}: village '{v.Name}' needs a code of letters, digits, '_' or '-'.");
            }

            db.Villages.Insert(new Village { Code = code, Name = v.Name.Trim(), Municipality = v.Municipality, Latitude = v.Latitude, Longitude = v.Longitude, CreatedAt = now });
        }

        log.LogInformation("Seeded {Count} villages from {Path}", seed.Villages.Count, path);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private sealed record SeedFile(List<SeedVillage> Villages);

    private sealed record SeedVillage(string Code, string Name, string? Municipality, double? Latitude, double? Longitude);
}
