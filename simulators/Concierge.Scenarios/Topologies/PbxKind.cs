namespace Concierge.Scenarios.Topologies;

/// <summary>The PBX family a topology is built around; it names the simulator its steps need.</summary>
public enum PbxKind
{
    /// <summary>OpenScape Voice.</summary>
    Osv,
    /// <summary>OpenScape 4000.</summary>
    Os4000,
    /// <summary>OpenScape Business.</summary>
    OpenScapeBusiness,
}
