using Concierge.Runtime.Loop;
using Concierge.Runtime.Transports;
using Concierge.Runtime.Transports.Simulated;

namespace Concierge.Runtime.Tests.Transports;

public sealed class SimulatedStreamTests
{
    [Fact]
    public void Bytes_arrive_in_order_despite_jitter_and_loss()
    {
        var net = new NetworkFixture(seed: 9, link: new LinkProfile(TimeSpan.FromMilliseconds(5), Jitter: TimeSpan.FromMilliseconds(30), LossPercent: 20));
        var server = new RecordingStream();
        net.B.Listen(1040, _ => server);
        var client = new RecordingStream();
        var connection = net.A.Connect(NetworkFixture.At(net.B, 1040), client);
        net.Loop.RunUntilIdle();
        Assert.True(client.Connected);
        Assert.True(server.Connected);

        for (var i = 0; i < 200; i++) connection.Send([(byte)i]);
        net.Loop.RunUntilIdle();

        Assert.Equal(Enumerable.Range(0, 200).Select(i => (byte)i), server.Bytes);
    }

    [Fact]
    public void Both_sides_can_talk_and_close_reaches_the_peer_after_the_data()
    {
        var net = new NetworkFixture(link: new LinkProfile(TimeSpan.FromMilliseconds(5)));
        var server = new RecordingStream();
        net.B.Listen(1040, _ => server);
        var client = new RecordingStream();
        var connection = net.A.Connect(NetworkFixture.At(net.B, 1040), client);
        net.Loop.RunUntilIdle();

        connection.Send("ping"u8);
        connection.Close();
        net.Loop.RunUntilIdle();

        Assert.Equal("ping"u8.ToArray(), server.Bytes);
        Assert.Equal(["connected", "data 4", "closed closed by peer"], server.Events);
        Assert.Equal(["connected", "closed closed locally"], client.Events);
        Assert.Equal(0, net.A.OpenConnectionCount);
        Assert.Equal(0, net.B.OpenConnectionCount);
    }

    [Fact]
    public void Connecting_to_a_port_nobody_listens_on_is_refused()
    {
        var net = new NetworkFixture();
        var client = new RecordingStream();
        net.A.Connect(NetworkFixture.At(net.B, 1040), client);
        net.Loop.RunUntilIdle();

        Assert.Equal("connection refused", client.ClosedReason);
        Assert.False(client.Connected);
    }

    [Fact]
    public void Connecting_across_a_cut_times_out()
    {
        var net = new NetworkFixture();
        net.B.Listen(1040, _ => new RecordingStream());
        net.Network.Cut("a", "b");
        var client = new RecordingStream();
        var start = net.Loop.Now;
        net.A.Connect(NetworkFixture.At(net.B, 1040), client);
        net.Loop.RunUntilIdle();

        Assert.Equal("connection timed out", client.ClosedReason);
        Assert.Equal(net.Network.ConnectTimeout, net.Loop.Now - start);
    }

    [Fact]
    public void A_cut_breaks_a_connection_once_data_is_lost_and_both_sides_hear_it()
    {
        var net = new NetworkFixture();
        var server = new RecordingStream();
        net.B.Listen(1040, _ => server);
        var client = new RecordingStream();
        var connection = net.A.Connect(NetworkFixture.At(net.B, 1040), client);
        net.Loop.RunUntilIdle();

        net.Network.Cut("a", "b");
        net.Loop.RunFor(TimeSpan.FromSeconds(30));
        Assert.True(connection.IsOpen); // an idle connection does not notice a cut

        connection.Send("lost"u8);
        net.Loop.RunFor(TimeSpan.FromSeconds(10));

        Assert.Equal("connection lost: network cut", client.ClosedReason);
        Assert.Equal("connection lost: network cut", server.ClosedReason);
        Assert.Empty(server.Bytes);
        Assert.Equal(1, net.Network.Counters.ConnectionsLost);
    }

    [Fact]
    public void A_crash_silences_the_crashed_side_and_the_peer_loses_the_connection()
    {
        var net = new NetworkFixture();
        var server = new RecordingStream();
        net.B.Listen(1040, _ => server);
        var client = new RecordingStream();
        net.A.Connect(NetworkFixture.At(net.B, 1040), client);
        net.Loop.RunUntilIdle();

        net.Network.Crash("b");
        net.Loop.RunUntilIdle();

        Assert.Equal("connection lost: peer crashed", client.ClosedReason);
        Assert.Null(server.ClosedReason);
        Assert.Equal(0, net.B.OpenConnectionCount);
    }

    [Fact]
    public void Data_in_flight_to_a_crashed_host_is_lost()
    {
        var net = new NetworkFixture(link: new LinkProfile(TimeSpan.FromMilliseconds(50)));
        var server = new RecordingStream();
        net.B.Listen(1040, _ => server);
        var client = new RecordingStream();
        var connection = net.A.Connect(NetworkFixture.At(net.B, 1040), client);
        net.Loop.RunUntilIdle();

        connection.Send("x"u8);
        net.Loop.ScheduleAfter(TimeSpan.FromMilliseconds(10), () => net.Network.Crash("b"));
        net.Loop.RunUntilIdle();

        Assert.Empty(server.Bytes);
    }
}
