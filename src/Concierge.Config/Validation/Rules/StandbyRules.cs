using System.Globalization;
using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for a standby CPS: a loop number to call, a positive interval, distinct servers (C 2.3).</summary>
internal static class StandbyRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        if (config.Standby is not { } standby)
        {
            return;
        }
        if (config.Ranges.Loop is null)
        {
            problems.Error("ranges.loop", null, "is missing: the standby CPS calls the loop number");
        }
        TenantRules.Positive("standby.loopInterval", standby.LoopInterval, problems);
        if (standby.LoopCallsMissedBeforeTakeover < 1)
        {
            problems.Error("standby.loopCallsMissedBeforeTakeover", standby.LoopCallsMissedBeforeTakeover.ToString(CultureInfo.InvariantCulture), "must be at least 1");
        }
        if (standby.PrimaryServer == standby.StandbyServer)
        {
            problems.Error("standby.standbyServer", standby.StandbyServer, "is the primary server too");
        }
        if (standby.PrimaryHost == standby.StandbyHost)
        {
            problems.Error("standby.standbyHost", standby.StandbyHost, "is the primary host too");
        }
        if (standby.PrimaryHost != config.Cps.Host)
        {
            problems.Warning("standby.primaryHost", standby.PrimaryHost, $"differs from cps.host \"{config.Cps.Host}\"");
        }
    }
}
