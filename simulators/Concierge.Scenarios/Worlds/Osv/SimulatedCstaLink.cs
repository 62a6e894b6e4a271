using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>The CSTA service of the simulated OSV, failed and restored by scenarios.</summary>
internal sealed class SimulatedCstaLink(OsvWorld world) : ICstaLink
{
    public void RunSipOnly() => world.RunSipOnly();

    public void UseApplicationSession(TimeSpan duration) => world.UseApplicationSession(duration);

    public CstaLinkFigures Figures() => world.CstaFigures();

    public void Fail() => world.Osv.Csta.Fail("CSTA link failure");

    public void Restore() => world.Osv.Csta.Restore();

    public void SetPrivateDataPresentationV8(bool on) => world.SetPrivateDataPresentationV8(on);
}
