using System.Diagnostics;
using System.Globalization;
using System.Net;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Time;
using Concierge.Runtime.Tracing;

namespace Concierge.Runtime.Transports.Simulated;

/// <summary>
/// An in-memory network of named hosts on the virtual clock. Every link direction has a latency, jitter, loss,
/// duplication, reordering and bandwidth; links can be cut and restored, hosts crashed and restarted. All
/// randomness comes from the generator it is given, so a seed replays the same deliveries.
/// </summary>
public sealed class SimulatedNetwork
{
    private readonly Dictionary<string, SimulatedHost> _hostsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<IPAddress, SimulatedHost> _hostsByAddress = new();
    private readonly Dictionary<(int From, int To), SimulatedLink> _links = new();
    private readonly List<SimulatedHost> _hosts = new();
    private readonly DeterministicRandom _random;
    private LinkProfile _defaultLink = LinkProfile.Lan;

    /// <summary>Creates an empty network on <paramref name="loop"/>, drawing randomness from <paramref name="random"/>.</summary>
    public SimulatedNetwork(SimulatedEventLoop loop, DeterministicRandom random, ITrace? trace = null)
    {
        Loop = loop;
        _random = random;
        Trace = trace ?? NullTrace.Instance;
    }

    /// <summary>The loop deliveries run on.</summary>
    public SimulatedEventLoop Loop { get; }

    internal VirtualTimeProvider Clock => Loop.Clock;

    internal ITrace Trace { get; }

    /// <summary>Sees every delivered datagram and segment (null: nobody looks); it changes nothing in the run.</summary>
    public IPacketObserver? Observer { get; set; }

    /// <summary>What happened to the traffic so far.</summary>
    public NetworkCounters Counters { get; } = new();

    /// <summary>How long a stream connect to an unreachable host waits before it fails.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a stream takes to notice that a cut or a crash broke it.</summary>
    public TimeSpan StreamLossDetection { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retransmission delay a stream segment pays for each simulated loss.</summary>
    public TimeSpan StreamRetransmitDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The profile of every link not set explicitly (changing it affects those links too).</summary>
    public LinkProfile DefaultLink
    {
        get => _defaultLink;
        set => _defaultLink = (value ?? throw new ArgumentNullException(nameof(value))).Validated();
    }

    /// <summary>The hosts, in the order they were added.</summary>
    public IReadOnlyList<SimulatedHost> Hosts => _hosts;

    /// <summary>Adds a host; names and addresses must be unique.</summary>
    public SimulatedHost AddHost(string name, IPAddress address)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(address);
        if (_hostsByName.ContainsKey(name)) throw new ArgumentException($"host name '{name}' is already used", nameof(name));
        if (_hostsByAddress.TryGetValue(address, out var owner))
            throw new ArgumentException($"address {address} already belongs to host '{owner.Name}'", nameof(address));
        var host = new SimulatedHost(this, _hosts.Count, name, address);
        _hosts.Add(host);
        _hostsByName.Add(name, host);
        _hostsByAddress.Add(address, host);
        return host;
    }

    /// <summary>The host called <paramref name="name"/>.</summary>
    public SimulatedHost Host(string name) =>
        _hostsByName.TryGetValue(name, out var host) ? host : throw new ArgumentException($"no host named '{name}' (known: {string.Join(", ", _hostsByName.Keys)})", nameof(name));

    /// <summary>The host that owns <paramref name="address"/>, if any.</summary>
    public bool TryGetHost(IPAddress address, out SimulatedHost host) => _hostsByAddress.TryGetValue(address, out host!);

    /// <summary>Sets the profile of both directions between two hosts.</summary>
    public void SetLink(string hostA, string hostB, LinkProfile profile)
    {
        SetLinkOneWay(hostA, hostB, profile);
        SetLinkOneWay(hostB, hostA, profile);
    }

    /// <summary>Sets the profile of the direction from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void SetLinkOneWay(string from, string to, LinkProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        LinkOf(Host(from).Index, Host(to).Index).ExplicitProfile = profile.Validated();
    }

    /// <summary>Sets the profile of every link between distinct hosts, including those added later by default.</summary>
    public void SetAllLinks(LinkProfile profile)
    {
        DefaultLink = profile;
        foreach (var ((from, to), link) in _links)
            if (from != to) link.ExplicitProfile = null;
    }

    /// <summary>The profile of the direction from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public LinkProfile LinkProfileOf(string from, string to) => ProfileOf(LinkOf(Host(from).Index, Host(to).Index));

    /// <summary>Partitions the two hosts: nothing crosses in either direction until restored.</summary>
    public void Cut(string hostA, string hostB) => SetCut(hostA, hostB, true);

    /// <summary>Heals a partition made by <see cref="Cut"/>.</summary>
    public void Restore(string hostA, string hostB) => SetCut(hostA, hostB, false);

    /// <summary>True when the direction from <paramref name="from"/> to <paramref name="to"/> is cut.</summary>
    public bool IsCut(string from, string to) => LinkOf(Host(from).Index, Host(to).Index).IsCut;

    /// <summary>Stops a host: its sockets vanish, what was in flight to it is lost, its peers lose their streams.</summary>
    public void Crash(string name) => Host(name).Crash();

    /// <summary>Starts a crashed host again with no sockets open.</summary>
    public void Restart(string name) => Host(name).Restart();

    private void SetCut(string hostA, string hostB, bool cut)
    {
        var a = Host(hostA);
        var b = Host(hostB);
        LinkOf(a.Index, b.Index).IsCut = cut;
        LinkOf(b.Index, a.Index).IsCut = cut;
        RecordTrace("net", cut ? $"cut {a.Name} <-> {b.Name}" : $"restore {a.Name} <-> {b.Name}");
    }

    internal SimulatedLink LinkOf(int from, int to)
    {
        if (!_links.TryGetValue((from, to), out var link))
        {
            link = new SimulatedLink(from == to ? LinkProfile.Loopback : null);
            _links.Add((from, to), link);
        }
        return link;
    }

    internal LinkProfile ProfileOf(SimulatedLink link) => link.ExplicitProfile ?? _defaultLink;

    internal SimulatedHost? HostAt(IPAddress address) => _hostsByAddress.GetValueOrDefault(address);

    /// <summary>
    /// Computes when a packet of <paramref name="sizeBytes"/> sent now arrives over the link, or -1 when the link's
    /// queue is full. Streams pass <paramref name="isStream"/> so loss turns into retransmission delay.
    /// </summary>
    internal long ArrivalTicks(SimulatedLink link, int sizeBytes, bool isStream, out bool lost)
    {
        var profile = ProfileOf(link);
        var now = Clock.NowTicks;
        long departure = now;
        if (profile.BandwidthBitsPerSecond > 0)
        {
            var start = Math.Max(now, link.WireFreeAtTicks);
            if (profile.QueueLimitBytes > 0)
            {
                var queuedBytes = (start - now) * profile.BandwidthBitsPerSecond / 8 / TimeSpan.TicksPerSecond;
                if (queuedBytes + sizeBytes > profile.QueueLimitBytes)
                {
                    lost = false;
                    return -1;
                }
            }
            var wireTicks = (long)sizeBytes * 8 * TimeSpan.TicksPerSecond / profile.BandwidthBitsPerSecond;
            departure = start + wireTicks;
            link.WireFreeAtTicks = departure;
        }
        var arrival = departure + profile.Latency.Ticks;
        if (profile.Jitter > TimeSpan.Zero) arrival += _random.NextDuration(profile.Jitter).Ticks;
        lost = false;
        if (profile.LossPercent > 0)
        {
            if (isStream)
            {
                for (var attempt = 0; attempt < 16 && _random.Chance(profile.LossPercent / 100); attempt++)
                    arrival += StreamRetransmitDelay.Ticks << Math.Min(attempt, 6);
            }
            else
            {
                lost = _random.Chance(profile.LossPercent / 100);
            }
        }
        if (!isStream && profile.ReorderPercent > 0 && _random.Chance(profile.ReorderPercent / 100))
            arrival += profile.Latency.Ticks + profile.Jitter.Ticks + 1;
        return arrival;
    }

    internal bool Duplicates(SimulatedLink link)
    {
        var percent = ProfileOf(link).DuplicatePercent;
        return percent > 0 && _random.Chance(percent / 100);
    }

    internal long ExtraCopyArrivalTicks(SimulatedLink link)
    {
        var profile = ProfileOf(link);
        var arrival = Clock.NowTicks + profile.Latency.Ticks;
        if (profile.Jitter > TimeSpan.Zero) arrival += _random.NextDuration(profile.Jitter).Ticks;
        return arrival;
    }

    internal void RecordTrace(string source, string text)
    {
        if (Trace.IsEnabled) Trace.Record(source, text);
    }

    internal void RecordTrace(string source, ReadOnlySpan<char> text)
    {
        if (Trace.IsEnabled) Trace.Record(source, text);
    }

    [Conditional("DEBUG")]
    internal static void AssertInvariant(bool condition, string what)
    {
        if (!condition) throw new InvalidOperationException($"simulated network invariant broken: {what}");
    }

    internal static string Describe(IPEndPoint endPoint) => string.Create(CultureInfo.InvariantCulture, $"{endPoint.Address}:{endPoint.Port}");
}
