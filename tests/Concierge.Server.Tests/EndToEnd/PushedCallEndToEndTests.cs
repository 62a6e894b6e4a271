using System.Net;
using System.Text;
using System.Text.Json;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Server.Tests.EndToEnd;

/// <summary>
/// Issue 12 item 6 end to end, on real sockets and the system clock: the server and the simulated OSV (the PBX
/// emulator) on loopback. A caller from the public network calls the main pilot; the OSV routes it to the registered
/// CPS, which queues it (the caller hears the CPS) and pushes it to the attendant logged on through the HTTP API; the
/// attendant answers through the API (CSTA AnswerCall at the OSV, the simulated phone goes off hook), caller and
/// attendant talk, the caller hangs up, and the call's record is read back from the store: answered, by the attendant.
/// </summary>
public sealed class PushedCallEndToEndTests
{
    private const string Attendant = "+4950505807580";
    private const string Caller = "+493011100001";
    private const string MainPilot = "+4950505803201";

    [Fact]
    public async Task A_call_is_queued_pushed_answered_ended_and_its_record_stored()
    {
        await using var system = await EmulatedPbxServer.StartAsync();
        var pbx = system.Pbx;
        using var http = await system.LogOnAsync();
        using (var logon = await http.PostAsync($"/api/attendants/{Attendant}/logon", Json("""{"available":true}""")))
            Assert.Equal(HttpStatusCode.OK, logon.StatusCode);

        // osv-example's attendant phones answer CTI calls by themselves; this one rings, so the answer is the attendant's.
        await pbx.InvokeAsync(osv => osv.Phone(Attendant)!.Settings = osv.Phone(Attendant)!.Settings with { AutoAnswerCti = false });
        await pbx.DialAsync("caller", Caller, MainPilot);
        await pbx.WaitUntilAsync(osv => osv.Callers!.Find("caller")!.State == PartyCallState.Connected, EmulatedPbxServer.Bound,
            "the CPS answers the caller (queued, music)");
        await pbx.WaitUntilAsync(osv => osv.Phone(Attendant)!.IsRinging, EmulatedPbxServer.Bound,
            "the call is pushed: the attendant's phone rings");

        using (var answer = await http.PostAsync($"/api/attendants/{Attendant}/answer", Json("{}")))
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        await pbx.WaitUntilAsync(osv => osv.Phone(Attendant)!.IsConnected, EmulatedPbxServer.Bound, "the attendant's phone is connected");
        // The phone is off hook at once; the CPS learns of it a moment later (the 200 through the switch, CSTA events).
        await EmulatedPbxServer.Until(async () =>
        {
            using var calls = JsonDocument.Parse(await http.GetStringAsync("/api/calls"));
            return calls.RootElement.EnumerateArray().Any(c => c.GetProperty("caller").GetString() == Caller
                && c.GetProperty("phase").GetString() == "Connected" && c.TryGetProperty("attendant", out var a) && a.GetString() == Attendant);
        }, "the CPS has the call connected to the attendant");

        Assert.True(await pbx.HangUpCallerAsync("caller"));
        await pbx.WaitUntilAsync(osv => !osv.Phone(Attendant)!.IsConnected, EmulatedPbxServer.Bound, "the attendant's call ends");

        Concierge.Store.CallRecords.StoredCallRecord? stored = null;
        await EmulatedPbxServer.Until(() => Task.FromResult((stored = system.Store.CallRecords().FirstOrDefault(r => r.Caller == Caller)) is not null),
            "the call's record is in the store");
        Assert.Equal((MainPilot, "answered", Attendant, "DEFAULT"), (stored!.Called, stored.Disposition, stored.AnsweredBy, stored.Tenant));
        Assert.True(stored.EnteredAt <= stored.AnsweredAt && stored.AnsweredAt <= stored.EndedAt);
        Assert.Empty(pbx.Faults);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
