using System.Buffers;
using Concierge.Csta.Framing;
using Concierge.Csta.Messages;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;

namespace Concierge.Csta.Server;

/// <summary>
/// The switch end of one CSTA connection: frames and decodes requests, answers SystemRegister, SystemStatus and
/// monitor requests itself unless a handler is registered for them, hands the rest to the dispatcher, and sends events.
/// </summary>
public sealed class CstaServerLink : IStreamHandler
{
    private const string TraceSource = "csta.server";

    private readonly CstaRequestDispatcher _dispatcher;
    private readonly MonitorEventPublisher _publisher;
    private readonly Func<string, bool> _deviceExists;
    private readonly ITrace _trace;
    private readonly CstaLinkCodec _codec;
    private readonly InvokeIdAllocator _invokeIds = new();
    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private readonly IEventLoop? _loop;
    private readonly TimeSpan _idleTimeout;
    private IStreamConnection? _connection;
    private ITimer? _idleTimer;
    private DateTimeOffset _lastInput;

    internal CstaServerLink(CstaRequestDispatcher dispatcher, MonitorEventPublisher publisher, Func<string, bool> deviceExists, ITrace trace,
        ICstaFraming framing, IEventLoop? loop, TimeSpan idleTimeout)
    {
        _codec = new CstaLinkCodec(framing);
        _loop = loop;
        _idleTimeout = idleTimeout;
        _dispatcher = dispatcher;
        _publisher = publisher;
        _deviceExists = deviceExists;
        _trace = trace;
    }

    /// <summary>True while the connection is open.</summary>
    public bool IsOpen => _connection is { IsOpen: true };

    /// <summary>True once the client sent SystemRegister.</summary>
    public bool Registered { get; private set; }

    /// <summary>Requests received and decoded.</summary>
    public long RequestsReceived { get; private set; }

    /// <summary>Frames that could not be decoded.</summary>
    public long DecodeErrors => _codec.DecodeErrors;

    /// <summary>Why the link closed, once it has.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>The link closed.</summary>
    public event Action<CstaServerLink>? Closed;

    /// <summary>Sends an event with the event invoke id.</summary>
    public void SendEvent(CstaEvent e) => Send(CstaLinkCodec.EventInvokeId, e);

    /// <summary>Sends a request to the client (e.g. a SystemStatus heartbeat); its answer is only counted.</summary>
    public void SendRequest(CstaRequest request)
    {
        var id = _invokeIds.Next(static _ => false);
        if (id is { } invokeId) Send(invokeId, request);
    }

    /// <summary>Answers received for requests sent with <see cref="SendRequest"/>.</summary>
    public long AnswersReceived { get; private set; }

    /// <summary>Sends bytes as they are, outside any frame (fault injection for simulators and tests).</summary>
    public void SendRaw(ReadOnlySpan<byte> bytes)
    {
        if (_connection is { IsOpen: true } connection) connection.Send(bytes);
    }

    /// <summary>Closes the connection.</summary>
    public void Close(string reason) => _connection?.Close(reason);

    /// <inheritdoc />
    public void OnConnected(IStreamConnection connection)
    {
        _connection = connection;
        Trace($"accepted {connection.RemoteEndPoint}");
        if (_loop is not null && _idleTimeout > TimeSpan.Zero)
        {
            _lastInput = _loop.Now();
            _idleTimer = _loop.ScheduleAfter(_idleTimeout, CheckIdle);
        }
    }

    /// <summary>A switch drops a client that has sent nothing (not even a heartbeat) for the idle timeout.</summary>
    private void CheckIdle()
    {
        if (_loop is null || _connection is not { IsOpen: true } connection) return;
        var quiet = _loop.Now() - _lastInput;
        if (quiet >= _idleTimeout)
        {
            Trace($"closing: nothing received for {quiet}");
            connection.Close($"idle for {quiet}");
            return;
        }
        _idleTimer = _loop.ScheduleAfter(_idleTimeout - quiet, CheckIdle);
    }

    /// <inheritdoc />
    public void OnData(IStreamConnection connection, ReadOnlySpan<byte> data)
    {
        _connection ??= connection;
        if (_loop is not null) _lastInput = _loop.Now();
        if (_codec.Receive(data, OnInbound) is { } failure)
        {
            Trace($"closing: {failure}");
            connection.Close($"framing: {failure}");
        }
    }

    /// <inheritdoc />
    public void OnClosed(IStreamConnection connection, string reason)
    {
        CloseReason = reason;
        _idleTimer?.Dispose();
        _idleTimer = null;
        _publisher.StopAll(this);
        Trace($"closed: {reason}");
        Closed?.Invoke(this);
    }

    private void OnInbound(CstaInbound inbound)
    {
        if (!inbound.Result.IsSuccess)
        {
            Trace($"undecodable frame {inbound.InvokeId:D4}: {inbound.Result.Error}");
            if (inbound.Result.RootElement is { } root && !root.EndsWith("Response", StringComparison.Ordinal) && !root.EndsWith("Event", StringComparison.Ordinal))
            {
                Send(inbound.InvokeId, new CstaErrorResponse(ErrorCategory.Operation, "generic"));
            }
            return;
        }
        if (inbound.Result.Message is not CstaRequest request)
        {
            AnswersReceived++;
            return;
        }
        RequestsReceived++;
        var context = new CstaRequestContext(this, inbound.InvokeId, request, Send);
        if (_dispatcher.Handles(request))
        {
            _dispatcher.Dispatch(context);
            return;
        }
        switch (request)
        {
            case SystemRegister:
                Registered = true;
                context.Respond(new SystemRegisterResponse("1"));
                break;
            case SystemStatusRequest:
                context.Respond(new SystemStatusResponse());
                break;
            case RequestSystemStatus:
                context.Respond(new RequestSystemStatusResponse(SystemStatus.Normal));
                break;
            case MonitorStart start:
                context.Respond(_deviceExists(start.Device)
                    ? new MonitorStartResponse(_publisher.Start(this, start.Device))
                    : CstaErrorResponse.InvalidDevice);
                break;
            case MonitorStop stop:
                context.Respond(_publisher.Stop(this, stop.MonitorCrossRefId) ? new MonitorStopResponse() : CstaErrorResponse.InvalidCrossRef);
                break;
            default:
                _dispatcher.Dispatch(context);
                break;
        }
    }

    private void Send(int invokeId, CstaMessage message)
    {
        if (_connection is not { IsOpen: true } connection) return;
        _output.ResetWrittenCount();
        if (_codec.TryWrite(invokeId, message, _output) is { } error)
        {
            Trace($"cannot write {message.GetType().Name}: {error}");
            return;
        }
        connection.Send(_output.WrittenSpan);
    }

    private void Trace(string text)
    {
        if (_trace.IsEnabled) _trace.Record(TraceSource, text);
    }
}
