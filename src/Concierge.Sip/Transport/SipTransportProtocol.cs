namespace Concierge.Sip.Transport;

/// <summary>The SIP transport a message travels on (the Via transport token).</summary>
public enum SipTransportProtocol
{
    /// <summary>Unreliable datagrams: transactions retransmit.</summary>
    Udp,

    /// <summary>A TCP byte stream framed by Content-Length.</summary>
    Tcp,

    /// <summary>TCP wrapped in TLS (sips).</summary>
    Tls,
}
