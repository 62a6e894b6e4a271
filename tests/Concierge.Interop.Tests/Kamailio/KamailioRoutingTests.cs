using Concierge.Interop.Tests.Support;

namespace Concierge.Interop.Tests.Kamailio;

/// <summary>
/// Issue 18, 2a: Kamailio as the PBX of a SIP-only CPS. The CPS registers at Kamailio; pilot numbers and personal
/// lines go to the CPS and, on 408, 480, 5xx or no answer, to the fallback hunt group (a SIPp UAS); the CPS's
/// internal numbers go to the CPS without fallback; with the CPS stopped or killed, pilot calls reach the hunt group.
/// </summary>
[Collection("Interop")]
public sealed class KamailioRoutingTests
{
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(30);
    private static string Topology => Repository.Interop("kamailio", KamailioNumbers.Topology);

    [Fact]
    public async Task Pilot_and_personal_line_calls_reach_the_CPS_and_its_internal_numbers_have_no_fallback()
    {
        using var huntGroup = await SippProcess.StartUasAsync("hunt-group", "uas-answer-bye.xml");
        using var phones = await SippProcess.StartUasAsync("attendant-phones", "uas-answer-bye.xml", talkMs: 200);
        using var kamailio = await KamailioProcess.StartAsync(huntGroup.Port);
        using var server = await ConciergeServerProcess.StartAsync(Topology, kamailio.Port);
        var attendants = KamailioNumbers.Attendants(2);
        await phones.RegisterAsync(kamailio.Port, attendants);
        await server.LogOnAttendantsAsync(attendants);

        await Calls("pilot", "uac-until-bye.xml", KamailioNumbers.MainPilot, 5, kamailio);
        await Calls("personal-line", "uac-until-bye.xml", KamailioNumbers.PersonalLineOf7580, 3, kamailio);
        await Calls("loop", "uac-call.xml", KamailioNumbers.Loop, 1, kamailio);
        await Calls("request-number", "uac-expect-404.xml", KamailioNumbers.UnusedRequestNumber, 1, kamailio);

        var records = await server.WaitForCallRecordsAsync(8, CallBound);
        Assert.Equal(5, records.Count(r => r.Called == KamailioNumbers.MainPilot && r.Disposition == "answered" && attendants.Contains(r.AnsweredBy)));
        Assert.Equal(3, records.Count(r => r.Called == KamailioNumbers.PersonalLineOf7580 && r.Disposition == "answered" && r.AnsweredBy == attendants[0]));
        Assert.Equal(0, huntGroup.Statistics?["IncomingCall(C)"] ?? 0);
        Assert.Equal(0, await server.MetricAsync("concierge_sip_handler_faults_total"));
    }

    [Fact]
    public async Task With_the_CPS_stopped_or_killed_pilot_calls_reach_the_hunt_group()
    {
        using var huntGroup = await SippProcess.StartUasAsync("hunt-group", "uas-answer-bye.xml");
        using var kamailio = await KamailioProcess.StartAsync(huntGroup.Port);
        using var server = await ConciergeServerProcess.StartAsync(Topology, kamailio.Port);

        // Running: a pilot call is the CPS's (queued with music, no attendant; the caller gives up after 300 ms).
        await Calls("pilot-cps-up", "uac-call.xml", KamailioNumbers.MainPilot, 1, kamailio, "-d", "300");
        Assert.Single(await server.WaitForCallRecordsAsync(1, CallBound));

        // Stopped in order: the registration is withdrawn, Kamailio sends pilot and personal-line calls to the hunt group;
        // an internal number is not found.
        await server.StopAsync();
        await Calls("pilot-cps-stopped", "uac-until-bye.xml", KamailioNumbers.MainPilot, 3, kamailio);
        await Calls("personal-line-cps-stopped", "uac-until-bye.xml", KamailioNumbers.PersonalLineOf7580, 1, kamailio);
        await Calls("loop-cps-stopped", "uac-expect-404.xml", KamailioNumbers.Loop, 1, kamailio);
        Assert.Equal(4, await huntGroup.WaitForCounterAsync("SuccessfulCall(C)", 4, TimeSpan.FromSeconds(5)));

        // Killed (kill -9): its registration stays, the INVITE goes unanswered, and after Kamailio's 2 s the hunt
        // group takes the call.
        await server.StartAgainAsync();
        await Calls("pilot-cps-again", "uac-call.xml", KamailioNumbers.MainPilot, 1, kamailio, "-d", "300");
        Assert.Equal(2, (await server.WaitForCallRecordsAsync(2, CallBound)).Count);
        await server.KillAsync();
        await Calls("pilot-cps-killed", "uac-until-bye.xml", KamailioNumbers.MainPilot, 2, kamailio);
        Assert.Equal(6, await huntGroup.WaitForCounterAsync("SuccessfulCall(C)", 6, TimeSpan.FromSeconds(5)));
    }

    [Theory]
    [InlineData("480")]
    [InlineData("503")]
    public async Task A_CPS_answering_480_or_5xx_sends_pilot_calls_to_the_hunt_group(string status)
    {
        // The CPS is played by a SIPp UAS registered as CPS1 that refuses every call with the status.
        using var huntGroup = await SippProcess.StartUasAsync("hunt-group", "uas-answer-bye.xml");
        using var failingCps = await SippProcess.StartUasAsync("failing-cps", $"uas-reject-{status}.xml");
        using var kamailio = await KamailioProcess.StartAsync(huntGroup.Port);
        await failingCps.RegisterAsync(kamailio.Port, ["CPS1"]);

        await Calls("pilot-cps-" + status, "uac-until-bye.xml", KamailioNumbers.MainPilot, 2, kamailio);
        Assert.Equal(2, await failingCps.WaitForCounterAsync("IncomingCall(C)", 2, TimeSpan.FromSeconds(5)));
        Assert.Equal(2, await huntGroup.WaitForCounterAsync("SuccessfulCall(C)", 2, TimeSpan.FromSeconds(5)));
    }

    /// <summary>Places <paramref name="count"/> calls of <paramref name="scenario"/> to <paramref name="number"/>; every one must succeed.</summary>
    private static async Task Calls(string name, string scenario, string number, int count, KamailioProcess kamailio, params string[] extra)
    {
        var (exit, statistics, output) = await SippProcess.RunUacAsync(name, scenario, kamailio.Port,
            ["-s", number, "-m", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-r", "10", "-timeout", "25s", "-timeout_error", .. extra],
            CallBound);
        Assert.True(exit == 0 && statistics["SuccessfulCall(C)"] == count && statistics["FailedCall(C)"] == 0,
            $"{name}: {count} calls to {number}: exit {exit}, {statistics}\n{output}\n{kamailio.Output}");
    }
}
