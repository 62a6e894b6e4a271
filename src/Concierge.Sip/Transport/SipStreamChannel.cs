using Concierge.Runtime.Transports;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;

namespace Concierge.Sip.Transport;

/// <summary>
/// One SIP stream connection (TCP or TLS): frames incoming bytes into messages, holds outgoing messages until the
/// connection opens, answers CRLFCRLF keep-alives, and closes itself on malformed input.
/// </summary>
internal sealed class SipStreamChannel : IStreamHandler
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();
    private readonly SipTransport _owner;
    private readonly SipStreamFramer _framer;
    private readonly List<SipMessage> _framed = new();
    private readonly Queue<(byte[] Bytes, Action<string>? OnFailure)> _pending = new();
    private long _pingsAnswered;

    public SipStreamChannel(SipTransport owner, SipTransportProtocol protocol, SipParserLimits limits)
    {
        _owner = owner;
        Protocol = protocol;
        _framer = new SipStreamFramer(limits);
    }

    public SipTransportProtocol Protocol { get; }

    public IStreamConnection? Connection { get; set; }

    public SipEndPoint? Remote { get; set; }

    public bool IsOpen { get; private set; }

    public bool IsClosed { get; private set; }

    public bool Enqueue(byte[] bytes, Action<string>? onFailure, int maxPending)
    {
        if (IsOpen && Connection is not null)
        {
            Connection.Send(bytes);
            return true;
        }
        if (IsClosed || _pending.Count >= maxPending) return false;
        _pending.Enqueue((bytes, onFailure));
        return true;
    }

    public void OnConnected(IStreamConnection connection)
    {
        Connection = connection;
        IsOpen = true;
        Remote ??= new SipEndPoint(Protocol, connection.RemoteEndPoint);
        _owner.OnChannelOpen(this);
        while (_pending.TryDequeue(out var item)) connection.Send(item.Bytes);
    }

    public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data)
    {
        _framed.Clear();
        var healthy = _framer.TryPush(data, _framed);
        foreach (var message in _framed) _owner.Deliver(message, Remote!);
        while (_pingsAnswered < _framer.KeepAlivePings)
        {
            _pingsAnswered++;
            _owner.Counters.KeepAlives++;
            connection.Send(CrLf);
        }
        if (!healthy)
        {
            _owner.Counters.MalformedStreamsClosed++;
            _owner.Record($"closing {Remote}: {_framer.Error}");
            connection.Close("malformed SIP stream: " + _framer.Error);
        }
    }

    public void OnClosed(IStreamConnection connection, string reason)
    {
        IsOpen = false;
        IsClosed = true;
        while (_pending.TryDequeue(out var item))
        {
            _owner.Counters.SendFailures++;
            item.OnFailure?.Invoke(reason);
        }
        _owner.OnChannelClosed(this);
    }
}
