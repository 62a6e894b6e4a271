using Xunit.Sdk;

namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>Marks a method taking a scenario id: xUnit discovers one test case per scenario run of features/.</summary>
[XunitTestCaseDiscoverer("Concierge.Scenarios.Tests.Adapter.ScenarioCaseDiscoverer", "Concierge.Scenarios.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioCasesAttribute : FactAttribute;
