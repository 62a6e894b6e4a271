using Concierge.Csta.Codec;
using Concierge.Csta.Framing;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Tracing;
using Concierge.Runtime.Transports;

namespace Concierge.Csta.Server;

/// <summary>
/// Accepts CSTA client links on a port (the switch side, for simulators): each connection gets a
/// <see cref="CstaServerLink"/> sharing one dispatcher and one monitor publisher.
/// </summary>
public sealed class CstaServerListener : IDisposable
{
    private readonly List<CstaServerLink> _links = [];
    private readonly IStreamListener _listener;

    /// <summary>
    /// Listens on <paramref name="port"/>; <paramref name="deviceExists"/> decides which devices may be monitored
    /// (default: all). With a <paramref name="loop"/> and an <paramref name="idleTimeout"/>, a link that sends nothing
    /// for that long is closed, as a switch drops a client whose heartbeats stopped. <paramref name="dialect"/> is how
    /// the switch writes and reads (default: plain edition 3).
    /// </summary>
    public CstaServerListener(INetworkStack network, int port, CstaRequestDispatcher dispatcher, MonitorEventPublisher? publisher = null,
        Func<string, bool>? deviceExists = null, ITrace? trace = null, ICstaFraming? framing = null, IEventLoop? loop = null,
        TimeSpan? idleTimeout = null, CstaDialect? dialect = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(dispatcher);
        Dispatcher = dispatcher;
        Publisher = publisher ?? new MonitorEventPublisher();
        var exists = deviceExists ?? (static _ => true);
        var traceSink = trace ?? NullTrace.Instance;
        var frameFormat = framing ?? InvokeIdHeaderFraming.Instance;
        _listener = network.Listen(port, _ =>
        {
            var link = new CstaServerLink(Dispatcher, Publisher, exists, traceSink, frameFormat, loop, idleTimeout ?? TimeSpan.Zero, dialect);
            link.Closed += closed => _links.Remove(closed);
            _links.Add(link);
            return link;
        });
    }

    /// <summary>Longest ECMA-354 application session granted; a longer request gets this.</summary>
    public static readonly TimeSpan MaxApplicationSessionDuration = TimeSpan.FromSeconds(300);

    /// <summary>The request dispatcher shared by all links.</summary>
    public CstaRequestDispatcher Dispatcher { get; }

    /// <summary>The monitors of all links.</summary>
    public MonitorEventPublisher Publisher { get; }

    /// <summary>Open links.</summary>
    public IReadOnlyList<CstaServerLink> Links => _links;

    /// <summary>Where the listener listens.</summary>
    public System.Net.IPEndPoint LocalEndPoint => _listener.LocalEndPoint;

    /// <summary>Closes every link.</summary>
    public void CloseAll(string reason)
    {
        foreach (var link in _links.ToList()) link.Close(reason);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CloseAll("listener disposed");
        _listener.Dispose();
    }
}
