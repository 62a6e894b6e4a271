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

    [Fact]
    public void Streamed_lines_hashed_lines_and_recent_lines_are_the_same_text_whether_recorded_from_a_string_or_a_span()
    {
        var clock = new VirtualTimeProvider();
        var streamed = new StringWriter { NewLine = "\n" };
        var trace = new TraceLog(clock, recentCapacity: 4, streamed);
        var steps = new[] { TimeSpan.FromMilliseconds(7), TimeSpan.FromSeconds(59.993), TimeSpan.FromHours(123.5), TimeSpan.FromMinutes(61) };
        for (var i = 0; i < steps.Length; i++)
        {
            clock.Advance(steps[i]);
            if (i % 2 == 0) trace.Record("src", $"text {i}");
            else trace.Record("src", $"text {i}".AsSpan());
        }

        var lines = streamed.ToString().TrimEnd('\n').Split('\n');
        Assert.Equal(lines, trace.RecentLines());
        Assert.Equal("0:00:00.007 src text 0", lines[0]);
        Assert.Equal("0:01:00.000 src text 1", lines[1]);
        Assert.Equal("123:31:00.000 src text 2", lines[2]);
        Assert.Equal("124:32:00.000 src text 3", lines[3]);

        var fromStrings = new TraceLog(new VirtualTimeProvider());
        var fromSpans = new TraceLog(new VirtualTimeProvider());
        fromStrings.Record("a", "same");
        fromSpans.Record("a", "same".AsSpan());
        Assert.Equal(fromStrings.HashHex(), fromSpans.HashHex());
    }

    private static string Hash(params (string Source, string Text)[] records)
    {
        var trace = new TraceLog(new VirtualTimeProvider());
        foreach (var (source, text) in records) trace.Record(source, text);
        return trace.HashHex();
    }
}
