using System.Net;
using System.Net.Sockets;
using System.Text;
using Concierge.Simulators.Emulator;
using Concierge.Simulators.Phones.Agents;

namespace Concierge.Simulators.Tests.Emulator;

/// <summary>
/// The simulated OSV on real loopback sockets and the system clock: a simulated caller's call through the public
/// network to a simulated phone, answered and ended; a real SIP phone (a UDP socket here) that registers for an
/// extension gets that extension's calls instead of the simulated phone; a SIP UAC on the public trunk is a caller.
/// </summary>
public sealed class PbxEmulatorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_public_caller_reaches_a_simulated_phone_that_answers_and_the_call_ends()
    {
        await using var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = "osv-example" });
        Assert.All(new[] { pbx.Sip, pbx.Csta, pbx.PublicTrunk }, e => Assert.True(IPAddress.IsLoopback(e.Address) && e.Port > 0));

        await pbx.DialAsync("caller", "+493011100001", "+4950505807581");
        await pbx.WaitUntilAsync(osv => osv.Phone("7581")!.IsRinging, Bound, "7581 rings");
        Assert.Equal("+493011100001", (await pbx.PhoneStateAsync("7581")).RemoteNumber);
        Assert.True(await pbx.AnswerAsync("7581"));
        await pbx.WaitUntilAsync(osv => osv.Callers!.Find("caller")!.State == PartyCallState.Connected, Bound, "the caller is connected");
        Assert.True(await pbx.HangUpCallerAsync("caller"));
        await pbx.WaitUntilAsync(osv => !osv.Phone("7581")!.IsConnected, Bound, "7581's call ends");
        Assert.Empty(pbx.Faults);
    }

    [Fact]
    public async Task A_phone_that_registers_for_an_extension_gets_its_calls()
    {
        await using var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = "osv-example" });
        using var phone = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var me = (IPEndPoint)phone.Client.LocalEndPoint!;
        var register = $"REGISTER sip:{pbx.Sip} SIP/2.0\r\nVia: SIP/2.0/UDP {me};branch=z9hG4bK-reg1\r\nMax-Forwards: 70\r\n" +
                       $"From: <sip:7582@{pbx.Sip.Address}>;tag=r1\r\nTo: <sip:7582@{pbx.Sip.Address}>\r\nCall-ID: reg-1@test\r\nCSeq: 1 REGISTER\r\n" +
                       $"Contact: <sip:7582@{me}>\r\nExpires: 120\r\nContent-Length: 0\r\n\r\n";
        await phone.SendAsync(Encoding.ASCII.GetBytes(register), pbx.Sip);
        var answer = await Receive(phone, t => t.StartsWith("SIP/2.0 ", StringComparison.Ordinal));
        Assert.StartsWith("SIP/2.0 200", answer, StringComparison.Ordinal);
        Assert.Equal(["+4950505807582"], await pbx.InvokeAsync(osv => osv.Switch.RegisteredPhones));

        await pbx.DialAsync("caller", "+493011100002", "+4950505807582");
        var invite = await Receive(phone, t => t.StartsWith("INVITE ", StringComparison.Ordinal));
        Assert.Contains("+493011100002", invite, StringComparison.Ordinal);
        Assert.Equal(0, (await pbx.PhoneStateAsync("7582")).IncomingCalls);
        Assert.Empty(pbx.Faults);
    }

    [Fact]
    public async Task A_uac_on_the_public_trunk_is_a_caller_from_the_public_network()
    {
        await using var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = "osv-example" });
        using var uac = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var me = (IPEndPoint)uac.Client.LocalEndPoint!;
        var sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0\r\n";
        var invite = $"INVITE sip:4950505807583@{pbx.PublicTrunk} SIP/2.0\r\nVia: SIP/2.0/UDP {me};branch=z9hG4bK-inv1\r\nMax-Forwards: 70\r\n" +
                     $"From: <sip:+493011100003@{me.Address}>;tag=u1\r\nTo: <sip:4950505807583@{pbx.PublicTrunk.Address}>\r\nCall-ID: uac-1@test\r\n" +
                     $"CSeq: 1 INVITE\r\nContact: <sip:+493011100003@{me}>\r\nContent-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}";
        await uac.SendAsync(Encoding.ASCII.GetBytes(invite), pbx.PublicTrunk);
        await pbx.WaitUntilAsync(osv => osv.Phone("7583")!.IsRingingFrom("+493011100003"), Bound, "7583 rings from the UAC's number");
        var ringing = await Receive(uac, t => t.StartsWith("SIP/2.0 180", StringComparison.Ordinal));
        Assert.Contains("uac-1@test", ringing, StringComparison.Ordinal);
        Assert.Empty(pbx.Faults);
    }

    /// <summary>
    /// An OpenScape 4000 topology on sockets: with no CPS registered at the STMI, LCR takes LVAL 2 and the pilot call
    /// reaches the attendants' cyclic hunt group 5520 (C 5.4.2).
    /// </summary>
    [Fact]
    public async Task An_os4000_without_a_cps_reroutes_a_pilot_call_to_its_hunt_group()
    {
        await using var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = "os4000-example" });
        Assert.All(new[] { pbx.Sip, pbx.Csta, pbx.PublicTrunk }, e => Assert.True(IPAddress.IsLoopback(e.Address) && e.Port > 0));

        await pbx.DialAsync("caller", "+493011100004", "+4950505809000");
        await pbx.WaitUntilAsync(osv => new[] { "7580", "7581", "7582", "7583" }.Any(a => osv.Phone(a)!.IsRingingFrom("+493011100004")), Bound,
            "an attendant of hunt group 5520 rings");
        Assert.Empty(pbx.Faults);
    }

    /// <summary>An OSV with OSCC on sockets: OSCC takes the pilot's call in its hunt group and routes it to a logged-on agent.</summary>
    [Fact]
    public async Task Oscc_routes_a_pilot_call_to_its_logged_on_agent()
    {
        await using var pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions { Topology = "osv-oscc" });
        Assert.True(pbx.HasOscc);
        Assert.Null(await pbx.InvokeOsccAsync(oscc => oscc.LogOn("+4950505807583")));

        await pbx.DialAsync("caller", "+493011100005", "+4950505803201");
        await pbx.WaitUntilAsync(osv => osv.Phone("7583")!.IsRingingFrom("+493011100005"), Bound, "OSCC's agent 7583 rings");
        Assert.Equal(1, await pbx.InvokeOsccAsync(oscc => oscc.Routed));
        Assert.Empty(pbx.Faults);
    }

    private static async Task<string> Receive(UdpClient socket, Func<string, bool> wanted)
    {
        using var timeout = new CancellationTokenSource(Bound);
        for (var guard = 0; guard < 50; guard++)
        {
            var datagram = await socket.ReceiveAsync(timeout.Token);
            var text = Encoding.ASCII.GetString(datagram.Buffer);
            if (wanted(text)) return text;
        }
        throw new InvalidOperationException("no wanted datagram among 50");
    }
}
