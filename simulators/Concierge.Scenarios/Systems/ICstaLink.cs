namespace Concierge.Scenarios.Systems;

/// <summary>The CSTA application link between Concierge and the PBX.</summary>
public interface ICstaLink
{
    /// <summary>The CPS runs without a CSTA link (SIP only): it pushes calls by INVITE and bridges them itself.</summary>
    void RunSipOnly() => throw new World.PendingStepException("needs a CPS that can run SIP only in this world");

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
