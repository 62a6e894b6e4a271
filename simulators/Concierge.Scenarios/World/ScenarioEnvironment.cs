using Concierge.Scenarios.Faults;
using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.World;

/// <summary>What every world of a run shares: the repository root, the fault profile, the system factories and the full trace sink.</summary>
/// <param name="RepositoryRoot">The folder holding Concierge.sln, features/ and scenarios/.</param>
/// <param name="Faults">The fault profile applied to every link, or null for a clean network.</param>
/// <param name="Systems">The factories that build simulated systems for topologies.</param>
/// <param name="FullTrace">Receives every trace line of every run when set (`--trace`).</param>
public sealed record ScenarioEnvironment(string RepositoryRoot, FaultProfile? Faults, ScenarioSystemCatalog Systems, TextWriter? FullTrace = null);
