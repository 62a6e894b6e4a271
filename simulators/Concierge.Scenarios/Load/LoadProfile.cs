using YamlDotNet.RepresentationModel;

namespace Concierge.Scenarios.Load;

/// <summary>Which analytic model a profile is built to match, if any.</summary>
public enum LoadValidation
{
    /// <summary>No analytic model: an ordinary load profile.</summary>
    None,
    /// <summary>A loss system: processing channels, no attendant, callers leave after their patience (Erlang B).</summary>
    ErlangB,
    /// <summary>A delay system: attendants, exponential handling, infinite patience, ample channels (Erlang C).</summary>
    ErlangC,
}

/// <summary>How callers arrive: Poisson at a constant rate, or at a rate per hour of day.</summary>
/// <param name="CallsPerHour">The constant rate (used when <paramref name="PerHourOfDay"/> is empty).</param>
/// <param name="PerHourOfDay">Calls per hour for each hour of the day, from midnight (24 values, or fewer repeated).</param>
/// <param name="StartHour">The hour of day at which the run starts.</param>
public sealed record ArrivalPattern(double CallsPerHour, IReadOnlyList<double> PerHourOfDay, int StartHour)
{
    /// <summary>True when the rate changes over the day.</summary>
    public bool Varies => PerHourOfDay.Count > 0;

    /// <summary>The rate (calls per hour) at <paramref name="elapsed"/> into the run.</summary>
    public double RateAt(TimeSpan elapsed) =>
        Varies ? PerHourOfDay[(StartHour + (int)elapsed.TotalHours) % PerHourOfDay.Count] : CallsPerHour;

    /// <summary>The highest rate of the day (the thinning bound).</summary>
    public double PeakRate => Varies ? PerHourOfDay.Max() : CallsPerHour;

    /// <summary>The mean rate over <paramref name="duration"/> from the start.</summary>
    public double MeanRate(TimeSpan duration)
    {
        if (!Varies) return CallsPerHour;
        var total = 0.0;
        var hours = duration.TotalHours;
        for (var h = 0; h < Math.Ceiling(hours); h++) total += RateAt(TimeSpan.FromHours(h)) * Math.Min(1, hours - h);
        return hours > 0 ? total / hours : CallsPerHour;
    }
}

/// <summary>One destination of the call mix: a pilot number or an attendant's personal line, with its share.</summary>
/// <param name="Number">The number as the profile names it (alias or full).</param>
/// <param name="IsPersonalLine">True when <paramref name="Number"/> names the attendant whose personal line is dialled.</param>
/// <param name="Share">Relative weight.</param>
public sealed record CallMixEntry(string Number, bool IsPersonalLine, double Share);

/// <summary>A change of the number of attendants at work, <paramref name="From"/> into the run.</summary>
public sealed record AttendantShift(TimeSpan From, int Count);

/// <summary>The attendants: their devices, how many work when, and how long they handle a call.</summary>
/// <param name="Devices">Attendant devices (aliases or full numbers); the first Count of them work.</param>
/// <param name="Schedule">Count over the day; empty means all devices all day.</param>
/// <param name="Handling">Talk time of the attendant with a caller before the attendant acts (releases, parks …).</param>
public sealed record AttendantPlan(IReadOnlyList<string> Devices, IReadOnlyList<AttendantShift> Schedule, DurationDistribution Handling)
{
    /// <summary>How many attendants work at <paramref name="elapsed"/>.</summary>
    public int CountAt(TimeSpan elapsed)
    {
        var count = Devices.Count;
        foreach (var shift in Schedule)
            if (shift.From <= elapsed) count = shift.Count;
        return count;
    }

    /// <summary>Most attendants at work at any time.</summary>
    public int PeakCount => Schedule.Count == 0 ? Devices.Count : Math.Max(Schedule.Max(s => s.Count), Schedule[0].From > TimeSpan.Zero ? Devices.Count : 0);
}

/// <summary>What attendants do with a call after talking: shares in percent (the rest is released) and durations.</summary>
public sealed record OperationShares(
    double ParkPercent, DurationDistribution ParkFor,
    double HoldPercent, DurationDistribution HoldFor,
    double TransferPercent, double PagePercent,
    IReadOnlyList<string> Targets)
{
    /// <summary>No operation: every call is released after talking.</summary>
    public static readonly OperationShares NoneAtAll = new(0, DurationDistribution.Fixed(TimeSpan.FromSeconds(30)), 0, DurationDistribution.Fixed(TimeSpan.FromSeconds(20)), 0, 0, []);
}

/// <summary>How office users (transfer and paging targets) behave: shares in percent, the rest never answers.</summary>
public sealed record OfficeUserBehaviour(double AnswerPercent, double BusyPercent, DurationDistribution AnswerAfter, DurationDistribution Talk, DurationDistribution CallbackAfter)
{
    /// <summary>Office users who always answer after a few seconds and talk for a minute.</summary>
    public static readonly OfficeUserBehaviour Default = new(90, 5, DurationDistribution.Fixed(TimeSpan.FromSeconds(5)),
        new DurationDistribution(DistributionKind.Exponential, TimeSpan.FromSeconds(60)), DurationDistribution.Fixed(TimeSpan.FromSeconds(20)));
}

/// <summary>
/// A load profile (scenarios/load/*.yaml): a topology, the CPS channels and ratio, how long the day lasts, how callers
/// arrive and what they dial, the attendants (how many when, how long they talk, what they do with calls), caller
/// patience, office users' behaviour for transfers, and the seeds — all on the virtual clock. Format:
/// scenarios/load/README.md.
/// </summary>
public sealed record LoadProfile(
    string Name,
    string Topology,
    int Channels,
    int ChannelRatio,
    TimeSpan Duration,
    int Seeds,
    ArrivalPattern Arrivals,
    IReadOnlyList<CallMixEntry> Mix,
    AttendantPlan Attendants,
    OperationShares Operations,
    DurationDistribution Patience,
    OfficeUserBehaviour OfficeUsers,
    TimeSpan? MaxTimeInQueue,
    bool GeneratedCallers,
    string CallerLocale,
    TimeSpan ServiceLevelTarget,
    LoadValidation Validation)
{
    /// <summary>Most calls one run may place (a bound on the load, not a target).</summary>
    public const int MaxCalls = 1_000_000;

    /// <summary>The mean arrival rate over the day (calls per hour).</summary>
    public double CallsPerHour => Arrivals.MeanRate(Duration);

    /// <summary>
    /// The offered traffic in erlangs: arrivals per second × the mean time a call holds what it waits for — the
    /// attendant's handling time, or (with no attendant, as in the Erlang B profile) the caller's patience.
    /// </summary>
    public double OfferedErlangs =>
        CallsPerHour / 3600.0 * (Attendants.Devices.Count > 0 || !Patience.Happens ? Attendants.Handling.Mean.TotalSeconds : Patience.Mean.TotalSeconds);

    /// <summary>The same profile for another channel count, ratio or duration.</summary>
    public LoadProfile With(int? channels = null, int? ratio = null, TimeSpan? duration = null) =>
        this with { Channels = channels ?? Channels, ChannelRatio = ratio ?? ChannelRatio, Duration = duration ?? Duration };

    /// <summary>Reads a profile; every problem names the file, the field and the value.</summary>
    public static LoadProfile Read(string path)
    {
        var file = Path.GetFileName(path);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using var reader = File.OpenText(path);
            stream.Load(reader);
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                   ?? throw new FormatException($"{file}: the profile must be a mapping");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{file}:{e.Start.Line}: {e.Message}");
        }
        return LoadProfileReader.Read(new YamlFields(root, file, ""), file);
    }
}
