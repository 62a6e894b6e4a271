namespace Concierge.Csta.Numbers;

/// <summary>
/// Routing data of one PABX connection (System Management "Routing"): country code, optional area code and trunk code
/// (the PABX's own number block) without leading zeros, the longest extension, the access codes, and whether an
/// OpenScape 4000 runs with VNR so its CSTA port speaks E.164.
/// </summary>
public sealed record PabxRoutingData(
    string CountryCode,
    string AreaCode,
    string TrunkCode,
    int MaxExtensionLength,
    AccessCodes AccessCodes,
    bool UseVnr = false);
