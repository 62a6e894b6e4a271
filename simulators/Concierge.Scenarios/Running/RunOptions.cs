using Concierge.Scenarios.Tags;

namespace Concierge.Scenarios.Running;

/// <summary>What a suite run selects and how often: tag filter, first seed and number of seeds per scenario.</summary>
public sealed record RunOptions(TagExpression Tags, ulong Seed = RunOptions.DefaultSeed, int Seeds = 1)
{
    /// <summary>The fixed default seed.</summary>
    public const ulong DefaultSeed = 1;
}
