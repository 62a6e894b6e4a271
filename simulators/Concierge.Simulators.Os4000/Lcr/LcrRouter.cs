using Concierge.Simulators.Os4000.Configuration;
using Concierge.Simulators.Osv.Configuration;
using Concierge.Simulators.Osv.Routing;

namespace Concierge.Simulators.Os4000.Lcr;

/// <summary>
/// OpenScape 4000 routing for the shared switching core: numbers are normalised to E.164 (VNR node codes replaced by
/// their E.164 prefix, short extensions given the node's prefix); the dial plan (LDPLN) sends CPS ranges to an LCR
/// route whose LDAT entries seize the STMI trunk group (LVAL 1, digits by the outdial rule, type international) and,
/// for pilot and personal-line ranges, reroute internally (LVAL 2, RERTEINT, LODR outpulse 5520) to the fallback hunt
/// group when the trunk cannot be seized. Stations and hunt groups are reached by extension; anything else goes out
/// on the public trunk. The attendant key codes (*17, *19) are features.
/// </summary>
public sealed class LcrRouter : ICallRouting
{
    private readonly Os4000Config _config;

    /// <summary>A router over <paramref name="config"/>.</summary>
    public LcrRouter(Os4000Config config) => _config = config;

    /// <summary>The name of the switch endpoint of an STMI trunk group.</summary>
    public static string TrunkEndpoint(int trunkGroup) => "TGRP" + trunkGroup.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string Normalize(string dialed, string? businessGroup)
    {
        if (dialed.StartsWith('*')) return "*" + new string(dialed.Skip(1).Where(char.IsAsciiDigit).ToArray());
        var digits = new string(dialed.Where(char.IsAsciiDigit).ToArray());
        if (dialed.StartsWith('+')) return digits;
        foreach (var node in _config.VnrNodes.OrderByDescending(n => n.NodeCode.Length))
        {
            if (digits.Length > node.NodeCode.Length && digits.StartsWith(node.NodeCode, StringComparison.Ordinal))
                return node.E164Prefix.TrimStart('+') + digits[node.NodeCode.Length..];
        }
        return digits.Length is > 0 and <= 6 ? _config.Numbering.PrefixDigits + digits : digits;
    }

    /// <inheritdoc />
    public RouteTarget Route(string digits)
    {
        if (digits.StartsWith('*')) return Feature(digits);
        if (Extension(digits) is not { } extension) return PublicTrunk(digits);
        if (_config.Lcr.DialPlan.FirstOrDefault(r => r.Contains(extension)) is { } range) return LcrRoute(digits, extension, range);
        return Internal(digits, extension) ?? new NoRoute(digits, 404, $"extension {extension} is not configured");
    }

    /// <inheritdoc />
    public RouteTarget RouteInBusinessGroup(string digits, string? businessGroup)
    {
        if (Extension(digits) is not { } extension || _config.Lcr.DialPlan.FirstOrDefault(r => r.Contains(extension)) is not { } range)
            return new NoRoute(digits, 503, "no LCR route to reroute");
        if (!range.FallsBack) return new NoRoute(digits, 503, $"{range.Kind} numbers have no reroute");
        var route = _config.Lcr.Routes[range.Route];
        var reroute = route.Entries.FirstOrDefault(e => e.IsInternalReroute);
        if (reroute is null || !_config.Lcr.OutdialRules.TryGetValue(reroute.OutdialRule, out var rule))
            return new NoRoute(digits, 503, $"LCR route {route.Number} has no internal reroute");
        var target = Outdial.Apply(rule, Outdial.Fields(extension));
        var full = Normalize(target.Number, businessGroup);
        return Extension(full) is { } internalExtension && Internal(full, internalExtension) is { } found
            ? found
            : new NoRoute(full, 404, $"reroute LVAL {reroute.Lval} to {target.Digits}: not an extension");
    }

    /// <inheritdoc />
    public string? BusinessGroupOf(string? number) => Os4000Switching.BusinessGroup;

    /// <summary>The extension of full digits of this node, or null for other numbers.</summary>
    public string? Extension(string digits)
    {
        var prefix = _config.Numbering.PrefixDigits;
        return digits.Length > prefix.Length && digits.StartsWith(prefix, StringComparison.Ordinal) ? digits[prefix.Length..] : null;
    }

    private RouteTarget LcrRoute(string digits, string extension, DialPlanRange range)
    {
        var route = _config.Lcr.Routes[range.Route];
        var seize = route.Entries.Where(e => e.TrunkGroup is not null).ToList();
        if (seize.Count == 0) return RouteInBusinessGroup(digits, null);
        var first = seize[0];
        var sent = Outdial.Apply(_config.Lcr.OutdialRules[first.OutdialRule], Outdial.Fields(extension));
        if (!sent.IsInternational) return new NoRoute(digits, 484, $"LCR route {route.Number} LVAL {first.Lval} sends type {sent.TypeOfNumber}; the CPS trunk needs international");
        var destination = new DestinationConfig($"LCR route {route.Number} ({route.Name})",
            range.FallsBack && route.Entries.Any(e => e.IsInternalReroute),
            seize.Select(e => TrunkEndpoint(e.TrunkGroup!.Value)).ToList());
        return new DestinationTarget(sent.Digits, destination);
    }

    private RouteTarget? Internal(string digits, string extension)
    {
        if (_config.HuntGroups.TryGetValue(extension, out var hg))
            return new HuntGroupTarget(digits, Os4000Switching.HuntGroupOf(_config, hg));
        if (_config.Stations.Values.FirstOrDefault(s => s.Extension == extension) is { } station)
            return new SubscriberTarget(digits, Os4000Switching.SubscriberOf(station));
        return null;
    }

    private RouteTarget PublicTrunk(string digits) =>
        _config.PublicTrunk is { } trunk
            ? new DestinationTarget(digits, new DestinationConfig("PSTN trunk group " + trunk.TrunkGroup, false, [trunk.Name]))
            : new NoRoute(digits, 404, "no public trunk");

    private RouteTarget Feature(string digits)
    {
        var codes = _config.AttendantFeatures;
        if (codes.MaliciousCallTrace is { } trace && digits == trace) return new FeatureTarget(digits, SwitchFeature.MaliciousCallTrace, null);
        if (codes.BusyOverride is { } knock && digits.StartsWith(knock, StringComparison.Ordinal) && digits.Length > knock.Length)
            return new FeatureTarget(digits, SwitchFeature.BusyOverride, _config.FullNumber(digits[knock.Length..]));
        return new NoRoute(digits, 404, $"key code {digits} is not configured");
    }
}
