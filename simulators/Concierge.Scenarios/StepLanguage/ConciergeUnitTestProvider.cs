using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Concierge.Scenarios.StepLanguage;

/// <summary>What Reqnroll asks a test framework to do with a pending, ignored or inconclusive scenario: the runner decides itself, so these only stop Reqnroll's error collection.</summary>
public sealed class ConciergeUnitTestProvider : IUnitTestRuntimeProvider
{
    /// <inheritdoc />
    public void TestPending(string message) => throw new ScenarioNotFinishedException("pending: " + message);

    /// <inheritdoc />
    public void TestInconclusive(string message) => throw new ScenarioNotFinishedException("inconclusive: " + message);

    /// <inheritdoc />
    public void TestIgnore(string message) => throw new ScenarioNotFinishedException("ignored: " + message);

    /// <inheritdoc />
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is ScenarioNotFinishedException ? ScenarioExecutionStatus.Skipped : null;
}

/// <summary>Reqnroll's error collection ended a scenario the runner has already judged.</summary>
public sealed class ScenarioNotFinishedException(string message) : Exception(message);
