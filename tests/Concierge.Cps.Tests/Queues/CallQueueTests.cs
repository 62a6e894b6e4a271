using Concierge.Cps.Calls;

namespace Concierge.Cps.Tests.Queues;

public sealed class CallQueueTests
{
    [Fact]
    public void Personal_line_calls_are_served_before_older_standard_calls()
    {
        var cps = new CpsHarness();
        cps.Call("3201", "+493011100001");
        cps.Pass(TimeSpan.FromSeconds(10));
        cps.Call("3220", "+493011100002"); // personal line of 7580, priority 3 < 5

        cps.LogOn("7580");

        var offered = cps.Engine.Attendant(CpsHarness.N("7580"))!.CurrentCall!;
        Assert.Equal("+493011100002", offered.Caller);
        Assert.Equal(CallType.PersonalLine, offered.Type);
        cps.Check();
    }

    [Fact]
    public void Equal_priorities_are_served_longest_waiting_first()
    {
        var cps = new CpsHarness();
        cps.Call("3201", "+493011100001");
        cps.Pass(TimeSpan.FromSeconds(1));
        cps.Call("3202", "+493011100002");

        cps.LogOn("7580");

        Assert.Equal("+493011100001", cps.Engine.Attendant(CpsHarness.N("7580"))!.CurrentCall!.Caller);
    }
}
