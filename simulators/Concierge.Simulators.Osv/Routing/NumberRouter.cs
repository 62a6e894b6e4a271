using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv.Routing;

/// <summary>
/// Translates dialed digits with the OSV numbering plans: global E.164 codes (longest match) to destinations, code
/// processing and home DNs; and, for "Fallback to Local Numbering Plan", the business group's destination codes.
/// </summary>
public sealed class NumberRouter : ICallRouting
{
    private const int MaxTranslations = 8;
    private readonly OsvConfig _config;

    /// <summary>A router over <paramref name="config"/>.</summary>
    public NumberRouter(OsvConfig config) => _config = config;

    /// <summary>Digits of a dialed number: '+' dropped; short extensions get the business group's office code.</summary>
    public string Normalize(string dialed, string? businessGroup)
    {
        var digits = new string(dialed.Where(char.IsAsciiDigit).ToArray());
        var bg = BusinessGroup(businessGroup);
        if (!dialed.StartsWith('+') && bg is not null && digits.Length is > 0 and <= 6) return bg.OfficeCode + digits;
        return digits;
    }

    /// <summary>Routes <paramref name="digits"/> in the global numbering plan.</summary>
    public RouteTarget Route(string digits) => Resolve(digits, _config.GlobalPlan.E164Codes, 0);

    /// <summary>Routes <paramref name="digits"/> in the numbering plans of <paramref name="businessGroup"/> (fallback to local numbering plan).</summary>
    public RouteTarget RouteInBusinessGroup(string digits, string? businessGroup)
    {
        var bg = BusinessGroup(businessGroup);
        if (bg is null) return new NoRoute(digits, 480, "no business group for fallback");
        var codes = bg.NumberingPlans.Values.SelectMany(c => c).ToList();
        var match = LongestMatch(digits, codes);
        if (match is null) return HomeDn(digits, bg) ?? new NoRoute(digits, 480, $"no destination code in {bg.Name}");
        return Follow(digits, match, 0);
    }

    /// <summary>The business group of a subscriber number, or the first one.</summary>
    public string? BusinessGroupOf(string? number) =>
        number is not null && _config.Subscribers.FirstOrDefault(s => s.Number == number) is { } s ? s.BusinessGroup : _config.BusinessGroups.Keys.FirstOrDefault();

    private RouteTarget Resolve(string digits, IReadOnlyList<DestinationCode> codes, int depth)
    {
        var match = LongestMatch(digits, codes);
        if (match is null) return HomeDnAnywhere(digits) ?? new NoRoute(digits, 404, "no matching code");
        return Follow(digits, match, depth);
    }

    private RouteTarget Follow(string digits, DestinationCode code, int depth)
    {
        if (depth > MaxTranslations) return new NoRoute(digits, 482, "translation loop");
        switch (code.Type)
        {
            case DestinationType.Destination:
                return code.Target is not null && _config.GlobalPlan.Destinations.TryGetValue(code.Target, out var destination)
                    ? new DestinationTarget(digits, destination)
                    : new NoRoute(digits, 404, $"destination {code.Target} missing");
            case DestinationType.CodeProcessing:
                if (code.Target is null || !_config.GlobalPlan.CodeProcessing.TryGetValue(code.Target, out var processing))
                {
                    return new NoRoute(digits, 404, $"code processing {code.Target} missing");
                }
                var result = processing.Operations.Aggregate(digits, (d, op) => op.Apply(d));
                return HomeDnAnywhere(result) ?? Resolve(result, _config.GlobalPlan.E164Codes, depth + 1);
            default:
                var bg = code.Target is not null ? BusinessGroup(code.Target) : null;
                return (bg is not null ? HomeDn(digits, bg) : HomeDnAnywhere(digits)) ?? new NoRoute(digits, 404, "not a home DN");
        }
    }

    private static DestinationCode? LongestMatch(string digits, IEnumerable<DestinationCode> codes) =>
        codes.Where(c => digits.StartsWith(c.Code, StringComparison.Ordinal)).OrderByDescending(c => c.Code.Length).FirstOrDefault();

    private RouteTarget? HomeDnAnywhere(string digits) =>
        _config.BusinessGroups.Values.Select(bg => HomeDn(digits, bg)).FirstOrDefault(t => t is not null);

    private static RouteTarget? HomeDn(string digits, BusinessGroupConfig bg)
    {
        var number = "+" + digits;
        if (bg.HuntGroups.TryGetValue(number, out var hg)) return new HuntGroupTarget(digits, hg);
        if (bg.Subscribers.TryGetValue(number, out var s) && !s.ProfileOnly) return new SubscriberTarget(digits, s);
        return null;
    }

    private BusinessGroupConfig? BusinessGroup(string? name) =>
        name is not null && _config.BusinessGroups.TryGetValue(name, out var bg) ? bg : _config.BusinessGroups.Values.FirstOrDefault();
}
