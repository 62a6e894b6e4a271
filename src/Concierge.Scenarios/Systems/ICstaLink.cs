namespace Concierge.Scenarios.Systems;

/// <summary>The CSTA application link between Concierge and the PBX.</summary>
public interface ICstaLink
{
    /// <summary>The link goes down.</summary>
    void Fail();

    /// <summary>The link comes back.</summary>
    void Restore();
}
