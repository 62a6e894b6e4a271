using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;

using Concierge.Server.Tests.Support;
using static Concierge.Server.Tests.Support.HandPlayedPbx;

namespace Concierge.Server.Tests;

/// <summary>
/// A call through the server on real UDP and the system clock, its PBX played by one socket in the test: the PBX
/// offers a call to the main pilot, the CPS answers it (music, no attendant is logged on), the caller hangs up, and the
/// call's record is in the database (the store is the engine's record sink), abandoned, with the caller's number.
/// </summary>
public sealed partial class CallRecordOnSocketTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_ended_call_is_in_the_database()
    {
        using var pbx = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var pbxAddress = (IPEndPoint)pbx.Client.LocalEndPoint!;
        using var files = new TestServerFiles();
        string[] args =
        [
            "--dev", "--topology", files.Topology("osv-example"), "--db", files.Database,
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--registrar", pbxAddress.ToString(), "--csta", "127.0.0.1:1",
        ];
        var config = ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false);
        var options = files.Options(args);
        var store = ServerStartup.OpenStore(options);
        await using var app = ServerApp.Build(options, ServerTopology.Load(options, files.Directory), config, store);
        await app.StartAsync();

        var (_, cps) = await Receive(pbx, text => text.StartsWith("REGISTER ", StringComparison.Ordinal));
        var invite = Invite(cps, pbxAddress);
        await pbx.SendAsync(Encoding.ASCII.GetBytes(invite), cps);
        var (final, _) = await Receive(pbx, text => FinalInviteResponse().IsMatch(text));
        Assert.StartsWith("SIP/2.0 200", final, StringComparison.Ordinal);
        var toTag = ToTag().Match(final).Groups[1].Value;
        var contact = Contact().Match(final).Groups[1].Value;
        await pbx.SendAsync(Encoding.ASCII.GetBytes(InDialog("ACK", contact, toTag, 1, pbxAddress, "ack1")), cps);
        await pbx.SendAsync(Encoding.ASCII.GetBytes(InDialog("BYE", contact, toTag, 2, pbxAddress, "bye1")), cps);
        await Receive(pbx, text => text.StartsWith("SIP/2.0 200", StringComparison.Ordinal) && text.Contains("CSeq: 2 BYE", StringComparison.OrdinalIgnoreCase));

        var stored = await Poll(() => store.CallRecords().FirstOrDefault());
        Assert.Equal(("+493011100001", "+4950505803201", "abandoned", "DEFAULT"), (stored.Caller, stored.Called, stored.Disposition, stored.Tenant));
        Assert.True(stored.EndedAt >= stored.EnteredAt);
        await app.StopAsync();
    }

    private static async Task<T> Poll<T>(Func<T?> read) where T : class
    {
        using var patience = new CancellationTokenSource(Bound);
        while (!patience.IsCancellationRequested)
        {
            if (read() is { } value) return value;
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
        throw new TimeoutException("the call record did not arrive in the database");
    }

    private const string CallId = "record-test-1@127.0.0.1";

    private static string Invite(IPEndPoint cps, IPEndPoint pbx) =>
        HandPlayedPbx.Invite(cps, pbx, CallId, "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 49170 RTP/AVP 0 8\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n");

    private static string InDialog(string method, string target, string toTag, int cseq, IPEndPoint pbx, string branch) =>
        HandPlayedPbx.InDialog(method, target, toTag, cseq, pbx, branch, CallId);

    private static Task<(string Text, IPEndPoint From)> Receive(UdpClient socket, Func<string, bool> wanted) =>
        HandPlayedPbx.Receive(socket, wanted, Bound);
}
