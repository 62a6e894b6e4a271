using System.Runtime.CompilerServices;
using Concierge.Scenarios.QaSteps;
using Concierge.Scenarios.StepLanguage;

[assembly: Reqnroll.Plugins.RuntimePlugin(typeof(ConciergeRuntimePlugin))]

namespace Concierge.Scenarios.Tests.Support;

/// <summary>
/// This test assembly is a Reqnroll binding assembly too (<see cref="SampleSteps"/>), run by the same plugin; the QA
/// team's binding assembly joins every Reqnroll run of the tests, as <c>--bindings</c> makes it join the runner's.
/// </summary>
internal static class ReqnrollPlugin
{
#pragma warning disable CA2255 // the test assembly must add the QA bindings before any test starts a Reqnroll run
    [ModuleInitializer]
    internal static void AddQaBindings() => BindingAssemblies.Add(typeof(QaTeamSteps).Assembly);
#pragma warning restore CA2255
}
