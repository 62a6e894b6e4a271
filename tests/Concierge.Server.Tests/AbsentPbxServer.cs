using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Store;
using Concierge.Store.Accounts;
using Microsoft.AspNetCore.Builder;

namespace Concierge.Server.Tests;

/// <summary>
/// A server on loopback with free ports whose PBX is absent: its registrar is a UDP socket that never answers and its
/// CSTA port refuses connections. It runs the two-tenants topology on a temporary SQLite database with the accounts
/// DEFAULT\admin (administrator), DEFAULT\alice (user), DEFAULT\mia (manager), Hotel\bob (user) and Hotel\hana
/// (manager), all with <see cref="Password"/>, and the OSCC user export <see cref="OsccExport"/>. Shared by the API
/// tests; stopped in an orderly way at the end.
/// </summary>
public sealed class AbsentPbxServer : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    /// <summary>The OSCC user export the server's OSCC agents import reads.</summary>
    public const string OsccExport = """
        businessUnit,user,firstName,lastName
        Switchboard,anna.s,Anna,Schmidt
        Switchboard,ben.k,Ben,König
        Sales,carl,Carl,Meyer
        Sales,dora,Dora,Lang
        """;

    private readonly UdpClient _silentRegistrar = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly TestServerFiles _files = new();
    private WebApplication? _app;

    /// <summary>Without a token.</summary>
    public HttpClient Anonymous { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Logged on as DEFAULT\alice, a user of tenant DEFAULT.</summary>
    public HttpClient Http { get; private set; } = null!;

    public ConciergeStore Store { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var refusing = new TcpListener(IPAddress.Loopback, 0);
        refusing.Start();
        var cstaPort = ((IPEndPoint)refusing.LocalEndpoint).Port;
        refusing.Stop();
        var registrar = (IPEndPoint)_silentRegistrar.Client.LocalEndPoint!;
        foreach (var (name, role) in new[] { ("DEFAULT\\admin", AccountRole.Administrator), ("DEFAULT\\alice", AccountRole.User),
                     ("DEFAULT\\mia", AccountRole.Manager), ("Hotel\\bob", AccountRole.User), ("Hotel\\hana", AccountRole.Manager) })
            _files.AddAccount(name, role, Password);
        string[] args =
        [
            "--topology", _files.Topology("two-tenants"), "--db", _files.Database,
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
            "--registrar", registrar.ToString(), "--csta", $"127.0.0.1:{cstaPort}",
            "--oscc-agents", Path.Combine(_files.Directory, "oscc-users.csv"),
        ];
        File.WriteAllText(Path.Combine(_files.Directory, "oscc-users.csv"), OsccExport);
        var config = ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false);
        var options = _files.Options(args);
        Store = ServerStartup.OpenStore(options);
        var topology = ServerStartup.ChooseConfiguration(Store, ServerTopology.Load(options, _files.Directory), TimeProvider.System, []);
        Assert.Null(ServerStartup.EnsureAdministrator(Store, options, topology, TimeProvider.System));
        _app = ServerApp.Build(options, topology, config, Store);
        await _app.StartAsync();
        Address = ServerApp.HttpAddress(_app);
        Anonymous.BaseAddress = Address;
        Http = await LogOn("DEFAULT\\alice");
    }

    /// <summary>A client carrying a fresh token of <paramref name="account"/>.</summary>
    public async Task<HttpClient> LogOn(string account)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await Anonymous.PostAsJsonAsync("/api/logon", new { account, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("token").GetString());
        return client;
    }

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        Anonymous.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _silentRegistrar.Dispose();
        _files.Dispose();
    }
}
