namespace Concierge.Cps.Redundancy;

/// <summary>What a failed process means for a redundant Concierge installation (C 2.3.1).</summary>
public enum SwitchOverEffect
{
    /// <summary>A core component: every connection switches over to the other server.</summary>
    SwitchOver,
    /// <summary>Only the CPS: no complete switch-over; the other server's CPS takes the calls (it answers no loop call).</summary>
    CpsOnly,
    /// <summary>Not a trigger: the process's functions are unusable until it is back; nothing switches.</summary>
    FeatureLost,
}

/// <summary>
/// The table of C 2.3.1 and 2.3.3: which failed processes force a switch-over, what a failed non-trigger process takes
/// away, and which processes do not run while the secondary server is active.
/// </summary>
public static class SwitchOverRules
{
    /// <summary>What the failure of <paramref name="process"/> leads to.</summary>
    public static SwitchOverEffect EffectOf(ServerProcess process) => process switch
    {
        ServerProcess.ConciergeService or ServerProcess.PabxLinkConnector or ServerProcess.PabxLinkNode or ServerProcess.ContactCenterNode => SwitchOverEffect.SwitchOver,
        ServerProcess.ConciergeProviderService => SwitchOverEffect.CpsOnly,
        _ => SwitchOverEffect.FeatureLost,
    };

    /// <summary>The function that is not available while <paramref name="process"/> is down, in the words the CPS reports it.</summary>
    public static string FeatureOf(ServerProcess process) => process switch
    {
        ServerProcess.ConfigSyncServer => "configuration synchronisation",
        ServerProcess.ContactDataProvider => "directory import",
        ServerProcess.UcNode => "UC presence states",
        ServerProcess.ExternalCalendarConnector => "external calendar",
        ServerProcess.RealtimeServer => "realtime statistics",
        ServerProcess.CpsWorker => "OSCC call routing by the CPS",
        ServerProcess.PabxLinkConnector or ServerProcess.PabxLinkNode => "CSTA link",
        ServerProcess.ContactCenterNode => "contact center",
        ServerProcess.ConciergeProviderService => "call handling",
        _ => "the Concierge service",
    };

    /// <summary>Processes that do not run on the secondary server while it is active (C 2.3.3 note).</summary>
    public static IReadOnlyList<ServerProcess> NotRunningWhileSecondaryActive { get; } = [ServerProcess.ConfigSyncServer, ServerProcess.ContactDataProvider];

    /// <summary>Reads a process name as the Control Center shows it ("PABXLinkConnector", "ConfigSyncServer", …), ignoring case and spaces.</summary>
    public static bool TryParse(string? name, out ServerProcess process)
    {
        process = default;
        if (string.IsNullOrWhiteSpace(name)) return false;
        var key = new string(name.Where(char.IsLetterOrDigit).ToArray());
        foreach (var (text, value) in Names)
        {
            if (string.Equals(key, text, StringComparison.OrdinalIgnoreCase))
            {
                process = value;
                return true;
            }
        }
        return false;
    }

    /// <summary>The Control Center names of the processes.</summary>
    public static IReadOnlyList<(string Name, ServerProcess Process)> Names { get; } =
    [
        ("OpenScapeConciergeService", ServerProcess.ConciergeService), ("PABXLinkConnector", ServerProcess.PabxLinkConnector),
        ("PABXLinkNode", ServerProcess.PabxLinkNode), ("ContactCenterNode", ServerProcess.ContactCenterNode),
        ("ConciergeProviderService", ServerProcess.ConciergeProviderService), ("ConfigSyncServer", ServerProcess.ConfigSyncServer),
        ("CPSWorkerService", ServerProcess.CpsWorker), ("CpsWorker", ServerProcess.CpsWorker), ("RealtimeServer", ServerProcess.RealtimeServer),
        ("UCNode", ServerProcess.UcNode), ("ExternalCalendarConnector", ServerProcess.ExternalCalendarConnector),
        ("ContactDataProvider", ServerProcess.ContactDataProvider),
    ];
}
