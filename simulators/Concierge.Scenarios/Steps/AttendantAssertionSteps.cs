using Concierge.Scenarios.StepLanguage;
using Reqnroll;
using Concierge.Scenarios.Systems;
using Concierge.Scenarios.Values;
using Concierge.Scenarios.World;

namespace Concierge.Scenarios.Steps;

/// <summary>The assertions of STEPS.md about attendants.</summary>
[Binding]
public sealed class AttendantAssertionSteps(ScenarioWorld world) : StepsBase(world)
{
    /// <summary>Then attendant "&lt;who&gt;" is available.</summary>
    [Then("attendant {number} is available")]
    public void AttendantIsAvailable(DeviceRef who) => ExpectAttendant(who, v => v.LoggedOn && v.Available);

    /// <summary>Then attendant "&lt;who&gt;" is unavailable.</summary>
    [Then("attendant {number} is unavailable")]
    public void AttendantIsUnavailable(DeviceRef who) => ExpectAttendant(who, v => v.LoggedOn && !v.Available);

    /// <summary>Then attendant "&lt;who&gt;" cannot answer calls.</summary>
    [Then("attendant {number} cannot answer calls")]
    public void AttendantCannotAnswerCalls(DeviceRef who) => ExpectAttendant(who, v => !v.CanAnswerCalls);

    /// <summary>Then attendant "&lt;who&gt;" hears the announcement "&lt;announcement&gt;" (on the attendant's phone).</summary>
    [Then("attendant {number} hears the announcement {string}")]
    public void AttendantHearsTheAnnouncement(DeviceRef who, string announcement)
    {
        var device = Number(who);
        var phones = Phones;
        World.Expect(() => phones.HearingAt(device) is { Hearing: CallerHearing.Announcement } heard && heard.Label == announcement,
            () => $"{device} " + phones.HearingAt(device).Describe());
    }

    /// <summary>Then attendant "&lt;who&gt;" sees "&lt;number&gt;" as "&lt;state&gt;" (busy lamp field).</summary>
    [Then("attendant {number} sees {number} as {string}")]
    public void AttendantSeesLampAs(DeviceRef who, DeviceRef number, string state)
    {
        var attendant = Number(who);
        var device = Number(number);
        var desk = Attendants;
        World.Expect(() => desk.LampSeenBy(attendant, device) == state,
            () => desk.LampSeenBy(attendant, device) is { } shown ? $"{device} is shown as \"{shown}\"" : $"{device} is not in the busy lamp field");
    }

    /// <summary>Then attendant "&lt;who&gt;" sees no call from caller "&lt;name&gt;" (another tenant's call, C 8.3).</summary>
    [Then("attendant {number} sees no call from caller {string}")]
    public void AttendantSeesNoCallFrom(DeviceRef who, string caller)
    {
        var device = Number(who);
        var call = CallOf(caller);
        var desk = Attendants;
        World.Expect(() => !desk.CallsSeenBy(device).Contains(call),
            () => $"{device} sees the calls of " + string.Join(", ", desk.CallsSeenBy(device).Select(c => c.Id)));
    }

    /// <summary>Then the attendants see a channel alert.</summary>
    [Then("the attendants see a channel alert")]
    public void TheAttendantsSeeAChannelAlert()
    {
        var desk = Attendants;
        World.Expect(
            () => desk.LoggedOnDevices.Select(desk.Observe).Any(v => v.SeesChannelAlert),
            () => "no logged-on attendant sees a channel alert");
    }

    private void ExpectAttendant(DeviceRef who, Func<AttendantView, bool> holds)
    {
        var device = Number(who);
        var desk = Attendants;
        World.Expect(() => holds(desk.Observe(device)), () => Describe(desk.Observe(device)));
    }

    private static string Describe(AttendantView view) =>
        !view.LoggedOn ? "logged off"
        : (view.Available ? "available" : "unavailable") + (view.CanAnswerCalls ? "" : ", cannot answer calls") + (view.CurrentCall is { } call ? $", handling {call}" : "");
}
