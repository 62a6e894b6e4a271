using Concierge.Config.Model;
using Concierge.Cps.Engine;
using Concierge.Cps.Node;
using Concierge.Runtime.Loop;
using Microsoft.Extensions.Logging;

namespace Concierge.Server.Hosting;

/// <summary>
/// The standby server's side of the loop-number protocol (C 2.3): every engine the node starts watches the main CPS
/// through the loop number (a loop call every <see cref="StandbySettings.LoopInterval"/>); after
/// <see cref="StandbySettings.LoopCallsMissedBeforeTakeover"/> calls in a row without loop-back it takes over, and the
/// node then registers at the PBX and takes calls. There is no automatic switch back: the standby stays active until
/// an operator restarts it.
/// </summary>
public sealed class StandbyWatch(CpsNode node, IEventLoop loop, StandbySettings settings, string? loopNumber, ILogger logger)
{
    /// <summary>When the node took over (on the loop's clock), or null while it stands by.</summary>
    public DateTimeOffset? TookOverAt { get; private set; }

    /// <summary>Makes <paramref name="engine"/> (just started on the node, inactive) watch the loop number.</summary>
    public void Watch(CpsEngine engine)
    {
        if (engine.IsActive || engine.IsInConfigMode) return;
        engine.StartStandby(settings.LoopInterval, settings.LoopCallsMissedBeforeTakeover);
        logger.LogInformation("standby: loop call to {Loop} every {Interval} s, takeover after {Missed} missed loop-backs",
            loopNumber, settings.LoopInterval.TotalSeconds, settings.LoopCallsMissedBeforeTakeover);
        engine.Notified += notification =>
        {
            if (notification.Kind != CpsNotificationKind.ActivityChanged || !engine.IsActive) return;
            // Registering is a command to the trunk: it runs as a later input, not inside the engine's notification.
            loop.Post(() =>
            {
                if (node.Engine != engine) return;
                node.Promote();
                TookOverAt = loop.Now();
                logger.LogWarning("standby: the main CPS answered no loop call {Missed} times in a row: this server takes over and registers (no automatic switch back)",
                    settings.LoopCallsMissedBeforeTakeover);
            });
        };
    }
}
