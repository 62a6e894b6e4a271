using System.Net;

namespace Concierge.Media.Simulated;

/// <summary>
/// The media plane of the simulated world: a table of what each RTP source sends. No packets flow, so an
/// eight-hour day of calls costs nothing here; a party hears whatever its remote RTP address sends.
/// </summary>
public sealed class SimulatedMediaPlane : IMediaPlane
{
    private const int MaxRelayHops = 8;
    private readonly Dictionary<IPEndPoint, MediaContent> _sources = new();
    private readonly Dictionary<IPEndPoint, IPEndPoint> _relays = new();

    /// <summary>How many sources send now.</summary>
    public int ActiveSources => _sources.Count + _relays.Count;

    /// <inheritdoc />
    public void Transmit(IPEndPoint source, MediaContent content)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(content);
        _sources[source] = content;
        _relays.Remove(source);
    }

    /// <inheritdoc />
    public void Relay(IPEndPoint source, IPEndPoint from)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(from);
        _sources.Remove(source);
        _relays[source] = from;
    }

    /// <inheritdoc />
    public void Stop(IPEndPoint source)
    {
        _sources.Remove(source);
        _relays.Remove(source);
    }

    /// <summary>Every source on <paramref name="host"/> stops (the host went down); returns how many did.</summary>
    public int StopAll(System.Net.IPAddress host)
    {
        var gone = _sources.Keys.Concat(_relays.Keys).Where(source => source.Address.Equals(host)).Distinct().ToList();
        foreach (var source in gone) Stop(source);
        return gone.Count;
    }

    /// <inheritdoc />
    public MediaContent HeardFrom(IPEndPoint source)
    {
        // A relay sends what its far end's source sends; two relays facing each other (a bridge whose parties are
        // both relays) carry nothing, which the hop limit turns into silence instead of a loop.
        for (var hop = 0; hop <= MaxRelayHops; hop++)
        {
            if (_sources.TryGetValue(source, out var content)) return content;
            if (!_relays.TryGetValue(source, out var from)) return MediaContent.Silence;
            source = from;
        }
        return MediaContent.Silence;
    }
}
