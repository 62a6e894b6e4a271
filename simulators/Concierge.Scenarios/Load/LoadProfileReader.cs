using YamlDotNet.RepresentationModel;

namespace Concierge.Scenarios.Load;

/// <summary>
/// Reads the fields of a load profile. The short form of the first profile (`attendants: [list]`, `pilot`,
/// `callsPerHour`, `talkTime`) is still accepted beside the full form (`arrivals`, `mix`, `attendants: {devices …}`).
/// </summary>
internal static class LoadProfileReader
{
    public static LoadProfile Read(YamlFields root, string file)
    {
        root.AllowOnly("name", "description", "topology", "channels", "channelRatio", "duration", "seeds", "arrivals", "callsPerHour", "pilot",
            "mix", "attendants", "talkTime", "operations", "patience", "officeUsers", "queue", "callers", "serviceLevel", "validation");
        var arrivals = Arrivals(root);
        var mix = Mix(root);
        var attendants = Attendants(root);
        var operations = Operations(root.Map("operations"));
        var office = OfficeUsers(root.Map("officeUsers"));
        var queue = root.Map("queue");
        queue?.AllowOnly("maxTimeInQueue");
        var callers = root.Map("callers");
        callers?.AllowOnly("names", "locale");
        var names = callers?.OptionalText("names") ?? "numbered";
        if (names is not ("numbered" or "bogus")) throw callers!.Error("names", "is not numbered or bogus", names);
        var validationText = root.OptionalText("validation") ?? "none";
        var validation = validationText switch
        {
            "none" => LoadValidation.None,
            "erlang-b" => LoadValidation.ErlangB,
            "erlang-c" => LoadValidation.ErlangC,
            _ => throw root.Error("validation", "is not none, erlang-b or erlang-c", validationText),
        };
        var profile = new LoadProfile(
            root.Text("name"),
            root.Text("topology"),
            root.Whole("channels", 3, 250),
            root.Whole("channelRatio", 1, 5),
            root.Span("duration"),
            root.Whole("seeds", 1, 100_000, 1),
            arrivals,
            mix,
            attendants,
            operations,
            root.Distribution("patience", DurationDistribution.Never),
            office,
            queue?.Span("maxTimeInQueue"),
            names == "bogus",
            callers?.OptionalText("locale") ?? "de",
            root.Span("serviceLevel", TimeSpan.FromSeconds(20)),
            validation);
        if (profile.CallsPerHour * profile.Duration.TotalHours > LoadProfile.MaxCalls)
            throw new FormatException($"{file}: callsPerHour × duration is more than {LoadProfile.MaxCalls} calls");
        if (validation == LoadValidation.ErlangB && attendants.Devices.Count > 0)
            throw root.Error("validation", "needs a profile without attendants (attendants.devices: [])", validationText);
        if (validation == LoadValidation.ErlangB && profile.Patience.Kind != DistributionKind.Exponential)
            throw root.Error("validation", "needs an exponential patience", validationText);
        if (validation == LoadValidation.ErlangC && (attendants.Handling.Kind != DistributionKind.Exponential || profile.Patience.Happens))
            throw root.Error("validation", "needs exponential handling and no patience", validationText);
        return profile;
    }

    private static ArrivalPattern Arrivals(YamlFields root)
    {
        if (root.Map("arrivals") is not { } map)
            return new ArrivalPattern(root.Number("callsPerHour", 0.001, 100_000, what: "rate"), [], 0);
        if (root.Has("callsPerHour")) throw root.Error("callsPerHour", "and arrivals are both given; keep one", root.OptionalText("callsPerHour"));
        map.AllowOnly("callsPerHour", "perHourOfDay", "startHour");
        var start = map.Whole("startHour", 0, 23, 0);
        if (map.Has("perHourOfDay"))
        {
            if (map.Has("callsPerHour")) throw map.Error("callsPerHour", "and perHourOfDay are both given; keep one", map.OptionalText("callsPerHour"));
            var rates = map.TextList("perHourOfDay").Select((text, i) =>
                double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 100_000
                    ? r : throw map.Error($"perHourOfDay[{i}]", "is not a rate from 0 to 100000", text)).ToList();
            if (rates.Count is 0 or > 24) throw map.Error("perHourOfDay", "must list 1 to 24 hourly rates", rates.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (rates.Max() <= 0) throw map.Error("perHourOfDay", "has no hour with calls", string.Join(", ", rates));
            return new ArrivalPattern(rates.Average(), rates, start);
        }
        return new ArrivalPattern(map.Number("callsPerHour", 0.001, 100_000, what: "rate"), [], start);
    }

    private static IReadOnlyList<CallMixEntry> Mix(YamlFields root)
    {
        if (root.Node("mix") is null)
            return [new CallMixEntry(root.Text("pilot"), false, 100)];
        if (root.Has("pilot")) throw root.Error("pilot", "and mix are both given; keep one", root.OptionalText("pilot"));
        var entries = root.MapList("mix").Select(entry =>
        {
            entry.AllowOnly("pilot", "personalLine", "share");
            var share = entry.Number("share", 0, 100_000, what: "share");
            return entry.OptionalText("pilot") is { } pilot ? new CallMixEntry(pilot, false, share)
                : entry.OptionalText("personalLine") is { } owner ? new CallMixEntry(owner, true, share)
                : throw entry.Error("pilot", "or personalLine (the attendant whose personal line is dialled) is missing", null);
        }).ToList();
        if (entries.Count == 0 || entries.Sum(e => e.Share) <= 0) throw root.Error("mix", "needs at least one entry with a share above 0", null);
        return entries;
    }

    private static AttendantPlan Attendants(YamlFields root)
    {
        var node = root.Node("attendants");
        if (node is YamlSequenceNode)
            return new AttendantPlan(root.TextList("attendants"), [], DurationDistribution.Fixed(root.Span("talkTime")));
        if (root.Map("attendants") is not { } map) throw root.Error("attendants", "must be a list of devices or a mapping with devices", null);
        if (root.Has("talkTime")) throw root.Error("talkTime", "belongs in attendants.handling here", root.OptionalText("talkTime"));
        map.AllowOnly("devices", "schedule", "handling");
        var devices = map.TextList("devices", required: true);
        var schedule = map.MapList("schedule").Select(shift =>
        {
            shift.AllowOnly("from", "count");
            return new AttendantShift(shift.Span("from", zeroAllowed: true), shift.Whole("count", 0, devices.Count));
        }).ToList();
        for (var i = 1; i < schedule.Count; i++)
            if (schedule[i].From <= schedule[i - 1].From)
                throw map.Error($"schedule[{i}].from", "must come after the shift before it", Config.Durations.DurationText.Format(schedule[i].From));
        var handling = map.Distribution("handling", DurationDistribution.Fixed(TimeSpan.FromSeconds(60)));
        if (!handling.Happens) throw map.Error("handling", "cannot be none", "none");
        return new AttendantPlan(devices, schedule, handling);
    }

    private static OperationShares Operations(YamlFields? map)
    {
        if (map is null) return OperationShares.NoneAtAll;
        map.AllowOnly("park", "hold", "transfer", "page", "targets");
        (double Share, DurationDistribution For) Part(string key, DurationDistribution fallback)
        {
            if (map.Map(key) is not { } part) return (0, fallback);
            part.AllowOnly("share", "duration");
            return (part.Number("share", 0, 100, what: "percentage"), part.Distribution("duration", fallback));
        }
        var none = OperationShares.NoneAtAll;
        var park = Part("park", none.ParkFor);
        var hold = Part("hold", none.HoldFor);
        var transfer = Part("transfer", none.HoldFor);
        var page = Part("page", none.HoldFor);
        if (park.Share + hold.Share + transfer.Share + page.Share > 100)
            throw map.Error("park", "plus hold, transfer and page shares are more than 100 percent",
                (park.Share + hold.Share + transfer.Share + page.Share).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var targets = map.TextList("targets");
        if ((transfer.Share > 0 || page.Share > 0) && targets.Count == 0)
            throw map.Error("targets", "must name the office users calls are transferred to or paged for", null);
        return new OperationShares(park.Share, park.For, hold.Share, hold.For, transfer.Share, page.Share, targets);
    }

    private static OfficeUserBehaviour OfficeUsers(YamlFields? map)
    {
        var d = OfficeUserBehaviour.Default;
        if (map is null) return d;
        map.AllowOnly("answerPercent", "busyPercent", "answerAfter", "talk", "callbackAfter");
        var answer = map.Number("answerPercent", 0, 100, d.AnswerPercent, "percentage");
        var busy = map.Number("busyPercent", 0, 100, d.BusyPercent, "percentage");
        if (answer + busy > 100) throw map.Error("busyPercent", "plus answerPercent is more than 100", busy.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new OfficeUserBehaviour(answer, busy, map.Distribution("answerAfter", d.AnswerAfter), map.Distribution("talk", d.Talk), map.Distribution("callbackAfter", d.CallbackAfter));
    }
}
