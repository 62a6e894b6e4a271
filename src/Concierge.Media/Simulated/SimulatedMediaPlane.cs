using System.Net;

namespace Concierge.Media.Simulated;

/// <summary>
/// The media plane of the simulated world: a table of what each RTP source sends. No packets flow, so an
/// eight-hour day of calls costs nothing here; a party hears whatever its remote RTP address sends.
/// </summary>
public sealed class SimulatedMediaPlane : IMediaPlane
{
    private readonly Dictionary<IPEndPoint, MediaContent> _sources = new();

    /// <summary>How many sources send now.</summary>
    public int ActiveSources => _sources.Count;

    /// <inheritdoc />
    public void Transmit(IPEndPoint source, MediaContent content)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(content);
        _sources[source] = content;
    }

    /// <inheritdoc />
    public void Stop(IPEndPoint source) => _sources.Remove(source);

    /// <summary>Every source on <paramref name="host"/> stops (the host went down); returns how many did.</summary>
    public int StopAll(System.Net.IPAddress host)
    {
        var gone = _sources.Keys.Where(source => source.Address.Equals(host)).ToList();
        foreach (var source in gone) _sources.Remove(source);
        return gone.Count;
    }

    /// <inheritdoc />
    public MediaContent HeardFrom(IPEndPoint source) => _sources.GetValueOrDefault(source) ?? MediaContent.Silence;
}
