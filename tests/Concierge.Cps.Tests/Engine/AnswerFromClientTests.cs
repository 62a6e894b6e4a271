using Concierge.Cps.Calls;

namespace Concierge.Cps.Tests.Engine;

public sealed class AnswerFromClientTests
{
    [Fact]
    public void The_client_answers_the_call_ringing_at_the_attendant_through_the_PBX()
    {
        var cps = new CpsHarness();
        cps.LogOn("7580");
        cps.Call("3201", "+493011100001");
        Assert.Equal(CallPhase.Offered, cps.CallFrom("+493011100001").Phase);

        Assert.True(cps.Engine.Answer(CpsHarness.N("7580")).Succeeded);

        Assert.Equal(CpsHarness.N("7580"), Assert.Single(cps.Pbx.Answers));
        Assert.Contains(cps.CallFrom("+493011100001").Record.History, line => line.EndsWith("answered from the client at +4950505807580", StringComparison.Ordinal));
        cps.AttendantAnswers("7580");
        Assert.Equal(CallPhase.Connected, cps.CallFrom("+493011100001").Phase);
        cps.Check();
    }

    [Fact]
    public void Answer_is_refused_with_a_reason_when_nothing_rings_or_nobody_is_logged_on()
    {
        var cps = new CpsHarness();
        var notLoggedOn = cps.Engine.Answer(CpsHarness.N("7580"));
        Assert.False(notLoggedOn.Succeeded);
        Assert.Contains("no attendant is logged on", notLoggedOn.Error, StringComparison.Ordinal);

        cps.LogOn("7580");
        var nothingRings = cps.Engine.Answer(CpsHarness.N("7580"));
        Assert.False(nothingRings.Succeeded);
        Assert.Equal("no call rings at +4950505807580", nothingRings.Error);

        cps.Call("3201", "+493011100001");
        cps.AttendantAnswers("7580");
        Assert.False(cps.Engine.Answer(CpsHarness.N("7580")).Succeeded); // connected: nothing rings any more
        Assert.Empty(cps.Pbx.Answers);
        cps.Check();
    }
}
