using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Concierge.Scenarios.Tests.Adapter;

/// <summary>One scenario as an xUnit test case, named `features/x.feature :: Scenario`; a pending scenario is reported skipped.</summary>
public sealed class ScenarioTestCase : XunitTestCase
{
    /// <summary>For the de-serializer only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase() { }

    /// <summary>A test case for the scenario <paramref name="scenarioId"/>.</summary>
    public ScenarioTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod, string scenarioId)
        : base(diagnosticMessageSink, display, options, testMethod, [scenarioId])
    {
    }

    /// <inheritdoc />
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => (string)TestMethodArguments[0];

    /// <inheritdoc />
    public override async Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
        ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
    {
        var bus = new PendingAsSkippedMessageBus(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, bus, constructorArguments, aggregator, cancellationTokenSource);
        summary.Failed -= bus.Skipped;
        summary.Skipped += bus.Skipped;
        return summary;
    }
}
