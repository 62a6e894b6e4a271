namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>Thrown by a scenario test whose scenario is pending; the adapter reports it as skipped.</summary>
public sealed class ScenarioPendingException(string reason) : Exception(reason);
