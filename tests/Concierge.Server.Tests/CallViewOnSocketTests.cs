using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Store.Accounts;
using static Concierge.Server.Tests.Support.HandPlayedPbx;

namespace Concierge.Server.Tests;

/// <summary>
/// What the attendant console shows of a waiting call, through the API on real UDP (the PBX played by a socket as in
/// <see cref="An_ended_call_is_in_the_database"/>): the pilot's name and company, the caller's name from the
/// directory (<c>--directory</c>), what the caller hears, no intercept marking, and no processing timer outside the
/// processing queue.
/// </summary>
public sealed partial class CallRecordOnSocketTests
{
    [Fact]
    public async Task A_waiting_call_shows_its_pilot_company_caller_name_and_what_the_caller_hears()
    {
        using var pbx = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var pbxAddress = (IPEndPoint)pbx.Client.LocalEndPoint!;
        using var files = new TestServerFiles();
        files.AddAccount("DEFAULT\\alice", AccountRole.User, "correct horse battery");
        var directory = Path.Combine(files.Directory, "directory.csv");
        await File.WriteAllTextAsync(directory, "name,numbers,department,location,email\n\"Kaya, Kim\",+493011100001,,,\n");
        string[] args =
        [
            "--topology", files.Topology("osv-example"), "--db", files.Database, "--directory", directory,
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--registrar", pbxAddress.ToString(), "--csta", "127.0.0.1:1",
        ];
        var config = ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false);
        var options = files.Options(args);
        var store = ServerStartup.OpenStore(options);
        await using var app = ServerApp.Build(options, ServerTopology.Load(options, files.Directory), config, store);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = ServerApp.HttpAddress(app), Timeout = Bound };
        using (var logon = await http.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\alice", password = "correct horse battery" }))
        {
            using var body = JsonDocument.Parse(await logon.Content.ReadAsStringAsync());
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("token").GetString());
        }

        var (_, cps) = await Receive(pbx, text => text.StartsWith("REGISTER ", StringComparison.Ordinal));
        await pbx.SendAsync(Encoding.ASCII.GetBytes(Invite(cps, pbxAddress)), cps);
        var (final, _) = await Receive(pbx, text => FinalInviteResponse().IsMatch(text));
        Assert.StartsWith("SIP/2.0 200", final, StringComparison.Ordinal);

        var calls = await http.GetFromJsonAsync<JsonElement>("/api/calls");
        var call = Assert.Single(calls.EnumerateArray());
        Assert.Equal("Main", call.GetProperty("pilotName").GetString());
        Assert.Equal("Example Company", call.GetProperty("company").GetString());
        Assert.Equal("Kaya, Kim", call.GetProperty("callerName").GetString());
        Assert.Equal("music DEFAULT-DefaultMoH", call.GetProperty("callerHears").GetString());
        Assert.False(call.GetProperty("intercept").GetBoolean());
        Assert.Equal(JsonValueKind.Null, call.GetProperty("processing").ValueKind);
        Assert.Equal(JsonValueKind.Null, call.GetProperty("processingSeconds").ValueKind);
        var found = await http.GetFromJsonAsync<JsonElement>("/api/directory?q=Kaya");
        Assert.Equal("+493011100001", Assert.Single(found.EnumerateArray()).GetProperty("numbers")[0].GetString());
        await app.StopAsync();
    }
}
