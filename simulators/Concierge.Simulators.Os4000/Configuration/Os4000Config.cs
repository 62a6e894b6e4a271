using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Os4000.Configuration;

/// <summary>The simulated OpenScape 4000 as read from a topology's <c>os4000:</c>, <c>network:</c> and <c>publicNetwork:</c> sections.</summary>
public sealed record Os4000Config(
    string Host,
    Os4000Numbering Numbering,
    StmiTrunkConfig Stmi,
    LcrConfig Lcr,
    IReadOnlyDictionary<string, Os4000HuntGroupConfig> HuntGroups,
    Os4000CstaConfig Csta,
    AttendantFeatureCodes AttendantFeatures,
    PublicTrunkConfig? PublicTrunk,
    IReadOnlyDictionary<string, StationConfig> Stations,
    IReadOnlyList<VnrNode> VnrNodes,
    NetworkConfig Network,
    PublicNetworkConfig? PublicNetwork)
{
    /// <summary>The full number (E.164 with '+') of an extension of this system.</summary>
    public string FullNumber(string extension) => Numbering.E164Prefix + extension;
}

/// <summary>The node's numbering: E.164 prefix (country, area, PABX number) and the extension length.</summary>
public sealed record Os4000Numbering(string CountryCode, string AreaCode, string PabxNumber, string E164Prefix, int ExtensionLength)
{
    /// <summary>The E.164 prefix without '+'.</summary>
    public string PrefixDigits => E164Prefix.TrimStart('+');
}

/// <summary>The STMI board's SIP trunk to the CPS: its trunk group, its B channels (≤ 120) and whether the CPS registers.</summary>
public sealed record StmiTrunkConfig(string Host, int SipPort, int TrunkGroup, int Channels, int MaxChannels, bool AllowSipRegisterForTrunking, string GatewayHost);

/// <summary>The LCR: outdial rules (LODR), routes (LDAT) and the dial plan (LDPLN) that selects a route.</summary>
public sealed record LcrConfig(
    IReadOnlyDictionary<string, IReadOnlyList<OutdialCommand>> OutdialRules,
    IReadOnlyDictionary<string, LcrRouteConfig> Routes,
    IReadOnlyList<DialPlanRange> DialPlan);

/// <summary>One LODR command.</summary>
public abstract record OutdialCommand;

/// <summary>OUTPULSE: send these digits.</summary>
public sealed record OutpulseCommand(string Digits) : OutdialCommand;

/// <summary>ECHO: send the dialed field (1 = the access digit, 2 = the rest).</summary>
public sealed record EchoCommand(int Field) : OutdialCommand;

/// <summary>NPI/TON: the numbering plan and type of number the digits are sent as.</summary>
public sealed record NumberTypeCommand(string Npi, string Ton) : OutdialCommand;

/// <summary>END.</summary>
public sealed record EndCommand : OutdialCommand;

/// <summary>An LCR route (LDAT) and its entries in LVAL order.</summary>
public sealed record LcrRouteConfig(string Number, string Name, IReadOnlyList<LdatEntry> Entries);

/// <summary>
/// One LDAT entry: LVAL, the trunk group it seizes (null for an internal reroute), the outdial rule, and its attribute
/// (RERTEINT: reroute internally with the outdial rule's digits).
/// </summary>
public sealed record LdatEntry(int Lval, int? TrunkGroup, string OutdialRule, string Attribute)
{
    /// <summary>True for an internal reroute (LATTR=RERTEINT).</summary>
    public bool IsInternalReroute => string.Equals(Attribute, "RERTEINT", StringComparison.OrdinalIgnoreCase);
}

/// <summary>What a range of the dial plan is to the CPS.</summary>
public enum DialPlanKind
{
    /// <summary>Pilot numbers (DDI entries).</summary>
    Pilot,
    /// <summary>Attendants' personal lines.</summary>
    PersonalLine,
    /// <summary>The loop number.</summary>
    Loop,
    /// <summary>Request numbers (internal resource).</summary>
    Request,
    /// <summary>Callback numbers (internal resource).</summary>
    Callback,
}

/// <summary>A range of extensions the dial plan sends to an LCR route.</summary>
public sealed record DialPlanRange(string First, string Last, string Route, DialPlanKind Kind)
{
    /// <summary>True when <paramref name="extension"/> is in the range (same length, numerically between).</summary>
    public bool Contains(string extension) =>
        extension.Length == First.Length && string.CompareOrdinal(extension, First) >= 0 && string.CompareOrdinal(extension, Last) <= 0;

    /// <summary>Pilot and personal-line calls fall back; internal resources never do (C 5.2.2).</summary>
    public bool FallsBack => Kind is DialPlanKind.Pilot or DialPlanKind.PersonalLine;
}

/// <summary>How an OS4000 hunt group (SA) hunts.</summary>
public enum Os4000HuntType
{
    /// <summary>STYPE=CYC: from the member after the last one rung.</summary>
    Cyclic,
    /// <summary>STYPE=LIN: always from the first member.</summary>
    Linear,
    /// <summary>Uniform call distribution (longest idle).</summary>
    Ucd,
}

/// <summary>A hunt group (ADD-SA) on its extension, with member extensions.</summary>
public sealed record Os4000HuntGroupConfig(string Extension, string Name, Os4000HuntType Type, IReadOnlyList<string> Members, int QueueSize);

/// <summary>The CSTA application: port, whether it is the E.164 port ("Use VNR"), and PRESENTATION_RESTRICTED.</summary>
public sealed record Os4000CstaConfig(string Host, int Port, bool UseVnr, string PresentationRestricted)
{
    /// <summary>True with PRESENTATION_RESTRICTED=ignore: restricted callers are reported with their number (C 5.1.2).</summary>
    public bool IgnoresRestriction => string.Equals(PresentationRestricted, "ignore", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The attendant features' key codes (WABE): malicious call trace and busy override.</summary>
public sealed record AttendantFeatureCodes(string? MaliciousCallTrace, string? BusyOverride);

/// <summary>The public network trunk group and its lines (for trunk monitoring; the public network is not limited).</summary>
public sealed record PublicTrunkConfig(string Name, int TrunkGroup, string Host, int Port, int Channels = 30);

/// <summary>A station (SBCSU) by its E.164 number: extension, name, role and phone settings.</summary>
public sealed record StationConfig(string Number, string Extension, string Alias, string Name, string Role, bool AutoAnswerCti, bool CallWaiting);

/// <summary>A VNR node: its node code and the E.164 prefix it stands for (C 5.4.9).</summary>
public sealed record VnrNode(string NodeCode, string E164Prefix);
