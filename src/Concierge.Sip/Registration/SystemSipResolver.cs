using System.Net;
using System.Net.Sockets;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Registration;

/// <summary>
/// The real-world resolver (RFC 3263 §4.2): asks the system's name server for SRV records over UDP, orders them by
/// priority and weight, resolves each target's addresses through the OS, and falls back to the domain's own
/// addresses on the default port when there is no SRV record. The answer is posted to the loop.
/// </summary>
public sealed class SystemSipResolver : ISipServerResolver
{
    private readonly IEventLoop _loop;
    private readonly DeterministicRandom _random;

    /// <summary>Creates a resolver using <paramref name="nameServer"/> (default: the first one in /etc/resolv.conf).</summary>
    public SystemSipResolver(IEventLoop loop, DeterministicRandom random, IPEndPoint? nameServer = null)
    {
        _loop = loop ?? throw new ArgumentNullException(nameof(loop));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        NameServer = nameServer ?? SystemNameServer();
    }

    /// <summary>The name server asked for SRV records, or null when none is configured (SRV is skipped).</summary>
    public IPEndPoint? NameServer { get; }

    /// <summary>How long one SRV query waits for its answer.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public void Resolve(string domain, SipTransportProtocol protocol, Action<IReadOnlyList<SipServerTarget>> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        var defaultPort = protocol == SipTransportProtocol.Tls ? 5061 : 5060;
        if (IPAddress.TryParse(domain.Trim('[', ']'), out var literal))
        {
            IReadOnlyList<SipServerTarget> direct = [new SipServerTarget(domain, new SipEndPoint(protocol, new IPEndPoint(literal, defaultPort)))];
            _loop.Post(() => done(direct));
            return;
        }
        var id = (ushort)_random.Next(ushort.MaxValue + 1);
        var shuffle = _random.Split(domain);
        _ = ResolveAsync(domain, protocol, defaultPort, id, shuffle).ContinueWith(
            task => _loop.Post(() => done(task.IsCompletedSuccessfully ? task.Result : [])), TaskScheduler.Default);
    }

    private async Task<IReadOnlyList<SipServerTarget>> ResolveAsync(string domain, SipTransportProtocol protocol, int defaultPort, ushort id, DeterministicRandom shuffle)
    {
        var records = await QuerySrvAsync(SrvOrdering.ServiceName(domain, protocol), id).ConfigureAwait(false);
        var targets = new List<SipServerTarget>();
        if (records.Count > 0)
        {
            foreach (var record in SrvOrdering.Order(records, shuffle))
                foreach (var address in await AddressesAsync(record.Target).ConfigureAwait(false))
                    targets.Add(new SipServerTarget(record.Target, new SipEndPoint(protocol, new IPEndPoint(address, record.Port)), record.Priority, record.Weight));
            return targets;
        }
        foreach (var address in await AddressesAsync(domain).ConfigureAwait(false))
            targets.Add(new SipServerTarget(domain, new SipEndPoint(protocol, new IPEndPoint(address, defaultPort))));
        return targets;
    }

    private async Task<IReadOnlyList<SipSrvRecord>> QuerySrvAsync(string name, ushort id)
    {
        if (NameServer is null) return [];
        using var socket = new Socket(NameServer.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        using var timeout = new CancellationTokenSource(QueryTimeout);
        try
        {
            await socket.SendToAsync(DnsSrvMessage.Query(id, name), SocketFlags.None, NameServer, timeout.Token).ConfigureAwait(false);
            var buffer = new byte[4096];
            for (var attempts = 0; attempts < 8; attempts++)
            {
                var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), timeout.Token).ConfigureAwait(false);
                if (DnsSrvMessage.TryParseAnswer(buffer.AsSpan(0, received.ReceivedBytes), id, out var records)) return records;
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentException)
        {
            // No answer or an unusable one: fall back to address records.
        }
        return [];
    }

    private static async Task<IPAddress[]> AddressesAsync(string host)
    {
        try
        {
            return await Dns.GetHostAddressesAsync(host).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ArgumentException)
        {
            return [];
        }
    }

    private static IPEndPoint? SystemNameServer()
    {
        try
        {
            foreach (var line in File.ReadLines("/etc/resolv.conf"))
            {
                var parts = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 2 && parts[0] == "nameserver" && IPAddress.TryParse(parts[1], out var address)) return new IPEndPoint(address, 53);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }
}
