using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;
using Concierge.Scenarios.Worlds.Os4000;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Scenarios.Steps;

/// <summary>
/// Phrases for what only the OpenScape 4000 has (STEPS.md has none for them): the STMI trunk's B channels, phones
/// dialing digits and key codes (*17 malicious call trace, *19 busy override), and what the switch recorded.
/// </summary>
[Binding]
public sealed class Os4000Steps(ScenarioWorld world) : StepsBase(world)
{
    private Os4000World Os4000 => World.Need(World.System as Os4000World, "the OpenScape 4000 simulator");

    /// <summary>Given the STMI trunk has &lt;n&gt; B channels.</summary>
    [Given("the STMI trunk has {int} B channels")]
    public void TheStmiTrunkHas(int channels) => Os4000.Os4000.SetStmiChannels(channels);

    /// <summary>When "&lt;number&gt;" dials "&lt;digits&gt;": a phone dials digits or a key code as its user keys them.</summary>
    [When("{number} dials {string}")]
    public void PhoneDials(DeviceRef number, string digits)
    {
        if (digits.Length == 0 || !digits.All(c => char.IsAsciiDigit(c) || c is '*' or '#' or '+'))
            throw new FormatException($"\"{digits}\" is not digits or a key code such as *17");
        Phones.Dial(Number(number), digits);
    }

    /// <summary>Then "&lt;number&gt;" rings with a call from "&lt;from&gt;".</summary>
    [Then("{number} rings with a call from {number}")]
    public void RingsWithACallFrom(DeviceRef number, DeviceRef from)
    {
        var phone = Phone(number);
        var caller = Number(from);
        World.Expect(() => phone.IsRingingFrom(caller), () => $"{phone} {Describe(phone)}");
    }

    /// <summary>Then "&lt;number&gt;" hears busy tone.</summary>
    [Then("{number} hears busy tone")]
    public void HearsBusyTone(DeviceRef number)
    {
        var phone = Phone(number);
        World.Expect(() => phone.Calls.Count > 0 && phone.Calls[^1].State == PartyCallState.Busy, () => $"{phone} {Describe(phone)}");
    }

    /// <summary>Then the OpenScape 4000 traced the call from caller "&lt;name&gt;" as malicious.</summary>
    [Then("the OpenScape 4000 traced the call from caller {string} as malicious")]
    public void TracedAsMalicious(string caller)
    {
        var number = World.Callers.Get(caller).CallingNumber;
        var os4000 = Os4000.Os4000;
        World.Expect(() => os4000.Switch.MaliciousCallTraces.Any(t => t.TracedParty == number),
            () => os4000.Switch.MaliciousCallTraces.Count == 0 ? "no malicious call trace"
                : "traces: " + string.Join(", ", os4000.Switch.MaliciousCallTraces.Select(t => $"{t.TracedParty} at {t.Device}")));
    }

    /// <summary>Then the OpenScape 4000 traced no call as malicious.</summary>
    [Then("the OpenScape 4000 traced no call as malicious")]
    public void TracedNothing()
    {
        var os4000 = Os4000.Os4000;
        World.Expect(() => os4000.Switch.MaliciousCallTraces.Count == 0,
            () => "traces: " + string.Join(", ", os4000.Switch.MaliciousCallTraces.Select(t => $"{t.TracedParty} at {t.Device}")));
    }

    /// <summary>Then the STMI trunk has &lt;n&gt; B channels in use.</summary>
    [Then("the STMI trunk has {int} B channels in use")]
    public void ChannelsInUse(int channels)
    {
        var os4000 = Os4000.Os4000;
        World.Expect(() => os4000.StmiChannelsInUse == channels, () => $"{os4000.StmiChannelsInUse} of {os4000.StmiChannels} B channels in use");
    }

    /// <summary>Then the CPS queues the call from "&lt;number&gt;" at "&lt;pilot&gt;": a phone's call reached the CPS as that pilot (E.164).</summary>
    [Then("the CPS queues the call from {number} at {number}")]
    public void TheCpsQueuesTheCallFrom(DeviceRef from, DeviceRef pilot)
    {
        var device = Number(from);
        var number = Number(pilot);
        var core = Os4000.Core;
        World.Expect(() => core.ActiveEngineOrNull?.FindCallFrom(device)?.Entry?.Pilot.ToString() == number,
            () => core.ActiveEngineOrNull?.FindCallFrom(device) is { } call
                ? $"the CPS has the call from {device} at {call.Entry?.Pilot.ToString() ?? "no DDI entry"}"
                : $"the CPS has no call from {device}");
    }

    /// <summary>When caller "&lt;name&gt;" with restricted presentation dials "&lt;number&gt;" (CLIR: Privacy: id).</summary>
    [When("caller {string} with restricted presentation dials {number}")]
    public void RestrictedCallerDials(string name, DeviceRef number)
    {
        var dialled = Number(number);
        var callers = World.Need(Os4000.Core.Callers as Worlds.Osv.SimulatedCallers, "the OpenScape 4000 simulator and its callers");
        _numbers ??= World.Random.Split("scenario.restricted-caller-numbers");
        var from = "+4930" + _numbers.Next(1_000_000, 10_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        World.Trace.Record("caller", $"{name} from {from} (presentation restricted) dials {dialled}");
        World.Callers.Add(name, from, callers.Dial(name, from, dialled, presentationRestricted: true));
    }

    /// <summary>Then the OpenScape 4000 reports the number of caller "&lt;name&gt;" over CSTA.</summary>
    [Then("the OpenScape 4000 reports the number of caller {string} over CSTA")]
    public void ReportsTheNumber(string caller) => ExpectCallingDevice(caller, restricted: false);

    /// <summary>Then the OpenScape 4000 reports caller "&lt;name&gt;" as restricted over CSTA.</summary>
    [Then("the OpenScape 4000 reports caller {string} as restricted over CSTA")]
    public void ReportsRestricted(string caller) => ExpectCallingDevice(caller, restricted: true);

    private Concierge.Runtime.Randomness.DeterministicRandom? _numbers;

    private void ExpectCallingDevice(string caller, bool restricted)
    {
        var number = World.Callers.Get(caller).CallingNumber;
        var core = Os4000.Os4000.Core;
        // The caller's own call into the switch (later calls, e.g. the CPS pushing it to an attendant, are the CPS's).
        string? Reported() => core.Switch.Calls.FirstOrDefault(c => c.CallingNumber == number) is { } call
            ? core.Csta.Events.CallingDeviceOf(call) is { Kind: Concierge.Csta.Messages.EventDeviceKind.Restricted } ? "restricted" : core.Csta.Events.CallingDeviceOf(call).Id
            : null;
        World.Expect(() => Reported() == (restricted ? "restricted" : number),
            () => Reported() is { } r ? $"CSTA reports the calling device as {r}" : $"the OpenScape 4000 has no call from {number}");
    }

    private SimulatedPhone Phone(DeviceRef number) =>
        Os4000.Os4000.Core.Phone(Number(number)) ?? throw new InvalidOperationException($"{Number(number)} is not a phone of the OpenScape 4000");

    private static string Describe(SimulatedPhone phone) =>
        phone.Calls.Count == 0 ? "has no calls" : "has " + string.Join(", ", phone.Calls.Where(c => c.IsActive || c == phone.Calls[^1]).Select(c => $"{c.State} with {c.RemoteNumber}"));
}
