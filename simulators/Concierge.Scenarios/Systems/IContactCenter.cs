namespace Concierge.Scenarios.Systems;

/// <summary>
/// A contact center routing some of the PBX's calls (OSCC), as a world may offer it besides <see cref="IScenarioSystem"/>:
/// explorations fail and restore it. Worlds without one do not implement it.
/// </summary>
public interface IContactCenter
{
    /// <summary>True while it routes its queues.</summary>
    bool IsUp { get; }

    /// <summary>It goes down (its hunt groups switch to UCD).</summary>
    void Fail();

    /// <summary>It is back.</summary>
    void Restore();
}
