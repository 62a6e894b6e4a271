using Concierge.Scenarios.Reports;
using Concierge.Scenarios.Running;
using Xunit.Sdk;

namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>Every scenario of features/ as its own test: passed, failed (with the failure report) or skipped when pending.</summary>
public sealed class FeatureScenarioTests
{
    /// <summary>Runs one scenario.</summary>
    [ScenarioCases]
    public void Scenario(string scenario)
    {
        var result = FeatureSuite.Run(scenario);
        switch (result.Status)
        {
            case ScenarioStatus.Passed:
                Assert.All(result.Steps, s => Assert.Equal(StepStatus.Passed, s.Status));
                break;
            case ScenarioStatus.Pending:
                throw new ScenarioPendingException(result.PendingReason ?? "pending");
            default:
                throw new XunitException(string.Join(Environment.NewLine, ResultLines.All(result)));
        }
    }
}
