using Concierge.Interop.Tests.Support;

namespace Concierge.Interop.Tests.Kamailio;

/// <summary>
/// Issue 18, 2b: SIPp callers → Kamailio → the CPS's queue → pushed through Kamailio to attendant phones (a SIPp UAS
/// whose 16 numbers registered at Kamailio; it answers at once) → talk → the attendant hangs up → BYE to the caller.
/// 1,000 calls, none failed, and every call's record in the database, answered by an attendant.
/// </summary>
[Collection("Interop")]
public sealed class AttendantCallsThroughKamailioTests
{
    private const int Calls = 1000;
    private const int RatePerSecond = 50;
    private const int TalkMs = 200;

    [Fact]
    public async Task A_thousand_pilot_calls_are_pushed_through_Kamailio_to_attendant_phones_and_all_are_recorded_answered()
    {
        using var huntGroup = await SippProcess.StartUasAsync("hunt-group", "uas-answer-bye.xml");
        using var phones = await SippProcess.StartUasAsync("attendant-phones", "uas-answer-bye.xml", talkMs: TalkMs);
        using var kamailio = await KamailioProcess.StartAsync(huntGroup.Port);
        using var server = await ConciergeServerProcess.StartAsync(Repository.Interop("kamailio", KamailioNumbers.Topology), kamailio.Port);
        var attendants = KamailioNumbers.Attendants(16);
        await phones.RegisterAsync(kamailio.Port, attendants);
        await server.LogOnAttendantsAsync(attendants);

        var (exit, statistics, output) = await SippProcess.RunUacAsync("callers", "uac-until-bye.xml", kamailio.Port,
            ["-s", KamailioNumbers.MainPilot, "-m", $"{Calls}", "-r", $"{RatePerSecond}", "-l", "200", "-timeout", "60s", "-timeout_error"],
            TimeSpan.FromSeconds(75));

        Assert.True(exit == 0 && statistics["SuccessfulCall(C)"] == Calls && statistics["FailedCall(C)"] == 0,
            $"SIPp callers: exit {exit}, {statistics}\n{output}\n{server.Output}");
        var records = await server.WaitForCallRecordsAsync(Calls, TimeSpan.FromSeconds(10));
        Assert.Equal(Calls, records.Count);
        var dispositions = records.GroupBy(r => r.Disposition).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(dispositions.GetValueOrDefault("answered") == Calls, "dispositions: " + string.Join(", ", dispositions.Select(d => $"{d.Key}={d.Value}")));
        Assert.All(records, r => Assert.Contains(r.AnsweredBy, attendants));
        Assert.Equal(Calls, records.Select(r => r.Caller).Distinct().Count());
        Assert.Equal(Calls, await phones.WaitForCounterAsync("SuccessfulCall(C)", Calls, TimeSpan.FromSeconds(5)));
        Assert.Equal(0, huntGroup.Statistics?["IncomingCall(C)"] ?? 0);
        Assert.Equal(0, await server.MetricAsync("concierge_sip_handler_faults_total"));
        Assert.Equal(0, await server.MetricAsync("concierge_call_records_failed_total"));
        Assert.Equal(0, await server.MetricAsync("concierge_live_calls"));
    }
}
