using Concierge.Simulators.OsBiz.Numbering;
using Concierge.Simulators.OsBiz.Routing;
using Concierge.Simulators.OsBiz.Stations;

namespace Concierge.Simulators.OsBiz.Configuration;

/// <summary>What the Unify Phone Connectivity wizard set up (U 3.2, 3.6.2).</summary>
public sealed record ConnectivityConfig(
    bool Enabled,
    string Domain,
    string ApiKey,
    NumberingSchema Schema,
    LocationNumber LocationNumberIncoming,
    string SeizureCode,
    int Trunks,
    bool RouteTrustedExternalUsers,
    string SipServerHost,
    int SipServerPort,
    TimeSpan ReregistrationInterval,
    int SimultaneousCalls);

/// <summary>A Unify Phone user instance (U 3.3): a Trusted External User station with its cloud user.</summary>
public sealed record UserConfig(string CallNumber, string? Did, string FirstName, string LastName, string Email, RoutingMode Routing, string? Team, string? AlternativeNumber);

/// <summary>A MULAP team of one desk phone and one Unify Phone user (U 3.4).</summary>
public sealed record TeamConfig(string CallNumber, string Name, string? Did, string DeskPhone, string UnifyPhoneUser);

/// <summary>The `osbiz:` section of a topology: one OpenScape Business system with Unify Phone.</summary>
public sealed record OsBizConfig(
    string Host,
    string Name,
    string Mainboard,
    string Model,
    string Edition,
    int MaxUnifyPhoneUsers,
    bool SoftwareSupport,
    int UpstreamKbps,
    int IpUserLicenses,
    int UnifyPhoneLicenses,
    TimeSpan? UnifyPhoneLicenseExpiresIn,
    LocationNumber GatewayLocation,
    ConnectivityConfig Connectivity,
    IReadOnlyList<Station> Stations,
    IReadOnlyList<UserConfig> Users,
    IReadOnlyList<TeamConfig> Teams,
    TimeSpan ForwardAfter,
    bool Target2UserDefined);
