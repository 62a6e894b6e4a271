using Concierge.Simulators.OsBiz.Numbering;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.OsBiz.Stations;

namespace Concierge.Simulators.OsBiz.Users;

/// <summary>
/// A Unify Phone user instance (U 3.3): a virtual station (normally a Trusted External User) with a free internal call
/// number, optional DID, "Last, First" display name and e-mail of the cloud user; its Unify Phone call number; the
/// "Trusted external station call number" the station holds (<see cref="MobileCallNumber"/>, set by the wizard);
/// routing mode, alternative number and MULAP team.
/// </summary>
public sealed class UnifyPhoneUserInstance(string callNumber, string? did, string firstName, string lastName, string email)
{
    /// <summary>The internal call number.</summary>
    public string CallNumber { get; } = callNumber;

    /// <summary>The DID, or null (team members and users without DID).</summary>
    public string? Did { get; internal set; } = did;

    /// <summary>First name.</summary>
    public string FirstName { get; } = firstName;

    /// <summary>Last name.</summary>
    public string LastName { get; } = lastName;

    /// <summary>The name the wizard makes: "Last, First".</summary>
    public string DisplayName => $"{LastName}, {FirstName}";

    /// <summary>The cloud user's e-mail.</summary>
    public string Email { get; } = email;

    /// <summary>The station type (the wizard makes a Trusted External User).</summary>
    public StationKind Kind { get; internal set; } = StationKind.TrustedExternalUser;

    /// <summary>The Unify Phone call number (rewritten to the team's number when the user joins a MULAP).</summary>
    public UnifyPhoneCallNumber Number { get; internal set; } = null!;

    /// <summary>The number the station sends to the trunk as the Trusted external station call number.</summary>
    public string MobileCallNumber { get; internal set; } = "";

    /// <summary>True while the user holds an IP User (Mobility User) and a Unify Phone license.</summary>
    public bool Licensed { get; internal set; }

    /// <summary>True once the station was edited in Expert Mode instead of the wizard.</summary>
    public bool ChangedInExpertMode { get; internal set; }

    /// <summary>The routing mode chosen in the client.</summary>
    public RoutingMode Routing { get; internal set; } = RoutingMode.Default;

    /// <summary>The alternative number, or null.</summary>
    public string? AlternativeNumber { get; internal set; }

    /// <summary>The MULAP team's call number, or null when standalone.</summary>
    public string? Team { get; internal set; }
}
