namespace Concierge.Simulators.Phones.Agents;

/// <summary>How a simulated phone behaves when a call comes in.</summary>
public sealed record PhoneSettings
{
    /// <summary>Answers calls marked for auto-answer (Call-Info answer-after / Alert-Info auto-answer) at once: attendant phones.</summary>
    public bool AutoAnswerCti { get; init; }

    /// <summary>A second call while one is active rings (true) or gets 486 Busy Here (false).</summary>
    public bool CallWaiting { get; init; } = true;

    /// <summary>Every incoming call is answered after this delay; null waits for <see cref="SimulatedPhone.Answer"/>.</summary>
    public TimeSpan? AnswerAfter { get; init; }

    /// <summary>When set, every incoming call is rejected with this status (486 = busy, 603 = decline …).</summary>
    public int? RejectWith { get; init; }
}
