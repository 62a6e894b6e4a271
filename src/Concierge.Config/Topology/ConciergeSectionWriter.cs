using System.Globalization;
using Concierge.Config.Durations;
using Concierge.Config.Model;
using Concierge.Config.Numbers;
using Concierge.Config.Validation;

namespace Concierge.Config.Topology;

/// <summary>
/// Writes a <see cref="ConciergeConfig"/> as a topology file's <c>concierge:</c> section, in the spellings
/// <see cref="ConciergeSectionReader"/> reads (durations as "30 seconds", choices in words, numbers in E.164), so
/// that reading the text back gives an equal configuration. Every field is written, defaults included.
/// </summary>
public static class ConciergeSectionWriter
{
    private static readonly SourceLocation Nowhere = new("(written)", 0, 0);

    /// <summary>A YAML document holding only the <c>concierge:</c> section of <paramref name="config"/>.</summary>
    public static string WriteDocument(ConciergeConfig config) =>
        TopologyYamlWriter.Write(Map((ConciergeSectionReader.SectionName, Section(config))));

    /// <summary>The <c>concierge:</c> section of <paramref name="config"/> as a node tree.</summary>
    public static TopologyMapping Section(ConciergeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cps = config.Cps;
        return Map(
            ("edition", Words(config.Edition)),
            ("pbx", Scalar(config.Pbx == PbxType.Os4000 ? "OpenScape 4000" : config.Pbx == PbxType.Osv ? "OpenScape Voice" : Words(config.Pbx).Value)),
            ("cps", Map(("host", Scalar(cps.Host)), ("registerId", Scalar(cps.RegisterId)), ("registrarHost", Scalar(cps.RegistrarHost)),
                ("registrarPort", Int(cps.RegistrarPort)), ("registerInterval", Duration(cps.RegisterInterval)), ("channels", Int(cps.Channels)),
                ("channelRatio", Int(cps.ChannelRatio)), ("rtpStartPort", Int(cps.RtpStartPort)), ("rtpPortCount", Int(cps.RtpPortCount)))),
            ("ranges", Ranges(config.Ranges)),
            ("tenants", Keyed(config.Tenants, t => t.Name, Tenant)),
            ("announcements", Keyed(config.Announcements, a => a.Name, a => Map(("type", Words(a.Type)), ("tenant", Scalar(a.Tenant)),
                ("file", Scalar(a.File)), ("duration", a.Duration is { } d ? Duration(d) : null), ("loops", Flag(a.Loops))))),
            ("nightVariants", Keyed(config.NightVariants, v => v.Name, v => Map(("mode", Words(v.Mode)), ("tenant", Scalar(v.Tenant)),
                ("announcement", Scalar(v.Announcement)), ("forwardingDestination", Number(v.ForwardingDestination))))),
            ("ddiEntries", Keyed(config.DdiEntries, e => e.Pilot.ToString(), DdiEntry)),
            ("attendants", Keyed(config.Attendants, a => a.Device.ToString(), a => Map(("alias", Scalar(a.Alias)),
                ("personalLine", Number(a.PersonalLine)), ("greeting", Scalar(a.Greeting)),
                ("unifyPhone", a.UnifyPhone is { } pair ? Map(("ons", Number(pair.Ons)), ("ond", Number(pair.Ond))) : null),
                ("tenant", Scalar(a.Tenant))))),
            ("busyLamps", config.BusyLamps is { } lamps ? Map(("first", Number(lamps.First)), ("last", Number(lamps.Last))) : null),
            ("pabxRouting", config.PabxRouting is { } r ? PabxRouting(r) : null),
            ("standby", config.Standby is { } s ? Map(("primaryServer", Scalar(s.PrimaryServer)), ("primaryHost", Scalar(s.PrimaryHost)),
                ("standbyServer", Scalar(s.StandbyServer)), ("standbyHost", Scalar(s.StandbyHost)), ("loopInterval", Duration(s.LoopInterval)),
                ("loopCallsMissedBeforeTakeover", Int(s.LoopCallsMissedBeforeTakeover))) : null));
    }

    private static TopologyMapping PabxRouting(Csta.Numbers.PabxRoutingData r) => Map(
        ("countryCode", Scalar(r.CountryCode)), ("areaCode", Scalar(r.AreaCode)), ("trunkCode", Scalar(r.TrunkCode)),
        ("maxExtensionLength", Int(r.MaxExtensionLength)),
        ("accessCodes", Map(("public", Scalar(r.AccessCodes.Public)), ("national", Scalar(r.AccessCodes.National)),
            ("international", Scalar(r.AccessCodes.International)), ("local", Scalar(r.AccessCodes.Local)))),
        ("useVnr", Flag(r.UseVnr)));

    private static TopologyMapping Ranges(CpsNumberRanges ranges) => Map(
        ("pilot", ranges.Pilot is { } pilot ? Range(pilot) : null), ("personalLines", Range(ranges.PersonalLines)),
        ("loop", Number(ranges.Loop)), ("request", Range(ranges.Request)), ("callback", Range(ranges.Callback)));

    private static TopologyMapping Tenant(Tenant t) => Map(
        ("routingType", Words(t.RoutingType)),
        ("times", Map(("maxTransferTime", Duration(t.Times.MaxTransferTime)), ("maxTimeInIncomingQueue", Duration(t.Times.MaxTimeInIncomingQueue)),
            ("rnaTimeout", Duration(t.Times.RnaTimeout)), ("ringTime", Duration(t.Times.RingTime)))),
        ("priorities", Map(("standard", Int(t.Priorities.Standard)), ("internal", Int(t.Priorities.Internal)), ("intercept", Int(t.Priorities.Intercept)),
            ("personalLine", Int(t.Priorities.PersonalLine)), ("recall", Int(t.Priorities.Recall)))),
        ("paging", Map(("enabled", Flag(t.Paging.Enabled)), ("announcement", Scalar(t.Paging.Announcement)), ("maxParkedCalls", Int(t.Paging.MaxParkedCalls)))),
        ("announcements", Map(("musicOnHold", Scalar(t.Announcements.MusicOnHold)), ("startAnnouncement", Scalar(t.Announcements.StartAnnouncement)),
            ("numberNotInService", Scalar(t.Announcements.NumberNotInService)), ("notAvailable", Scalar(t.Announcements.NotAvailable)))),
        ("timeOverflowVariant", Scalar(t.TimeOverflowVariant)));

    private static TopologyMapping DdiEntry(DdiEntry e) => Map(
        ("tenant", Scalar(e.Tenant)), ("name", Scalar(e.Name)), ("purpose", Scalar(e.Purpose)), ("company", Scalar(e.Company)),
        ("times", Map(("maxTransferTime", OptionalDuration(e.Times.MaxTransferTime)), ("maxTimeInIncomingQueue", OptionalDuration(e.Times.MaxTimeInIncomingQueue)),
            ("rnaTimeout", OptionalDuration(e.Times.RnaTimeout)), ("ringTime", OptionalDuration(e.Times.RingTime)))),
        ("timeOverflowVariant", Scalar(e.TimeOverflowVariant)), ("nightVariant", Scalar(e.NightVariant)),
        ("overload", Map(("action", Words(e.Overload.Action)), ("destination", Number(e.Overload.Destination)))),
        ("priority", e.Priority is { } p ? Int(p) : null), ("startAnnouncement", Scalar(e.StartAnnouncement)), ("musicOnHold", Scalar(e.MusicOnHold)),
        ("oscc", e.Oscc is { } o ? Map(("initialHuntGroup", Number(o.InitialHuntGroup)), ("musicOnHoldHuntGroup", Number(o.MusicOnHoldHuntGroup))) : null),
        ("os4000Rcg", Scalar(e.Os4000Rcg)));

    private static TopologyMapping Keyed<T>(IEnumerable<T> items, Func<T, string> key, Func<T, TopologyNode> value) =>
        new(items.Select(i => new TopologyEntry(key(i), Nowhere, value(i))).ToList(), Nowhere);

    /// <summary>A mapping of the entries whose value is not null (an absent field reads as its default).</summary>
    private static TopologyMapping Map(params (string Key, TopologyNode? Value)[] entries) =>
        new(entries.Where(e => e.Value is not null && e.Value is not TopologyScalar { Value: null })
            .Select(e => new TopologyEntry(e.Key, Nowhere, e.Value!)).ToList(), Nowhere);

    private static TopologyMapping Range(NumberRange range) => Map(("first", Number(range.First)), ("last", Number(range.Last)));

    private static TopologyScalar Scalar(string? text) => new(text, Nowhere);

    private static TopologyScalar Int(int value) => Scalar(value.ToString(CultureInfo.InvariantCulture));

    private static TopologyScalar Flag(bool value) => Scalar(value ? "true" : "false");

    private static TopologyScalar Duration(TimeSpan value) => Scalar(DurationText.Format(value));

    private static TopologyScalar? OptionalDuration(TimeSpan? value) => value is { } v ? Duration(v) : null;

    private static TopologyScalar Number(E164Number? number) => Scalar(number?.ToString());

    private static TopologyScalar Words<T>(T value) where T : struct, Enum => Scalar(EnumText.Words(value.ToString()));
}
