namespace Concierge.Sip.Transport;

/// <summary>What the SIP transport saw and did (bad input is counted here, never thrown).</summary>
public sealed class SipTransportCounters
{
    /// <summary>Messages parsed and handed up.</summary>
    public long MessagesReceived { get; internal set; }

    /// <summary>Messages written to a socket or connection.</summary>
    public long MessagesSent { get; internal set; }

    /// <summary>Datagrams that did not parse (dropped or answered 400).</summary>
    public long MalformedDatagrams { get; internal set; }

    /// <summary>Malformed datagrams answered with 400 Bad Request.</summary>
    public long BadRequestsAnswered { get; internal set; }

    /// <summary>Received responses discarded by the response checks (RFC 3261 §8.1.3.3, §18.1.2).</summary>
    public long ResponsesDiscarded { get; internal set; }

    /// <summary>Streams closed because their bytes did not frame or parse.</summary>
    public long MalformedStreamsClosed { get; internal set; }

    /// <summary>CRLF keep-alives seen (UDP or stream).</summary>
    public long KeepAlives { get; internal set; }

    /// <summary>Messages that could not be sent (no transport, connect failed, queue full).</summary>
    public long SendFailures { get; internal set; }

    /// <summary>Stream connections accepted.</summary>
    public long ConnectionsAccepted { get; internal set; }

    /// <summary>Stream connections opened by us.</summary>
    public long ConnectionsOpened { get; internal set; }

    /// <summary>Accepts refused because <see cref="SipTransportOptions.MaxConnections"/> was reached.</summary>
    public long ConnectionsRefused { get; internal set; }
}
