namespace VillageBot.Infrastructure.Jobs;

/// <summary>A job type and the name it is stored under (stable across renames of the class).</summary>
public sealed record JobRegistration(string Name, Type Type);

/// <summary>Only registered jobs can be run from stored entries.</summary>
public sealed class JobRegistry(IEnumerable<JobRegistration> registrations)
{
    private readonly Dictionary<string, Type> _byName = registrations.ToDictionary(r => r.Name, r => r.Type, StringComparer.Ordinal);
    private readonly Dictionary<Type, string> _byType = registrations.ToDictionary(r => r.Type, r => r.Name);

    public string NameOf(Type type) =>
        _byType.TryGetValue(type, out var name) ? name : throw new InvalidOperationException($"Job {type.Name} is not registered; call services.AddJob<{type.Name}>(name).");

    public Type? TypeOf(string name) => _byName.GetValueOrDefault(name);
}
