using System.Buffers;
using Concierge.Csta.Codec;
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
    private ITimer? _sessionTimer;
    private int _sessionsOpened;

    /// <summary>The open ECMA-354 application session's id, or null.</summary>
    public string? ApplicationSessionId { get; private set; }

    /// <summary>Keep-alives (ResetApplicationSessionTimer) received for the open session.</summary>
    public long ApplicationSessionKeepAlives { get; private set; }

    internal CstaServerLink(CstaRequestDispatcher dispatcher, MonitorEventPublisher publisher, Func<string, bool> deviceExists, ITrace trace,
        ICstaFraming framing, IEventLoop? loop, TimeSpan idleTimeout, CstaDialect? dialect = null)
    {
        _codec = new CstaLinkCodec(framing, dialect);
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
        _sessionTimer?.Dispose();
        _sessionTimer = null;
        ApplicationSessionId = null;
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
            case StartApplicationSession start:
                context.Respond(OpenApplicationSession(start));
                break;
            case ResetApplicationSessionTimer reset:
                context.Respond(ResetApplicationSession(reset));
                break;
            case StopApplicationSession stop:
                if (stop.SessionId != ApplicationSessionId)
                {
                    context.Respond(new StopApplicationSessionNegResponse("invalidSessionID"));
                    break;
                }
                Trace($"application session {stop.SessionId} stopped ({stop.EndReason})");
                _sessionTimer?.Dispose();
                _sessionTimer = null;
                ApplicationSessionId = null;
                context.Respond(new StopApplicationSessionPosResponse());
                break;
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

    /// <summary>Opens a session speaking the codec's edition, if the client asked for it; the duration is capped.</summary>
    private CstaMessage OpenApplicationSession(StartApplicationSession start)
    {
        if (ApplicationSessionId is not null) return new StartApplicationSessionNegResponse("sessionAlreadyOpen");
        var written = _codec.Xml.Dialect.WrittenNamespace;
        if (!start.RequestedProtocolVersions.Contains(written)) return new StartApplicationSessionNegResponse("requestedProtocolVersionNotSupported");
        if (start.RequestedSessionDurationSeconds <= 0) return new StartApplicationSessionNegResponse("invalidSessionDuration");
        var seconds = Math.Min(start.RequestedSessionDurationSeconds, (int)CstaServerListener.MaxApplicationSessionDuration.TotalSeconds);
        ApplicationSessionId = $"session-{++_sessionsOpened}";
        Trace($"application session {ApplicationSessionId} for {start.ApplicationId} open for {seconds} s");
        ArmSessionTimer(seconds);
        return new StartApplicationSessionPosResponse(ApplicationSessionId, written, seconds);
    }

    private CstaMessage ResetApplicationSession(ResetApplicationSessionTimer reset)
    {
        if (ApplicationSessionId is null || reset.SessionId != ApplicationSessionId) return new ResetApplicationSessionTimerNegResponse("invalidSessionID");
        if (reset.RequestedSessionDurationSeconds <= 0) return new ResetApplicationSessionTimerNegResponse("invalidSessionDuration");
        var seconds = Math.Min(reset.RequestedSessionDurationSeconds, (int)CstaServerListener.MaxApplicationSessionDuration.TotalSeconds);
        ApplicationSessionKeepAlives++;
        ArmSessionTimer(seconds);
        return new ResetApplicationSessionTimerPosResponse(seconds);
    }

    /// <summary>A session whose timer runs out ends, and with it the link (the switch forgets the application).</summary>
    private void ArmSessionTimer(int seconds)
    {
        _sessionTimer?.Dispose();
        _sessionTimer = null;
        if (_loop is null) return;
        var id = ApplicationSessionId;
        _sessionTimer = _loop.ScheduleAfter(TimeSpan.FromSeconds(seconds), () =>
        {
            if (ApplicationSessionId != id || _connection is not { IsOpen: true } connection) return;
            Trace($"application session {id} expired after {seconds} s without keep-alive");
            ApplicationSessionId = null;
            connection.Close($"application session {id} expired");
        });
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
