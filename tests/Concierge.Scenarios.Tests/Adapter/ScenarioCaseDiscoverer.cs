using Xunit.Abstractions;
using Xunit.Sdk;

namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>Discovers one <see cref="ScenarioTestCase"/> per scenario run of features/ (each outline row its own case).</summary>
public sealed class ScenarioCaseDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var options = discoveryOptions.MethodDisplayOptionsOrDefault();
        foreach (var error in FeatureSuite.Errors)
            yield return new ExecutionErrorTestCase(diagnosticMessageSink, display, options, testMethod, "feature file does not parse: " + error);
        foreach (var scenario in FeatureSuite.Cases)
            yield return new ScenarioTestCase(diagnosticMessageSink, display, options, testMethod, scenario.Id);
    }
}
