using Concierge.Config.Numbers;
using Concierge.Csta.Messages;
using Concierge.Csta.Session;
using Concierge.Cps.Engine;

namespace Concierge.Cps.Csta;

/// <summary>
/// Which attendant devices the PBX presents as Unify Phone ONS, and with which OND: learned from OSV "Private Data
/// Presentation – V8" on a device's MonitorStart answer and call events, and told to the engine. A monitor answer
/// without it withdraws the device (the flag or the device changed on the PBX); a call event without it changes nothing.
/// Without the flag on the PBX nothing is learned: the CPS takes every attendant device for a desk phone.
/// </summary>
internal sealed class UnifyPhoneOnsPresentation(Action<string> trace)
{
    private readonly Dictionary<E164Number, E164Number> _ondOfOns = new();

    /// <summary>ONS devices and the OND the PBX names for each.</summary>
    public IReadOnlyDictionary<E164Number, E164Number> OndOfOns => _ondOfOns;

    /// <summary>Pairs not used: for another device than the monitored one, or numbers that are not E.164.</summary>
    public long Unusable { get; private set; }

    /// <summary>Tells a new engine (a start or a reconfiguration) what is known already.</summary>
    public void TellEverything(CpsEngine engine)
    {
        foreach (var (ons, ond) in _ondOfOns) engine.DeclareUnifyPhoneOns(ons, ond);
    }

    /// <summary>The monitor answer says what the device is now.</summary>
    public void OnMonitorStarted(StartedMonitor started, CpsEngine? engine)
    {
        if (!E164Number.TryParse(started.Device, out var device)) return;
        if (started.PrivateData?.OnsOnd is { } pair)
        {
            Learn(device, pair, engine);
            return;
        }
        if (_ondOfOns.Remove(device))
        {
            trace($"{device} is no longer presented as a Unify Phone ONS");
            engine?.WithdrawUnifyPhoneOns(device);
        }
    }

    /// <summary>
    /// An event on the device's monitor: a V8 pair in it is learned; an agent ready / not ready event on a Unify Phone
    /// ONS is the user setting Available / Unavailable in the Unify Phone, which the attendant takes over (C 4.3.5.2).
    /// </summary>
    public void OnEvent(string monitoredDevice, CstaEvent e, CpsEngine? engine)
    {
        if (!E164Number.TryParse(monitoredDevice, out var device)) return;
        if (e.PrivateData?.OnsOnd is { } pair) Learn(device, pair, engine);
        if (e is not (AgentReadyEvent or AgentNotReadyEvent) || engine is null || !_ondOfOns.ContainsKey(device)) return;
        var available = e is AgentReadyEvent;
        var result = available ? engine.BecomeAvailable(device) : engine.BecomeUnavailable(device);
        trace(result.Succeeded
            ? $"the Unify Phone of {device} set it {(available ? "available" : "unavailable")}"
            : $"the Unify Phone of {device} set it {(available ? "available" : "unavailable")}: not applied ({result.Error})");
    }

    private void Learn(E164Number device, OnsOndPair pair, CpsEngine? engine)
    {
        if (!E164Number.TryParse(WithPlus(pair.Ons), out var ons) || ons != device || !E164Number.TryParse(WithPlus(pair.Ond), out var ond))
        {
            Unusable++;
            trace($"V8 private data ONS {pair.Ons} / OND {pair.Ond} on the monitor of {device} not used");
            return;
        }
        if (_ondOfOns.TryGetValue(ons, out var known) && known == ond) return;
        _ondOfOns[ons] = ond;
        trace($"{ons} is presented as a Unify Phone ONS with OND {ond}");
        engine?.DeclareUnifyPhoneOns(ons, ond);
    }

    private static string WithPlus(string number) => number.StartsWith('+') ? number : "+" + number;
}
