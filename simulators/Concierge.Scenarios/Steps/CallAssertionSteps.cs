using Concierge.Cps.Calls;
using Concierge.Cps.Records;
using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The assertions of STEPS.md about callers and their calls: queues, ringing, what they hear, how calls end.</summary>
[Binding]
public sealed class CallAssertionSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>Then caller "&lt;name&gt;" is queued at "&lt;pilot&gt;".</summary>
    [Then("caller {string} is queued at {number}")]
    public void CallerIsQueuedAt(string caller, DeviceRef pilot)
    {
        var number = Number(pilot);
        var call = CallOf(caller);
        var cps = Cps;
        World.Expect(() => cps.CallerQueue(number).Contains(call), () => DescribeQueue(cps, number));
    }

    /// <summary>Then the caller queue of "&lt;pilot&gt;" holds &lt;n&gt; calls.</summary>
    [Then("the caller queue of {number} holds {int} calls")]
    public void TheCallerQueueHolds(DeviceRef pilot, int count)
    {
        var number = Number(pilot);
        var cps = Cps;
        World.Expect(() => cps.CallerQueue(number).Count == count, () => DescribeQueue(cps, number));
    }

    /// <summary>Then the call from caller "&lt;name&gt;" rings at attendant "&lt;who&gt;".</summary>
    [Then("the call from caller {string} rings at attendant {number}")]
    public void RingsAtAttendant(string caller, DeviceRef who) => RingsAtAnyOf(caller, [who]);

    /// <summary>Then the call from caller "&lt;name&gt;" rings at "&lt;number&gt;".</summary>
    [Then("the call from caller {string} rings at {number}")]
    public void RingsAt(string caller, DeviceRef number) => RingsAtAnyOf(caller, [number]);

    /// <summary>Then the call from caller "&lt;name&gt;" rings at one of "&lt;a&gt;", "&lt;b&gt;", ….</summary>
    [Then("the call from caller {string} rings at one of {devices}")]
    public void RingsAtOneOf(string caller, IReadOnlyList<DeviceRef> devices) => RingsAtAnyOf(caller, devices);

    /// <summary>Then the call from caller "&lt;name&gt;" is an intercept call: typed intercept, with the office user it was meant for.</summary>
    [Then("the call from caller {string} is an intercept call")]
    public void IsAnInterceptCall(string caller)
    {
        var call = CallOf(caller);
        var cps = Cps;
        World.Expect(() => cps.TypeOf(call) is { Type: CallType.Intercept, MeantFor: not null },
            () => cps.TypeOf(call)?.Describe() ?? "the call has not reached the CPS");
    }

    /// <summary>Then the call from caller "&lt;name&gt;" is shown as "&lt;directory name&gt;" (its number is in the directory).</summary>
    [Then("the call from caller {string} is shown as {string}")]
    public void IsShownAs(string caller, string name)
    {
        var call = CallOf(caller);
        var desk = Attendants;
        World.Expect(() => desk.NameShownFor(call) == name, () => desk.NameShownFor(call) is { } shown ? $"shown as \"{shown}\"" : "shown without a directory name");
    }

    /// <summary>Then the call from caller "&lt;name&gt;" is not an intercept call (it reached the CPS some other way).</summary>
    [Then("the call from caller {string} is not an intercept call")]
    public void IsNotAnInterceptCall(string caller)
    {
        var call = CallOf(caller);
        var cps = Cps;
        World.Expect(() => cps.TypeOf(call) is { Type: not CallType.Intercept },
            () => cps.TypeOf(call)?.Describe() ?? "the call has not reached the CPS");
    }

    /// <summary>Then caller "&lt;name&gt;" is connected to "&lt;who or number&gt;".</summary>
    [Then("caller {string} is connected to {number}")]
    public void CallerIsConnectedTo(string caller, DeviceRef party)
    {
        var number = Number(party);
        ExpectView(caller, v => v.Hearing == CallerHearing.Connected && v.ConnectedTo == number);
    }

    /// <summary>Then caller "&lt;name&gt;" hears ringing.</summary>
    [Then("caller {string} hears ringing")]
    public void CallerHearsRinging(string caller) => ExpectView(caller, v => v.Hearing == CallerHearing.Ringing);

    /// <summary>Then caller "&lt;name&gt;" hears music on hold.</summary>
    [Then("caller {string} hears music on hold")]
    public void CallerHearsMusicOnHold(string caller) => ExpectView(caller, v => v.Hearing == CallerHearing.MusicOnHold);

    /// <summary>Then caller "&lt;name&gt;" hears busy tone.</summary>
    [Then("caller {string} hears busy tone")]
    public void CallerHearsBusyTone(string caller) => ExpectView(caller, v => v.Hearing == CallerHearing.BusyTone);

    /// <summary>Then caller "&lt;name&gt;" hears the announcement "&lt;announcement&gt;".</summary>
    [Then("caller {string} hears the announcement {string}")]
    public void CallerHearsTheAnnouncement(string caller, string announcement) =>
        ExpectView(caller, v => v.Hearing == CallerHearing.Announcement && v.Announcement == announcement);

    /// <summary>Then the call from caller "&lt;name&gt;" is in the processing queue as "&lt;state&gt;".</summary>
    [Then("the call from caller {string} is in the processing queue as {string}")]
    public void IsInTheProcessingQueueAs(string caller, ProcessingState state)
    {
        var wanted = state;
        var call = CallOf(caller);
        var cps = Cps;
        World.Expect(() => cps.ProcessingStateOf(call) == wanted,
            () => cps.ProcessingStateOf(call) is { } actual ? $"in the processing queue as {actual.ToString().ToLowerInvariant()}" : "not in the processing queue");
    }

    /// <summary>Then the call from caller "&lt;name&gt;" was not handled by the CPS.</summary>
    [Then("the call from caller {string} was not handled by the CPS")]
    public void WasNotHandledByTheCps(string caller)
    {
        var call = CallOf(caller);
        var cps = Cps;
        World.Expect(() => !cps.Handled(call), () => "the CPS handled the call");
    }

    /// <summary>Then the call from caller "&lt;name&gt;" ends as "&lt;disposition&gt;".</summary>
    [Then("the call from caller {string} ends as {string}")]
    public void TheCallEndsAs(string caller, CallDisposition disposition)
    {
        var wanted = disposition;
        ExpectView(caller, v => v.Disposition == wanted);
    }

    private void RingsAtAnyOf(string caller, IReadOnlyList<DeviceRef> devices)
    {
        var numbers = devices.Select(Number).ToArray();
        ExpectView(caller, v => v.RingingAt.Any(numbers.Contains));
    }

    private void ExpectView(string caller, Func<CallerView, bool> holds)
    {
        var call = CallOf(caller);
        var callers = Callers;
        World.Expect(() => holds(callers.Observe(call)), () => $"caller \"{caller}\" {callers.Observe(call).Describe()}");
    }

    private string DescribeQueue(ICpsService cps, string pilot)
    {
        var queue = cps.CallerQueue(pilot);
        if (queue.Count == 0) return $"the caller queue of {pilot} is empty";
        var names = queue.Select(c => World.Callers.All.FirstOrDefault(e => e.Call == c)?.Name ?? c.Id);
        return $"the caller queue of {pilot} holds {queue.Count}: {string.Join(", ", names)}";
    }
}
