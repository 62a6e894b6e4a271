using System.Buffers;
using System.Net;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Validation;

namespace Concierge.Sip.Transport;

/// <summary>
/// SIP over UDP, TCP and TLS on an <see cref="INetworkStack"/> (simulated or sockets): parses what arrives, stamps
/// received/rport into requests' top Via, drops or answers 400 to malformed datagrams, closes malformed streams,
/// and sends messages to an end point, reusing or opening stream connections. All of it runs on the event loop.
/// </summary>
public sealed class SipTransport : IDisposable
{
    private readonly INetworkStack _stack;
    private readonly SipTransportOptions _options;
    private readonly SipMessageSink _sink;
    private readonly ITrace _trace;
    private readonly SipResponseValidator _responseValidator = new();
    private readonly Dictionary<(SipTransportProtocol, IPEndPoint), SipStreamChannel> _channels = new();
    private readonly IDatagramTransport? _udp;
    private readonly ArrayBufferWriter<byte> _datagramBuffer = new(2048);
    private readonly IStreamListener? _tcp;
    private readonly IStreamListener? _tls;
    private readonly string _traceSource;

    /// <summary>Opens the transports <paramref name="options"/> asks for; received messages go to <paramref name="sink"/>.</summary>
    public SipTransport(INetworkStack stack, SipTransportOptions options, SipMessageSink sink, ITrace? trace = null)
    {
        _stack = stack ?? throw new ArgumentNullException(nameof(stack));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _trace = trace ?? NullTrace.Instance;
        AdvertisedHost = options.AdvertisedHost ?? FormatHost(stack.Address);
        _traceSource = "sip.transport." + AdvertisedHost;
        if (options.UdpPort is { } udpPort) _udp = stack.BindDatagram(udpPort, OnDatagram);
        if (options.TcpPort is { } tcpPort) _tcp = stack.Listen(tcpPort, c => Accept(c, SipTransportProtocol.Tcp));
        if (options.TlsStack is { } tlsStack && options.TlsPort is { } tlsPort) _tls = tlsStack.Listen(tlsPort, c => Accept(c, SipTransportProtocol.Tls));
    }

    /// <summary>What happened so far.</summary>
    public SipTransportCounters Counters { get; } = new();

    /// <summary>The host written into Via and Contact.</summary>
    public string AdvertisedHost { get; }

    /// <summary>The stack's address.</summary>
    public IPAddress Address => _stack.Address;

    /// <summary>Open stream connections.</summary>
    public int OpenConnections => _channels.Count;

    /// <summary>True when <paramref name="protocol"/> can be used to send.</summary>
    public bool Supports(SipTransportProtocol protocol) => protocol switch
    {
        SipTransportProtocol.Udp => _udp is not null,
        SipTransportProtocol.Tls => _options.TlsStack is not null,
        _ => true,
    };

    /// <summary>The local port for <paramref name="protocol"/> (the listening port for streams), or 0.</summary>
    public int LocalPort(SipTransportProtocol protocol) => protocol switch
    {
        SipTransportProtocol.Udp => _udp?.LocalEndPoint.Port ?? 0,
        SipTransportProtocol.Tcp => _tcp?.LocalEndPoint.Port ?? 0,
        _ => _tls?.LocalEndPoint.Port ?? 0,
    };

    /// <summary>A Via for a request we send on <paramref name="protocol"/>, with rport asked for.</summary>
    public SipVia CreateVia(SipTransportProtocol protocol, string branch) =>
        new(SipEndPoint.TransportToken(protocol), AdvertisedHost, LocalPort(protocol), SipParameters.Of(new SipParameter("branch", branch), new SipParameter("rport", null)));

    /// <summary>A SIP URI that reaches this transport (for Contact).</summary>
    public SipUri ContactUri(string? user, SipTransportProtocol protocol)
    {
        var uri = new SipUri(protocol == SipTransportProtocol.Tls ? "sips" : "sip", user, AdvertisedHost, LocalPort(protocol));
        return protocol == SipTransportProtocol.Tcp ? uri.WithParameter("transport", "tcp") : uri;
    }

    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="destination"/>; <paramref name="onFailure"/> hears (on the
    /// loop) when it could not be delivered to the transport. Never throws.
    /// </summary>
    public void Send(SipMessage message, SipEndPoint destination, Action<string>? onFailure = null)
    {
        if (destination.Protocol == SipTransportProtocol.Udp)
        {
            SendDatagram(message, destination, onFailure);
            return;
        }
        byte[] bytes;
        try
        {
            bytes = message.ToBytes();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            Fail(onFailure, "unserializable message: " + ex.Message);
            return;
        }
        if (_trace.IsEnabled) TraceMessage("send", destination, message);
        if (message is SipResponse && !HasOpenChannel(destination) && message.TopVia is { } via)
        {
            // The request's connection is gone: open a new one to received/rport or sent-by (RFC 3261 §18.2.2).
            destination = destination with { Address = new IPEndPoint(
                via.Received is { } r && IPAddress.TryParse(r, out var ra) ? ra : destination.Address.Address,
                via.Port ?? (destination.Protocol == SipTransportProtocol.Tls ? 5061 : 5060)) };
        }
        var channel = ChannelTo(destination, out var error);
        if (channel is null || !channel.Enqueue(bytes, onFailure, _options.MaxPendingPerConnection))
        {
            Fail(onFailure, error ?? "connection queue full or closed");
            return;
        }
        Counters.MessagesSent++;
    }

    /// <summary>A datagram is serialized into one reused buffer: the transport copies what it sends.</summary>
    private void SendDatagram(SipMessage message, SipEndPoint destination, Action<string>? onFailure)
    {
        _datagramBuffer.ResetWrittenCount();
        try
        {
            message.WriteTo(_datagramBuffer);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            Fail(onFailure, "unserializable message: " + ex.Message);
            return;
        }
        if (_trace.IsEnabled) TraceMessage("send", destination, message);
        if (_udp is null)
        {
            Fail(onFailure, "UDP is not open");
            return;
        }
        _udp.Send(_datagramBuffer.WrittenSpan, destination.Address);
        Counters.MessagesSent++;
    }

    /// <summary>Records "send|recv endpoint start-line", formatted in a stack buffer when it fits.</summary>
    private void TraceMessage(string direction, SipEndPoint peer, SipMessage message)
    {
        Span<char> line = stackalloc char[512];
        if (line.TryWrite(System.Globalization.CultureInfo.InvariantCulture, $"{direction} {peer} {message.StartLineFormat}", out var written))
            _trace.Record(_traceSource, line[..written]);
        else
            _trace.Record(_traceSource, $"{direction} {peer} {message.StartLine}");
    }

    /// <summary>Closes every socket and connection.</summary>
    public void Dispose()
    {
        _udp?.Dispose();
        _tcp?.Dispose();
        _tls?.Dispose();
        foreach (var channel in _channels.Values.ToArray()) channel.Connection?.Close("transport disposed");
        _channels.Clear();
    }

    internal void Deliver(SipMessage message, SipEndPoint source)
    {
        if (message is SipRequest request)
        {
            if (request.TopVia is { } via && SipResponseRouting.StampReceived(via, source.Address) is { } stamped)
            {
                request.PopVia();
                request.PushVia(stamped);
            }
        }
        else if (message is SipResponse response && _responseValidator.Check(response) is { } why)
        {
            Counters.ResponsesDiscarded++;
            Record($"discard response from {source}: {why}");
            return;
        }
        Counters.MessagesReceived++;
        if (_trace.IsEnabled) TraceMessage("recv", source, message);
        _sink(message, source);
    }

    internal void OnChannelOpen(SipStreamChannel channel)
    {
        if (channel.Remote is { } remote) _channels[(remote.Protocol, remote.Address)] = channel;
    }

    internal void OnChannelClosed(SipStreamChannel channel)
    {
        if (channel.Remote is { } remote && _channels.TryGetValue((remote.Protocol, remote.Address), out var known) && ReferenceEquals(known, channel))
            _channels.Remove((remote.Protocol, remote.Address));
    }

    internal void Record(string text)
    {
        if (_trace.IsEnabled) _trace.Record(_traceSource, text);
    }

    private void OnDatagram(ReadOnlySpan<byte> payload, IPEndPoint from)
    {
        var source = new SipEndPoint(SipTransportProtocol.Udp, from);
        if (IsKeepAlive(payload))
        {
            Counters.KeepAlives++;
            return;
        }
        if (SipParser.TryParse(payload, _options.Limits, out var message, out var error))
        {
            Deliver(message!, source);
            return;
        }
        Counters.MalformedDatagrams++;
        Record($"malformed datagram from {source}: {error}");
        if (message is SipRequest request && request.Method != SipMethod.Ack && request.TopVia is { } via)
        {
            var response = SipResponse.CreateFor(request, 400, "Bad Request (" + error.Kind + ")");
            Send(response, SipResponseRouting.Destination(SipResponseRouting.StampReceived(via, from) ?? via, source));
            Counters.BadRequestsAnswered++;
        }
    }

    private IStreamHandler Accept(IStreamConnection connection, SipTransportProtocol protocol)
    {
        var channel = new SipStreamChannel(this, protocol, _options.Limits)
        {
            Connection = connection,
            Remote = new SipEndPoint(protocol, connection.RemoteEndPoint),
        };
        if (_channels.Count >= _options.MaxConnections)
        {
            Counters.ConnectionsRefused++;
            return new RefusingStreamHandler();
        }
        Counters.ConnectionsAccepted++;
        return channel;
    }

    private bool HasOpenChannel(SipEndPoint destination) =>
        _channels.TryGetValue((destination.Protocol, destination.Address), out var channel) && !channel.IsClosed;

    private SipStreamChannel? ChannelTo(SipEndPoint destination, out string? error)
    {
        error = null;
        if (_channels.TryGetValue((destination.Protocol, destination.Address), out var existing) && !existing.IsClosed) return existing;
        var stack = destination.Protocol == SipTransportProtocol.Tls ? _options.TlsStack : _stack;
        if (stack is null)
        {
            error = "TLS is not configured";
            return null;
        }
        if (_channels.Count >= _options.MaxConnections)
        {
            error = "too many connections";
            return null;
        }
        var channel = new SipStreamChannel(this, destination.Protocol, _options.Limits) { Remote = destination };
        _channels[(destination.Protocol, destination.Address)] = channel;
        try
        {
            channel.Connection = stack.Connect(destination.Address, channel);
        }
        catch (TransportException ex)
        {
            _channels.Remove((destination.Protocol, destination.Address));
            error = ex.Message;
            return null;
        }
        Counters.ConnectionsOpened++;
        return channel;
    }

    private void Fail(Action<string>? onFailure, string reason)
    {
        Counters.SendFailures++;
        Record("send failed: " + reason);
        onFailure?.Invoke(reason);
    }

    private static bool IsKeepAlive(ReadOnlySpan<byte> payload)
    {
        foreach (var b in payload)
            if (b is not ((byte)'\r' or (byte)'\n' or 0)) return false;
        return true;
    }

    private static string FormatHost(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? "[" + address.ToString() + "]" : address.ToString();

    private sealed class RefusingStreamHandler : IStreamHandler
    {
        public void OnConnected(IStreamConnection connection) => connection.Close("too many connections");
        public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data) { }
        public void OnClosed(IStreamConnection connection, string reason) { }
    }
}
