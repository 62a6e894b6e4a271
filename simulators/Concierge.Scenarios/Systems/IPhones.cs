namespace Concierge.Scenarios.Systems;

/// <summary>Phones and devices on the PBX (office users, attendant phones), addressed by full number.</summary>
public interface IPhones
{
    /// <summary>The device is busy: new calls to it get busy.</summary>
    void SetBusy(string number);

    /// <summary>The device rings but is never answered.</summary>
    void SetNoAnswer(string number);

    /// <summary>The device answers every call after <paramref name="delay"/> of ringing.</summary>
    void SetAnswersAfter(string number, TimeSpan delay);

    /// <summary>Configures call forwarding unconditional on the PBX.</summary>
    void SetForwardingUnconditional(string number, string destination);

    /// <summary>Configures call forwarding on no answer on the PBX: after <paramref name="delay"/> of ringing the call goes to <paramref name="destination"/>.</summary>
    void SetForwardingOnNoAnswer(string number, string destination, TimeSpan delay) =>
        throw new World.PendingStepException("needs call forwarding on no answer in this PBX simulator");

    /// <summary>Configures call forwarding when busy on the PBX.</summary>
    void SetForwardingOnBusy(string number, string destination) =>
        throw new World.PendingStepException("needs call forwarding when busy in this PBX simulator");

    /// <summary>The CFU destination configured on the PBX, or null.</summary>
    string? ForwardingUnconditional(string number);

    /// <summary>What the user at the device hears now (an announcement with its name, music, a party, …).</summary>
    PhoneHearing HearingAt(string number) => throw new World.PendingStepException("needs what phones hear in this PBX simulator");

    /// <summary>The device answers its ringing call.</summary>
    void Answer(string number);

    /// <summary>The device rejects its ringing call.</summary>
    void Reject(string number);

    /// <summary>The device hangs up.</summary>
    void HangUp(string number);

    /// <summary>The device dials <paramref name="destination"/>.</summary>
    void Dial(string number, string destination);
}
