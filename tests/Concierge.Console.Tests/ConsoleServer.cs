using System.Net;
using System.Net.Sockets;
using Concierge.Config.Topology;
using Concierge.Server.Hosting;
using Concierge.Server.Options;
using Concierge.Server.Pbx;
using Concierge.Store;
using Concierge.Store.Accounts;
using Microsoft.AspNetCore.Builder;

namespace Concierge.Console.Tests;

/// <summary>
/// The server with the console on loopback (free ports), topology osv-two-tenants, the example directory and a
/// temporary SQLite database with the accounts DEFAULT\user, DEFAULT\anna and MUENCHEN\user (all with
/// <see cref="Password"/>). Its PBX is absent: the registrar is a UDP socket that never answers and the CSTA port
/// refuses, so the screen shows the trunk and link banners. Stopped in an orderly way at the end.
/// </summary>
public class ConsoleServer : IAsyncLifetime
{
    public const string Password = "correct horse battery";

    private static readonly PasswordPolicy FastPasswords = PasswordPolicy.ForTestsOnly(1_000);

    private readonly UdpClient _silentRegistrar = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly string _folder = Directory.CreateTempSubdirectory("concierge-console-test-").FullName;
    private WebApplication? _app;

    /// <summary>The repository folder (where the topologies and the example directory are).</summary>
    public static string Repository { get; } = Path.GetFullPath(Path.Combine(TopologyLoader.FindRepositoryDirectory(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("the repository (Concierge.sln) was not found above " + AppContext.BaseDirectory), "..", ".."));

    /// <summary>The console's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>A temporary folder of this server (its database, logs and files).</summary>
    protected string Folder => _folder;

    /// <summary>The topology file the server runs: osv-two-tenants.</summary>
    protected virtual string Topology() => Path.Combine(Repository, "scenarios", "topologies", "osv-two-tenants.yaml");

    /// <summary>The PBX's registrar and CSTA addresses: here a registrar that never answers and a CSTA port that refuses.</summary>
    protected virtual Task<(IPEndPoint Registrar, IPEndPoint Csta)> StartPbx()
    {
        var refusing = new TcpListener(IPAddress.Loopback, 0);
        refusing.Start();
        var cstaPort = ((IPEndPoint)refusing.LocalEndpoint).Port;
        refusing.Stop();
        return Task.FromResult(((IPEndPoint)_silentRegistrar.Client.LocalEndPoint!, new IPEndPoint(IPAddress.Loopback, cstaPort)));
    }

    /// <summary>
    /// With CONCIERGE_CONSOLE_TRACE=&lt;file prefix&gt; the server's log and the CPS's trace go to &lt;prefix&gt;server.log
    /// (and the emulated PBX's to &lt;prefix&gt;pbx.log), for looking into a failing browser test; otherwise nowhere.
    /// </summary>
    protected static string? TracePrefix => Environment.GetEnvironmentVariable("CONCIERGE_CONSOLE_TRACE") is { Length: > 0 } prefix ? prefix : null;

    private string? TraceSettings()
    {
        if (TracePrefix is not { } prefix) return null;
        var file = Path.Combine(_folder, "appsettings.json");
        var log = (prefix + "server.log").Replace("\\", "/", StringComparison.Ordinal);
        File.WriteAllText(file, $$"""
            { "Serilog": { "Using": [ "Serilog.Sinks.File" ], "MinimumLevel": { "Default": "Verbose", "Override": { "Microsoft": "Warning" } },
              "WriteTo": [ { "Name": "File", "Args": { "path": "{{log}}" } } ] } }
            """);
        return file;
    }

    /// <summary>Stops what <see cref="StartPbx"/> started (after the server).</summary>
    protected virtual Task StopPbx() => Task.CompletedTask;

    public virtual async Task InitializeAsync()
    {
        var (registrar, csta) = await StartPbx();
        var database = Path.Combine(_folder, "concierge.db");
        var store = ConciergeStore.Open(StoreLocation.Parse("--db", database, _folder));
        foreach (var name in new[] { "DEFAULT\\user", "DEFAULT\\anna", "MUENCHEN\\user" })
            store.AddAccount(AccountName.Parse("account", name), AccountRole.User, PasswordHash.Create(Password, FastPasswords), DateTimeOffset.UtcNow);
        string[] args =
        [
            "--topology", Topology(), "--db", database,
            "--directory", Path.Combine(Repository, "scenarios", "directory", "osv-example.csv"),
            "--sip-listen", "127.0.0.1:0", "--http-listen", "127.0.0.1:0",
            "--registrar", registrar.ToString(), "--csta", csta.ToString(),
        ];
        var config = ServerConfiguration.Build(args, appSettingsFile: TraceSettings(), readEnvironment: false);
        var options = ServerOptionsReader.Read(config, _folder) with { PasswordPolicy = FastPasswords };
        var opened = ServerStartup.OpenStore(options);
        var topology = ServerStartup.ChooseConfiguration(opened, ServerTopology.Load(options, _folder), TimeProvider.System, []);
        _app = ServerApp.Build(options, topology, config, opened);
        await _app.StartAsync();
        Address = ServerApp.HttpAddress(_app);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        await StopPbx();
        _silentRegistrar.Dispose();
        ConciergeStore.ReleaseFiles();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open by a stopping host; the temp folder is cleaned by the system
        }
    }
}
