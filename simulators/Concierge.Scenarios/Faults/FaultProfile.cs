namespace Concierge.Scenarios.Faults;

/// <summary>A named fault profile (`scenarios/faults/&lt;name&gt;.yaml`) applied to every link of every scenario run.</summary>
public sealed record FaultProfile(string Name, string Description, LinkFaults EveryLink);
