using Concierge.Runtime.Time;
using Concierge.Runtime.Tracing;

namespace Concierge.Runtime.Tests.Tracing;

public sealed class TraceLogTests
{
    [Fact]
    public void The_same_records_at_the_same_times_give_the_same_hash()
    {
        Assert.Equal(Hash(("sip", "INVITE"), ("net", "udp")), Hash(("sip", "INVITE"), ("net", "udp")));
        Assert.NotEqual(Hash(("sip", "INVITE"), ("net", "udp")), Hash(("net", "udp"), ("sip", "INVITE")));
        Assert.Matches("^[0-9a-f]{16}$", Hash(("a", "b")));
    }

    [Fact]
    public void Records_are_stamped_with_virtual_time_and_the_last_lines_are_kept()
    {
        var clock = new VirtualTimeProvider();
        var trace = new TraceLog(clock, recentCapacity: 3);
        for (var i = 0; i < 5; i++)
        {
            trace.Record("t", $"line {i}");
            clock.Advance(TimeSpan.FromMilliseconds(1500));
        }

        Assert.Equal(["0:00:03.000 t line 2", "0:00:04.500 t line 3", "0:00:06.000 t line 4"], trace.RecentLines());
        Assert.Equal(5, trace.Count);
    }

    [Fact]
    public void Time_is_part_of_the_identity()
    {
        var immediate = new TraceLog(new VirtualTimeProvider());
        immediate.Record("x", "y");

        var clock = new VirtualTimeProvider();
        var delayed = new TraceLog(clock);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        delayed.Record("x", "y");

        Assert.NotEqual(immediate.HashHex(), delayed.HashHex());
    }

    private static string Hash(params (string Source, string Text)[] records)
    {
        var trace = new TraceLog(new VirtualTimeProvider());
        foreach (var (source, text) in records) trace.Record(source, text);
        return trace.HashHex();
    }
}
