using Concierge.Config.Model;
using Concierge.Cps.Engine;
using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>
/// A main and a standby Concierge server (C 2.3): the standby's CPS watches the loop number and takes over; the
/// application redundancy then makes the old main server stand by. No automatic switch back; the operator's switch
/// back makes the primary active again and the standby watch once more.
/// </summary>
internal sealed class StandbyPair(OsvWorld world, SimulatedCpsHost primary, SimulatedCpsHost standby, StandbySettings settings) : IServerRedundancy
{
    public void StartStandby()
    {
        standby.Start(world.Config, active: false);
        Watch(standby);
        WatchCstaLink(primary);
    }

    /// <summary>A lost CSTA link on the active server is a switch-over trigger (C 2.3.1).</summary>
    private void WatchCstaLink(SimulatedCpsHost node)
    {
        var control = node.Csta;
        if (control is null) return;
        control.LinkLost += _ =>
        {
            if (node.Csta != control || !node.IsRunning || !node.Engine!.IsActive || StandbyActive || !standby.IsRunning) return;
            world.Trace("world", $"CSTA link of {node.Server} lost: switch-over to {standby.Server}");
            standby.Engine!.Activate();
        };
    }

    public void FailMainServer()
    {
        primary.Crash();
        _failedProcesses.Clear(); // the whole server is down; its processes come back with it
    }

    private readonly HashSet<Cps.Redundancy.ServerProcess> _failedProcesses = new();

    /// <summary>True once the application has switched over to the standby server (not for a CPS-only failure); false after the switch back.</summary>
    public bool ApplicationOnSecondary { get; private set; }

    public void FailProcessOnMainServer(string process)
    {
        if (!Cps.Redundancy.SwitchOverRules.TryParse(process, out var failed))
            throw new InvalidOperationException($"\"{process}\" is not a Concierge server process (processes: {string.Join(", ", Cps.Redundancy.SwitchOverRules.Names.Select(n => n.Name))})");
        _failedProcesses.Add(failed);
        var effect = Cps.Redundancy.SwitchOverRules.EffectOf(failed);
        world.Trace("world", $"process {failed} failed on {settings.PrimaryServer}: {effect}");
        switch (effect)
        {
            case Cps.Redundancy.SwitchOverEffect.CpsOnly:
                primary.CrashProcess(); // the standby's loop calls go unanswered and its CPS takes the calls
                break;
            case Cps.Redundancy.SwitchOverEffect.SwitchOver:
                if (failed is Cps.Redundancy.ServerProcess.PabxLinkConnector or Cps.Redundancy.ServerProcess.PabxLinkNode) primary.Node.CstaSession?.Stop();
                if (standby.IsRunning && !StandbyActive) standby.Engine!.Activate();
                break;
        }
    }

    public IReadOnlyList<string> FeaturesUnavailable =>
        _failedProcesses.Where(p => Cps.Redundancy.SwitchOverRules.EffectOf(p) == Cps.Redundancy.SwitchOverEffect.FeatureLost && !ApplicationOnSecondary)
            .Concat(ApplicationOnSecondary ? Cps.Redundancy.SwitchOverRules.NotRunningWhileSecondaryActive : [])
            .Select(Cps.Redundancy.SwitchOverRules.FeatureOf).Distinct().ToList();

    public void SwitchBackToPrimary()
    {
        ApplicationOnSecondary = false;
        _failedProcesses.Clear(); // the operator brings the main server's processes back with the switch back
        standby.Demote();
        standby.Engine?.SwitchBackToPrimary(settings.LoopInterval, settings.LoopCallsMissedBeforeTakeover);
        if (!primary.IsRunning) primary.Start(world.Config, active: true);
        else primary.Promote();
        WatchCstaLink(primary);
    }

    /// <summary>The standby's CPS has taken over: it takes calls and the registrar has its binding.</summary>
    public bool StandbyActive => IsServing(standby);

    public string ActiveServer =>
        StandbyActive ? settings.StandbyServer
        : primary.IsRunning && primary.Engine!.IsActive ? settings.PrimaryServer
        : "none";

    /// <summary>A CPS serves when it runs, takes calls and is registered at the PBX.</summary>
    private static bool IsServing(SimulatedCpsHost node) => node.IsRunning && node.Engine!.IsActive && node.Registration?.IsRegistered == true;

    private void Watch(SimulatedCpsHost node)
    {
        var engine = node.Engine!;
        engine.StartStandby(settings.LoopInterval, settings.LoopCallsMissedBeforeTakeover);
        engine.Notified += notification =>
        {
            if (notification.Kind != CpsNotificationKind.ActivityChanged || !engine.IsActive || node.Engine != engine) return;
            node.Promote();
            primary.Demote();
            // The CPS alone failing is no complete switch-over: the application stays on the main server (C 2.3.1).
            if (!_failedProcesses.Contains(Cps.Redundancy.ServerProcess.ConciergeProviderService) || !primary.Host.IsUp) ApplicationOnSecondary = true;
        };
    }
}
