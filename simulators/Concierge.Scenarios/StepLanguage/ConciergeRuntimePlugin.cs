using System.Globalization;
using Reqnroll.Plugins;
using Reqnroll.Tracing;
using Reqnroll.UnitTestProvider;

[assembly: RuntimePlugin(typeof(Concierge.Scenarios.StepLanguage.ConciergeRuntimePlugin))]

namespace Concierge.Scenarios.StepLanguage;

/// <summary>
/// The Reqnroll runtime plugin of the scenario runner: our runner is the "unit test provider", step arguments are read
/// with the invariant culture, extra binding assemblies (a QA team's, <c>--bindings</c>) join ours (and ours, with its
/// parameter types, joins any other binding assembly Reqnroll is started for), and Reqnroll's step
/// trace goes nowhere (the runner prints its own result lines).
/// </summary>
public sealed class ConciergeRuntimePlugin : IRuntimePlugin
{
    /// <summary>The unit test provider name Reqnroll knows the runner by.</summary>
    public const string ProviderName = "concierge-sim";

    /// <inheritdoc />
    public void Initialize(RuntimePluginEvents runtimePluginEvents, RuntimePluginParameters runtimePluginParameters, UnitTestProviderConfiguration unitTestProviderConfiguration)
    {
        unitTestProviderConfiguration.UseUnitTestProvider(ProviderName);
        runtimePluginEvents.RegisterGlobalDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<ConciergeUnitTestProvider, IUnitTestRuntimeProvider>(ProviderName);
        runtimePluginEvents.ConfigurationDefaults += (_, e) =>
        {
            var configuration = e.ReqnrollConfiguration;
            configuration.BindingCulture = CultureInfo.InvariantCulture;
            configuration.TraceSuccessfulSteps = false;
            configuration.TraceTimings = false;
            configuration.ColoredOutput = false;
            foreach (var name in BindingAssemblies.NamesFor(ReqnrollSession.Starting))
                if (!configuration.AdditionalStepAssemblies.Contains(name)) configuration.AdditionalStepAssemblies.Add(name);
        };
        runtimePluginEvents.CustomizeTestThreadDependencies += (_, e) =>
            e.ObjectContainer.RegisterTypeAs<NullListener, ITraceListener>();
    }
}
