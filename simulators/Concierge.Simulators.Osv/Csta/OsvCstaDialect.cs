using Concierge.Csta.Codec;
using Concierge.Csta.Numbers;
using Concierge.Simulators.Osv.Configuration;

namespace Concierge.Simulators.Osv.Csta;

/// <summary>
/// How the simulated OpenScape Voice speaks CSTA, as a real one does: ECMA-323 edition 4, device identifiers in its
/// <c>N&lt;…&gt;</c> form without '+' (a subscriber's line as <c>N&lt;digits&gt;Line&lt;alias&gt;;noa=international;
/// displayNumber=digits;uid=…</c>, any other E.164 number as <c>N&lt;digits&gt;;noa=international</c>, dialled digit
/// strings as <c>N&lt;digits&gt;;noa=nk</c>), the optional event elements and the scx private element. Identifiers
/// in requests are read in any of these forms as well as plain.
/// </summary>
public static class OsvCstaDialect
{
    /// <summary>The dialect of the OSV configured by <paramref name="config"/>.</summary>
    public static CstaDialect For(OsvConfig config)
    {
        var lines = config.Subscribers.GroupBy(s => s.Number, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Alias, StringComparer.Ordinal);
        // The same few devices are named on every event: their spelling is kept (bounded).
        var spelled = new Dictionary<string, string>(StringComparer.Ordinal);
        return new CstaDialect
        {
            WrittenNamespace = CstaNamespace.Edition4,
            WriteDevice = device =>
            {
                if (spelled.TryGetValue(device, out var text)) return text;
                if (spelled.Count >= 4_096) spelled.Clear();
                return spelled[device] = Spell(device, lines);
            },
            ReadDevice = DeviceNumberNormaliser.InternationalOnly.Normalise,
            WriteOsvExtras = true,
        };
    }

    /// <summary>The OSV spelling of one device identifier; names that are no number stay as they are.</summary>
    public static string Spell(string device, IReadOnlyDictionary<string, string> lineAliases)
    {
        if (OsvDeviceIdentifier.LooksLikeOne(device)) return device;
        var international = device.StartsWith('+');
        var digits = international ? device[1..] : device;
        if (digits.Length == 0 || digits.Length > OsvDeviceIdentifier.MaxNumberLength || !digits.All(char.IsAsciiDigit)) return device;
        if (!international) return OsvDeviceIdentifier.WithNoa(digits, "nk").ToString();
        if (lineAliases.TryGetValue(device, out var alias) && alias.All(char.IsAsciiLetterOrDigit))
        {
            return new OsvDeviceIdentifier(digits, "Line" + alias, ValueList.Of(
                new KeyValuePair<string, string>("noa", "international"),
                new KeyValuePair<string, string>("displayNumber", digits),
                new KeyValuePair<string, string>("uid", "osv-" + digits))).ToString();
        }
        return OsvDeviceIdentifier.WithNoa(digits, "international").ToString();
    }
}
