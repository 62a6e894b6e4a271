using Concierge.Scenarios.Systems;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>The OSV's subscriber phones as scenarios drive them.</summary>
internal sealed class SimulatedPhones(OsvWorld world) : IPhones
{
    public PhoneHearing HearingAt(string number) =>
        world.Osv.Phones.TryGetValue(number, out var phone)
            ? HeardMedia.Of(phone.Hears)
            : throw new InvalidOperationException($"{number} has no phone on the OSV");

    public void SetBusy(string number) => Set(number, s => s with { RejectWith = 486, AnswerAfter = null });

    public void SetNoAnswer(string number) => Set(number, s => s with { AnswerAfter = null, RejectWith = null, AutoAnswerCti = false });

    public void SetAnswersAfter(string number, TimeSpan delay) => Set(number, s => s with { AnswerAfter = delay, RejectWith = null });

    public void SetForwardingUnconditional(string number, string destination)
    {
        if (!world.Osv.Switch.SetForwarding(number, Csta.Messages.ForwardingType.Immediate, destination))
            throw new InvalidOperationException($"the OSV refused call forwarding unconditional on {number} to {destination}");
    }

    public void SetForwardingOnNoAnswer(string number, string destination, TimeSpan delay)
    {
        if (!world.Osv.Switch.SetForwarding(number, Csta.Messages.ForwardingType.NoAnswer, destination)
            || !world.Osv.Switch.SetNoAnswerForwardingDelay(number, delay))
            throw new InvalidOperationException($"the OSV refused call forwarding on no answer on {number} to {destination} after {delay}");
    }

    public void SetForwardingOnBusy(string number, string destination)
    {
        if (!world.Osv.Switch.SetForwarding(number, Csta.Messages.ForwardingType.Busy, destination))
            throw new InvalidOperationException($"the OSV refused call forwarding when busy on {number} to {destination}");
    }

    public string? ForwardingUnconditional(string number) => world.Osv.Switch.Device(number)?.ForwardImmediate;

    public void Answer(string number)
    {
        if (!Phone(number).Answer()) throw new InvalidOperationException($"{number} has no ringing call to answer");
    }

    public void Reject(string number)
    {
        if (!Phone(number).Reject()) throw new InvalidOperationException($"{number} has no ringing call to reject");
    }

    public void HangUp(string number)
    {
        if (!Phone(number).Hangup()) throw new InvalidOperationException($"{number} has no call to hang up");
    }

    public void Dial(string number, string destination) => Phone(number).Dial(destination);

    private SimulatedPhone Phone(string number) =>
        world.Osv.Phone(number) ?? throw new InvalidOperationException($"{number} is not a phone of the OSV");

    private void Set(string number, Func<PhoneSettings, PhoneSettings> change)
    {
        var phone = Phone(number);
        phone.Settings = change(phone.Settings);
    }
}
