using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Concierge.Config.Topology;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Store;
using Concierge.Store.Accounts;
using Microsoft.AspNetCore.Builder;

namespace Concierge.Benchmarks.Server;

/// <summary>
/// A server in this process on loopback with free ports, a temporary SQLite database and one administrator account;
/// its PBX is whatever the benchmark puts at <c>--registrar</c> (it is run SIP only, without a CSTA link).
/// </summary>
public sealed class BenchServer : IAsyncDisposable
{
    public const string Password = "benchmark password";
    private readonly string _folder;
    private readonly WebApplication _app;

    private BenchServer(string folder, WebApplication app, ConciergeStore store)
    {
        _folder = folder;
        _app = app;
        Store = store;
        Address = ServerApp.HttpAddress(app);
    }

    public Uri Address { get; }

    public ConciergeStore Store { get; }

    public NodeHost Host => (NodeHost)_app.Services.GetService(typeof(NodeHost))!;

    /// <summary>The repository root (where Concierge.sln is).</summary>
    public static string Repository { get; } = FindRepository();

    /// <summary>Starts a server on <paramref name="topologyYaml"/> (a file that may extend osv-example) with <paramref name="extraArgs"/>.</summary>
    public static async Task<BenchServer> StartAsync(string topologyYaml, IPEndPoint registrar, params string[] extraArgs)
    {
        var folder = Directory.CreateTempSubdirectory("concierge-bench-").FullName;
        File.Copy(Path.Combine(Repository, "scenarios", "topologies", "osv-example.yaml"), Path.Combine(folder, "osv-example.yaml"));
        File.WriteAllText(Path.Combine(folder, "bench.yaml"), topologyYaml);
        var problems = TopologyLoader.FromDirectory(folder).Load("bench").Errors.ToList();
        if (problems.Count > 0) throw new InvalidOperationException("the benchmark topology has errors:\n" + string.Join("\n", problems));
        string[] args =
        [
            "--topology", Path.Combine(folder, "bench.yaml"), "--db", Path.Combine(folder, "concierge.db"),
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0", "--registrar", registrar.ToString(), "--no-csta", .. extraArgs,
        ];
        var config = ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false);
        var options = ServerOptionsReader.Read(config, folder) with { PasswordPolicy = PasswordPolicy.ForTestsOnly(1_000) };
        var store = ServerStartup.OpenStore(options);
        store.AddAccount(AccountName.Parse("account", "DEFAULT\\admin"), AccountRole.Administrator, PasswordHash.Create(Password, options.PasswordPolicy), DateTimeOffset.UtcNow);
        var topology = ServerStartup.ChooseConfiguration(store, ServerTopology.Load(options, folder), TimeProvider.System, []);
        var app = ServerApp.Build(options, topology, config, store);
        await app.StartAsync();
        return new BenchServer(folder, app, store);
    }

    /// <summary>An HTTP client with a fresh administrator token.</summary>
    public async Task<(HttpClient Client, string Token)> LogOnAsync()
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.PostAsJsonAsync("/api/logon", new { account = "DEFAULT\\admin", password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = body.RootElement.GetProperty("token").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (client, token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        ConciergeStore.ReleaseFiles();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Concierge.sln"))) return folder.FullName;
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Concierge.sln"))) return folder.FullName;
        throw new InvalidOperationException("run from inside the repository (Concierge.sln not found)");
    }
}
