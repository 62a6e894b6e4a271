using System.Net;

namespace Concierge.Simulators.Osv.Configuration;

/// <summary>The simulated OpenScape Voice as read from a topology's <c>osv:</c>, <c>network:</c> and <c>publicNetwork:</c> sections.</summary>
public sealed record OsvConfig(
    string Host,
    int SipPort,
    TimeSpan MinimumRegisterInterval,
    bool DigestAuthentication,
    int CstaPort,
    bool PrivateDataPresentationV8,
    GlobalNumberingPlan GlobalPlan,
    IReadOnlyDictionary<string, EndpointProfileConfig> EndpointProfiles,
    IReadOnlyDictionary<string, EndpointConfig> Endpoints,
    IReadOnlyDictionary<string, BusinessGroupConfig> BusinessGroups,
    NetworkConfig Network,
    PublicNetworkConfig? PublicNetwork,
    GeoSeparationConfig? GeoSeparation = null,
    IReadOnlyCollection<string>? MusicOnHoldHuntGroups = null)
{
    /// <summary>Every subscriber of every business group, by number.</summary>
    public IEnumerable<SubscriberConfig> Subscribers => BusinessGroups.Values.SelectMany(bg => bg.Subscribers.Values);

    /// <summary>Every hunt group of every business group.</summary>
    public IEnumerable<HuntGroupConfig> HuntGroups => BusinessGroups.Values.SelectMany(bg => bg.HuntGroups.Values);
}

/// <summary>Hosts and phone ports of the simulated network.</summary>
public sealed record NetworkConfig(IReadOnlyDictionary<string, IPAddress> Hosts, int PhonePortBase);

/// <summary>Where external callers come from.</summary>
public sealed record PublicNetworkConfig(string Host, string Pbx, string Trunk);

/// <summary>The global numbering plan (Global Translation and Routing / NP_Common).</summary>
public sealed record GlobalNumberingPlan(
    IReadOnlyList<DestinationCode> E164Codes,
    IReadOnlyDictionary<string, DestinationConfig> Destinations,
    IReadOnlyDictionary<string, CodeProcessingConfig> CodeProcessing);

/// <summary>What a matched code leads to.</summary>
public enum DestinationType
{
    /// <summary>A destination (route list).</summary>
    Destination,
    /// <summary>A code processing (digit manipulation, then a home DN).</summary>
    CodeProcessing,
    /// <summary>A home directory number of a business group (subscriber or hunt group).</summary>
    HomeDn,
}

/// <summary>An E.164 code (global plan) or a destination code (BG plan): digits prefix → where it goes.</summary>
public sealed record DestinationCode(string Code, string NatureOfAddress, DestinationType Type, string? Target);

/// <summary>A destination: an ordered route list and whether failure re-routes in the caller's BG plan.</summary>
public sealed record DestinationConfig(string Name, bool FallbackToLocalNumberingPlan, IReadOnlyList<string> RouteEndpoints);

/// <summary>A code processing: digit operations in order, producing a home DN.</summary>
public sealed record CodeProcessingConfig(string Name, string? OfficeCode, IReadOnlyList<DigitOperation> Operations);

/// <summary>One digit manipulation: delete <see cref="Delete"/> digits or insert <see cref="Insert"/> at <see cref="Position"/>.</summary>
public sealed record DigitOperation(int Position, int Delete, string? Insert)
{
    /// <summary>Applies the operation to <paramref name="digits"/>.</summary>
    public string Apply(string digits)
    {
        var at = Math.Clamp(Position, 0, digits.Length);
        if (Insert is not null) return digits.Insert(at, Insert);
        var count = Math.Min(Delete, digits.Length - at);
        return count <= 0 ? digits : digits.Remove(at, count);
    }
}

/// <summary>An endpoint profile: the business group and numbering plan of calls from its endpoints.</summary>
public sealed record EndpointProfileConfig(string Name, string? BusinessGroup, string? NumberingPlan, string? CallForwardInvalidDestination = null)
{
    /// <summary>The OSV service name that sends calls to unassigned numbers on to <see cref="CallForwardInvalidDestination"/>.</summary>
    public const string CallForwardInvalidDestinationService = "Call Forward Invalid Destination";
}

/// <summary>
/// A SIP endpoint (trunk): dynamic ones register with an alias, static ones have a fixed address. With
/// <see cref="Channels"/> the trunk carries at most that many calls (both directions): beyond, it cannot be seized.
/// </summary>
public sealed record EndpointConfig(
    string Name,
    string? Profile,
    bool Dynamic,
    IReadOnlyList<string> Aliases,
    string? AddressHost,
    int Port,
    bool RegistrationRequired,
    bool IsPublicGateway,
    TimeSpan OutgoingCallSupervisionTimer,
    int? Channels = null);

/// <summary>A business group: office code, numbering plans, subscribers and hunt groups.</summary>
public sealed record BusinessGroupConfig(
    string Name,
    string OfficeCode,
    IReadOnlyDictionary<string, IReadOnlyList<DestinationCode>> NumberingPlans,
    IReadOnlyDictionary<string, SubscriberConfig> Subscribers,
    IReadOnlyDictionary<string, HuntGroupConfig> HuntGroups);

/// <summary>A subscriber (directory number) and its phone.</summary>
public sealed record SubscriberConfig(
    string Number,
    string Alias,
    string BusinessGroup,
    string? DisplayName,
    string Role,
    bool ProfileOnly,
    bool AutoAnswerCti,
    bool CallWaiting,
    string? UnifyPhoneRole,
    string? UnifyPhonePartner);

/// <summary>How a hunt group picks the member to ring.</summary>
public enum HuntType
{
    /// <summary>Uniform call distribution: the longest idle member.</summary>
    Ucd,
    /// <summary>Always from the first member.</summary>
    Linear,
    /// <summary>From the member after the last one rung.</summary>
    Circular,
    /// <summary>No automatic distribution (OSCC routes); behaves as UCD when routed to.</summary>
    Manual,
}

/// <summary>A hunt group member and its flags.</summary>
public sealed record HuntGroupMemberConfig(string Number, bool AttendantAgent, bool CanMakeHuntGroupBusy);

/// <summary>A hunt group.</summary>
public sealed record HuntGroupConfig(
    string Number,
    string Name,
    HuntType Type,
    int QueueSize,
    TimeSpan MaxTimeInQueue,
    string? OverflowDestination,
    IReadOnlyList<HuntGroupMemberConfig> Members);

/// <summary>A geo-separated OSV: the DNS zone and the nodes, each on its own host with its SRV priority and weight.</summary>
public sealed record GeoSeparationConfig(string Zone, IReadOnlyList<GeoNodeConfig> Nodes);

/// <summary>One node of a geo-separated OSV.</summary>
public sealed record GeoNodeConfig(string Name, string Host, int Priority, int Weight);
