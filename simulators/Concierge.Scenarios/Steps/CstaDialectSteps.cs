using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>Phrases about the OpenScape Voice CSTA dialect and the ECMA-354 application session of the CSTA link.</summary>
[Binding]
public sealed class CstaDialectSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>
    /// Given the CSTA link of the CPS opens an application session of &lt;d&gt;: the CPS restarts with its link opening
    /// an ECMA-354 application session of that duration (kept alive with ResetApplicationSessionTimer).
    /// </summary>
    [Given("the CSTA link of the CPS opens an application session of {duration}")]
    public void OpensAnApplicationSession(TimeSpan duration) => Csta.UseApplicationSession(duration);

    /// <summary>
    /// Then the CSTA link of the CPS keeps its application session alive: the CPS and the switch hold the same session
    /// and at least one keep-alive was answered.
    /// </summary>
    [Then("the CSTA link of the CPS keeps its application session alive")]
    public void KeepsItsApplicationSessionAlive()
    {
        var figures = Csta.Figures();
        if (figures.SessionId is null) throw new StepFailedException("the CSTA link of the CPS has no application session");
        if (figures.SwitchSessionId != figures.SessionId)
            throw new StepFailedException($"the CPS holds application session {figures.SessionId}, the switch {figures.SwitchSessionId ?? "none"}");
        if (figures.KeepAlives < 1) throw new StepFailedException($"application session {figures.SessionId} was never kept alive");
    }

    /// <summary>
    /// Then the CPS read every CSTA document of the PBX: no undecodable document and every device identifier
    /// normalised to E.164 (unknown events, ignored, are fine), with at least one event delivered.
    /// </summary>
    [Then("the CPS read every CSTA document of the PBX")]
    public void ReadEveryCstaDocument()
    {
        var figures = Csta.Figures();
        if (figures.DecodeErrors > 0) throw new StepFailedException($"{figures.DecodeErrors} CSTA documents could not be decoded");
        if (figures.NotNormalised > 0) throw new StepFailedException($"{figures.NotNormalised} device identifiers were not normalised to E.164");
        if (figures.EventsDelivered == 0) throw new StepFailedException("no CSTA event reached the CPS");
    }
}
