namespace Concierge.Runtime.Transports.Simulated;

/// <summary>What the simulated network did with the traffic it was given.</summary>
public sealed class NetworkCounters
{
    /// <summary>Datagrams handed to the network.</summary>
    public long DatagramsSent { get; internal set; }
    /// <summary>Datagrams handed to a receiver (duplicates included).</summary>
    public long DatagramsDelivered { get; internal set; }
    /// <summary>Datagrams lost to the link's loss rate.</summary>
    public long DatagramsLost { get; internal set; }
    /// <summary>Extra copies made by the link's duplication rate.</summary>
    public long DatagramsDuplicated { get; internal set; }
    /// <summary>Datagrams dropped because the link was cut.</summary>
    public long DatagramsDroppedByCut { get; internal set; }
    /// <summary>Datagrams dropped because a host was down or restarted while they were in flight.</summary>
    public long DatagramsDroppedByCrash { get; internal set; }
    /// <summary>Datagrams dropped because the link's queue was full.</summary>
    public long DatagramsDroppedByQueue { get; internal set; }
    /// <summary>Datagrams to an address or port nobody has bound.</summary>
    public long DatagramsUnreachable { get; internal set; }
    /// <summary>Stream connections established.</summary>
    public long ConnectionsEstablished { get; internal set; }
    /// <summary>Stream connect attempts refused or timed out.</summary>
    public long ConnectionsFailed { get; internal set; }
    /// <summary>Established stream connections broken by a cut or a crash.</summary>
    public long ConnectionsLost { get; internal set; }
    /// <summary>Stream bytes handed to a receiver.</summary>
    public long StreamBytesDelivered { get; internal set; }
}
