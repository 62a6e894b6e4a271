namespace Concierge.Scenarios.Systems;

/// <summary>The CSTA application link between Concierge and the PBX.</summary>
public interface ICstaLink
{
    /// <summary>The CPS runs without a CSTA link (SIP only): it pushes calls by INVITE and bridges them itself.</summary>
    void RunSipOnly() => throw new World.PendingStepException("needs a CPS that can run SIP only in this world");

    /// <summary>Every CPS's CSTA link opens an ECMA-354 application session of <paramref name="duration"/> from now on (the CPS restarts).</summary>
    void UseApplicationSession(TimeSpan duration) =>
        throw new World.PendingStepException("needs a CPS whose CSTA link can open an ECMA-354 application session in this world");

    /// <summary>What the active CPS's CSTA link has seen of the switch's dialect and its application session.</summary>
    CstaLinkFigures Figures() => throw new World.PendingStepException("needs a CPS with a CSTA link in this world");

    /// <summary>The link goes down.</summary>
    void Fail();

    /// <summary>The link comes back.</summary>
    void Restore();

    /// <summary>
    /// Sets or clears the PBX CSTA application's "Private Data Presentation – V8" (which marks Unify Phone ONS devices);
    /// the application restarts and the links and monitors start again.
    /// </summary>
    void SetPrivateDataPresentationV8(bool on);
}

/// <summary>
/// The active CPS's CSTA link: its application session (client and switch side), undecodable documents, device
/// identifiers it could not normalise, unknown events ignored.
/// </summary>
public sealed record CstaLinkFigures(string? SessionId, string? SwitchSessionId, long KeepAlives, long DecodeErrors, long NotNormalised,
    long UnknownEventsIgnored, long EventsDelivered);
