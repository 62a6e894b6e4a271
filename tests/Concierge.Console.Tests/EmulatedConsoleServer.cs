using System.Net;
using Concierge.Simulators.Emulator;

namespace Concierge.Console.Tests;

/// <summary>
/// The console's server against the simulated OpenScape Voice of osv-two-tenants on real loopback sockets (the PBX
/// emulator): the CPS registers its trunk and opens the CSTA link; callers of the public network dial the pilots, the
/// simulated phones of the attendants and office users ring and answer. Ready when the server says so (/health/ready).
/// </summary>
public sealed class EmulatedConsoleServer : ConsoleServer
{
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(15);

    private StreamWriter? _trace;

    public PbxEmulator Pbx { get; private set; } = null!;

    /// <summary>
    /// osv-two-tenants where the phone of attendant 7580 does not answer pushed calls by itself (the standard
    /// topologies' attendant phones do), so the attendant answers from the console.
    /// </summary>
    private const string DeskPhones = """
        extends: osv-two-tenants
        name: console-desk-phones
        osv:
          businessGroups:
            BG_Concierge:
              subscribers:
                "+4950505807580": { alias: "7580", displayName: Concierge 7580, featureProfile: FP_Concierge, role: attendant, phone: { autoAnswerCti: false, callWaiting: false, dnd: false, uaCsta: true } }
        """;

    protected override string Topology()
    {
        foreach (var name in new[] { "osv-example.yaml", "osv-two-tenants.yaml" })
            File.Copy(Path.Combine(Repository, "scenarios", "topologies", name), Path.Combine(Folder, name), overwrite: true);
        var file = Path.Combine(Folder, "console-desk-phones.yaml");
        File.WriteAllText(file, DeskPhones);
        return file;
    }

    protected override async Task<(IPEndPoint Registrar, IPEndPoint Csta)> StartPbx()
    {
        _trace = TracePrefix is { } prefix ? new StreamWriter(prefix + "pbx.log") { AutoFlush = true } : null;
        Pbx = await PbxEmulator.StartAsync(new PbxEmulatorOptions
        {
            Topology = Topology(), WorkingDirectory = Repository,
            Trace = _trace is null ? null : new WriterTrace(_trace, TimeProvider.System),
        });
        return (Pbx.Sip, Pbx.Csta);
    }

    protected override async Task StopPbx()
    {
        if (Pbx is not null) await Pbx.DisposeAsync();
        if (_trace is not null) await _trace.DisposeAsync();
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        using var patience = new CancellationTokenSource(ReadyBound);
        string last = "";
        while (true)
        {
            using var ready = await http.GetAsync("/health/ready", CancellationToken.None);
            if (ready.StatusCode == HttpStatusCode.OK) break;
            last = await ready.Content.ReadAsStringAsync();
            if (patience.IsCancellationRequested) throw new TimeoutException($"the server was not ready within {ReadyBound.TotalSeconds} s against the emulated PBX: {last}");
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
