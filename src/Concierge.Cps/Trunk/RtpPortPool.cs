namespace Concierge.Cps.Trunk;

/// <summary>
/// The CPS's RTP ports (C 6.3.1.3: one contiguous range, start port + port count): one even port per leg, RTCP on
/// the odd one above it; the lowest free port goes first so runs are reproducible.
/// </summary>
public sealed class RtpPortPool
{
    private readonly SortedSet<int> _free = new();
    private readonly HashSet<int> _taken = new();

    /// <summary>Creates a pool over [<paramref name="startPort"/>, startPort + portCount).</summary>
    public RtpPortPool(int startPort, int portCount)
    {
        if (startPort is < 1024 or > 65534) throw new ArgumentOutOfRangeException(nameof(startPort), startPort, "RTP start port must be 1024–65534");
        if (portCount < 2 || startPort + portCount > 65536) throw new ArgumentOutOfRangeException(nameof(portCount), portCount, "RTP port count must be at least 2 and stay below 65536");
        var first = startPort % 2 == 0 ? startPort : startPort + 1;
        for (var port = first; port + 1 < startPort + portCount; port += 2) _free.Add(port);
        Capacity = _free.Count;
    }

    /// <summary>How many legs can have media at once.</summary>
    public int Capacity { get; }

    /// <summary>Ports in use.</summary>
    public int InUse => _taken.Count;

    /// <summary>Takes the lowest free even port, or null when none is free.</summary>
    public int? TryTake()
    {
        if (_free.Count == 0) return null;
        var port = _free.Min;
        _free.Remove(port);
        _taken.Add(port);
        return port;
    }

    /// <summary>Gives a port back; a port that is not out is an invariant violation.</summary>
    public void Return(int port)
    {
        if (!_taken.Remove(port)) throw new CpsInvariantException($"RTP port {port} returned but not in use");
        _free.Add(port);
    }
}
