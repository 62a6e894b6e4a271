using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Runtime.Tests.Transports;

public sealed class SimulatedDatagramTests
{
    [Fact]
    public void A_datagram_arrives_after_the_link_latency_from_the_senders_address()
    {
        var net = new NetworkFixture(link: new LinkProfile(TimeSpan.FromMilliseconds(20)));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });

        sender.Send("hello"u8, NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();

        var (payload, from, at) = Assert.Single(net.ReceivedAtB);
        Assert.Equal("hello"u8.ToArray(), payload);
        Assert.Equal(NetworkFixture.At(net.A, 4000), from);
        Assert.Equal(TimeSpan.FromMilliseconds(20), at);
    }

    [Fact]
    public void Loss_rate_stays_within_statistical_bounds()
    {
        var net = new NetworkFixture(seed: 11, link: new LinkProfile(TimeSpan.FromMilliseconds(1), LossPercent: 10));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });
        const int n = 20_000;
        for (var i = 0; i < n; i++) sender.Send([1, 2, 3], NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();

        // Binomial(20000, 0.1): mean 2000, sd ≈ 42.4; ±5 sd.
        Assert.InRange(net.Network.Counters.DatagramsLost, 2000 - 212, 2000 + 212);
        Assert.Equal(n - net.Network.Counters.DatagramsLost, net.ReceivedAtB.Count);
    }

    [Fact]
    public void Duplication_rate_stays_within_statistical_bounds()
    {
        var net = new NetworkFixture(seed: 5, link: new LinkProfile(TimeSpan.FromMilliseconds(1), DuplicatePercent: 5));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });
        const int n = 20_000;
        for (var i = 0; i < n; i++) sender.Send([9], NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();

        // Binomial(20000, 0.05): mean 1000, sd ≈ 30.8; ±5 sd.
        Assert.InRange(net.Network.Counters.DatagramsDuplicated, 1000 - 154, 1000 + 154);
        Assert.Equal(n + net.Network.Counters.DatagramsDuplicated, net.ReceivedAtB.Count);
    }

    [Fact]
    public void Jitter_and_reordering_let_later_datagrams_overtake_earlier_ones()
    {
        var net = new NetworkFixture(seed: 3, link: new LinkProfile(TimeSpan.FromMilliseconds(10), Jitter: TimeSpan.FromMilliseconds(10), ReorderPercent: 20));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });
        for (byte i = 0; i < 100; i++) sender.Send([i], NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();

        var order = net.ReceivedAtB.Select(r => (int)r.Payload[0]).ToList();
        Assert.Equal(100, order.Count);
        Assert.NotEqual(Enumerable.Range(0, 100), order);
        Assert.Equal(Enumerable.Range(0, 100), order.Order());
    }

    [Fact]
    public void A_cut_drops_traffic_both_ways_until_restored()
    {
        var net = new NetworkFixture();
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });

        net.Network.Cut("a", "b");
        sender.Send([1], NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();
        Assert.Empty(net.ReceivedAtB);
        Assert.True(net.Network.IsCut("b", "a"));

        net.Network.Restore("a", "b");
        sender.Send([2], NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();
        Assert.Equal([2], Assert.Single(net.ReceivedAtB).Payload);
        Assert.Equal(1, net.Network.Counters.DatagramsDroppedByCut);
    }

    [Fact]
    public void A_cut_while_in_flight_drops_the_datagram()
    {
        var net = new NetworkFixture(link: new LinkProfile(TimeSpan.FromMilliseconds(50)));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });
        sender.Send([1], NetworkFixture.At(net.B));
        net.Loop.ScheduleAfter(TimeSpan.FromMilliseconds(10), () => net.Network.Cut("a", "b"));

        net.Loop.RunUntilIdle();

        Assert.Empty(net.ReceivedAtB);
    }

    [Fact]
    public void A_crash_drops_in_flight_data_even_after_a_quick_restart()
    {
        var net = new NetworkFixture(link: new LinkProfile(TimeSpan.FromMilliseconds(50)));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });
        sender.Send([1], NetworkFixture.At(net.B));
        net.Loop.ScheduleAfter(TimeSpan.FromMilliseconds(10), () => net.Network.Crash("b"));
        net.Loop.ScheduleAfter(TimeSpan.FromMilliseconds(20), () => { net.Network.Restart("b"); net.BindB(); });

        net.Loop.RunUntilIdle();

        Assert.Empty(net.ReceivedAtB);
        Assert.Equal(1, net.Network.Counters.DatagramsDroppedByCrash);

        sender.Send([2], NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();
        Assert.Single(net.ReceivedAtB);
    }

    [Fact]
    public void What_a_host_sent_but_had_not_yet_delivered_is_lost_when_it_crashes()
    {
        var net = new NetworkFixture(link: new LinkProfile(TimeSpan.FromMilliseconds(50)));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });
        sender.Send([1], NetworkFixture.At(net.B));
        net.Loop.ScheduleAfter(TimeSpan.FromMilliseconds(10), () => net.Network.Crash("a"));

        net.Loop.RunUntilIdle();

        Assert.Empty(net.ReceivedAtB);
        Assert.Equal(1, net.Network.Counters.DatagramsDroppedByCrash);
    }

    [Fact]
    public void A_crashed_host_cannot_bind_and_its_old_sockets_are_gone()
    {
        var net = new NetworkFixture();
        var old = net.BindB();
        net.Network.Crash("b");

        Assert.Throws<TransportException>(() => net.B.BindDatagram(5061, (_, _) => { }));
        net.Network.Restart("b");
        old.Send([1], NetworkFixture.At(net.A)); // an old socket of an earlier incarnation sends nothing
        net.Loop.RunUntilIdle();
        Assert.Equal(0, net.Network.Counters.DatagramsSent);
        net.BindB(); // the port is free again
    }

    [Fact]
    public void A_bandwidth_limit_spaces_datagrams_and_a_full_queue_drops_them()
    {
        // 80 kbit/s: a 972-byte payload + 28 bytes of headers takes 100 ms on the wire; the queue holds 3,000 bytes (the one on the wire included).
        var net = new NetworkFixture(link: new LinkProfile(TimeSpan.Zero, BandwidthBitsPerSecond: 80_000, QueueLimitBytes: 3_000));
        net.BindB();
        var sender = net.A.BindDatagram(4000, (_, _) => { });
        for (var i = 0; i < 5; i++) sender.Send(new byte[972], NetworkFixture.At(net.B));
        net.Loop.RunUntilIdle();

        Assert.Equal([100, 200, 300], net.ReceivedAtB.Select(r => r.At.TotalMilliseconds));
        Assert.Equal(2, net.Network.Counters.DatagramsDroppedByQueue);
    }

    [Fact]
    public void Duplicate_names_addresses_and_ports_are_refused_clearly()
    {
        var net = new NetworkFixture();
        Assert.Contains("already used", Assert.Throws<ArgumentException>(() => net.Network.AddHost("a", System.Net.IPAddress.Parse("192.0.2.9"))).Message);
        Assert.Contains("belongs to host 'a'", Assert.Throws<ArgumentException>(() => net.Network.AddHost("c", System.Net.IPAddress.Parse("192.0.2.1"))).Message);
        net.BindB();
        Assert.Contains("already bound", Assert.Throws<TransportException>(() => net.BindB()).Message);
        Assert.Contains("no host named 'zz'", Assert.Throws<ArgumentException>(() => net.Network.Cut("a", "zz")).Message);
    }

    [Fact]
    public void Bad_link_profiles_name_the_bad_value()
    {
        var net = new NetworkFixture();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => net.Network.SetLink("a", "b", new LinkProfile(TimeSpan.Zero, LossPercent: 120)));
        Assert.Equal("LossPercent", error.ParamName);
    }
}
