using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Sip.Registration;
using Concierge.Sip.Transport;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Registration;

public class DnsSrvTests
{
    /// <summary>A name server's answer to <paramref name="query"/>: the question echoed, then SRV records whose owner is a pointer to it.</summary>
    private static byte[] Answer(byte[] query, params SipSrvRecord[] records)
    {
        var bytes = new List<byte>(query);
        BinaryPrimitives.WriteUInt16BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)[2..], 0x8180);
        BinaryPrimitives.WriteUInt16BigEndian(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)[6..], (ushort)records.Length);
        foreach (var record in records)
        {
            var target = new List<byte>();
            foreach (var label in record.Target.Split('.'))
            {
                target.Add((byte)label.Length);
                target.AddRange(Encoding.ASCII.GetBytes(label));
            }
            target.Add(0);
            bytes.AddRange([0xC0, 0x0C, 0, 33, 0, 1, 0, 0, 0x0E, 0x10]);
            var length = 6 + target.Count;
            bytes.AddRange([(byte)(length >> 8), (byte)length]);
            bytes.AddRange([(byte)(record.Priority >> 8), (byte)record.Priority, (byte)(record.Weight >> 8), (byte)record.Weight, (byte)(record.Port >> 8), (byte)record.Port]);
            bytes.AddRange(target);
        }
        return bytes.ToArray();
    }

    [Fact]
    public void Query_names_the_service_and_the_answer_gives_its_srv_records()
    {
        var query = DnsSrvMessage.Query(0x1234, "_sip._udp.osv.example.com");
        Assert.Equal(0x1234, BinaryPrimitives.ReadUInt16BigEndian(query));
        Assert.Contains("\u0004_sip\u0004_udp\u0003osv\u0007example\u0003com\0", Encoding.ASCII.GetString(query), StringComparison.Ordinal);
        var answer = Answer(query, new SipSrvRecord(10, 60, 5060, "osv1.example.com"), new SipSrvRecord(20, 0, 5062, "osv2.example.com"));
        Assert.True(DnsSrvMessage.TryParseAnswer(answer, 0x1234, out var records));
        Assert.Equal(new[] { new SipSrvRecord(10, 60, 5060, "osv1.example.com"), new SipSrvRecord(20, 0, 5062, "osv2.example.com") }, records);
        Assert.False(DnsSrvMessage.TryParseAnswer(answer, 0x9999, out _));
    }

    [Fact]
    public void Malformed_answers_are_refused_without_exceptions()
    {
        var valid = Answer(DnsSrvMessage.Query(7, "_sip._udp.x.org"), new SipSrvRecord(1, 1, 5060, "a.x.org"));
        var gen = from seed in ArbMap.Default.GeneratorFor<ulong>() from cut in Gen.Choose(0, valid.Length) select (seed, cut);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var random = new DeterministicRandom(x.seed);
            var copy = valid.Take(x.cut).ToArray();
            for (var i = 0; i < 4 && copy.Length > 0; i++) copy[random.Next(copy.Length)] = (byte)random.Next(256);
            DnsSrvMessage.TryParseAnswer(copy, 7, out var records);
            return records.Count <= 1;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task System_resolver_orders_srv_targets_from_a_real_name_server()
    {
        using var dns = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        dns.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var server = Task.Run(async () =>
        {
            var buffer = new byte[512];
            var received = await dns.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0));
            var reply = Answer(buffer.AsSpan(0, received.ReceivedBytes).ToArray(), new SipSrvRecord(20, 10, 5080, "localhost"), new SipSrvRecord(10, 10, 5070, "localhost"));
            await dns.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint);
        });
        using var loop = new RealEventLoop("dns-test");
        var resolver = new SystemSipResolver(loop, new DeterministicRandom(1), (IPEndPoint)dns.LocalEndPoint!);
        var result = new TaskCompletionSource<IReadOnlyList<SipServerTarget>>();
        loop.Post(() => resolver.Resolve("osv.example.com", SipTransportProtocol.Udp, targets => result.SetResult(targets)));
        var targets = await result.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await server;
        Assert.NotEmpty(targets);
        Assert.Equal(5070, targets[0].EndPoint.Address.Port);
        Assert.Equal(5080, targets[^1].EndPoint.Address.Port);
        Assert.All(targets, t => Assert.True(IPAddress.IsLoopback(t.EndPoint.Address.Address)));
    }

    [Fact]
    public async Task System_resolver_passes_ip_literals_through()
    {
        using var loop = new RealEventLoop("dns-literal");
        var resolver = new SystemSipResolver(loop, new DeterministicRandom(1));
        var result = new TaskCompletionSource<IReadOnlyList<SipServerTarget>>();
        loop.Post(() => resolver.Resolve("192.0.2.7", SipTransportProtocol.Tls, targets => result.SetResult(targets)));
        var target = Assert.Single(await result.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5061), target.EndPoint.Address);
    }
}
