namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>Tests that load every core on purpose; xUnit runs them after the others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection
{
    public const string Name = "Stress";
}
