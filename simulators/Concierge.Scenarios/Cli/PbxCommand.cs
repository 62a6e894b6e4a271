using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using Concierge.Runtime.Transports;
using Concierge.Simulators.Emulator;

namespace Concierge.Scenarios.Cli;

/// <summary>
/// `concierge-sim pbx --topology &lt;name or file&gt; --listen &lt;ip&gt;`: the simulated OpenScape Voice (or OpenScape 4000) of a
/// topology on real sockets and the system clock (the PBX emulator) until SIGINT or SIGTERM. It prints the ports it
/// listens on: the public trunk (calls from any SIP UAC), the switch's SIP port (registrar, phones) and CSTA.
/// </summary>
public static class PbxCommand
{
    /// <summary>Builds the `pbx` command.</summary>
    public static Command Build(TextWriter output, string workingDirectory)
    {
        var topology = new Option<string>("--topology") { Description = "A topology name (scenarios/topologies) or a .yaml file.", DefaultValueFactory = _ => "osv-example" };
        var listen = new Option<string>("--listen") { Description = "The address every socket binds (loopback by default).", DefaultValueFactory = _ => "127.0.0.1" };
        var sipPort = new Option<int?>("--sip-port") { Description = "SIP port of the switch (registrar, phones); default the topology's osv.sipPort; 0: a free one." };
        var cstaPort = new Option<int?>("--csta-port") { Description = "CSTA port (TCP); default the topology's osv.csta.port; 0: a free one." };
        var trunkPort = new Option<int?>("--trunk-port") { Description = "SIP port of the public trunk; default the SIP port + 10 (a free one with --free-ports); 0: a free one." };
        var freePorts = new Option<bool>("--free-ports") { Description = "Every port not given is a free one (for scripts; read them from the output or --ports-file)." };
        var portsFile = new Option<string?>("--ports-file") { Description = "Also write the ports to this file (lines sip=ip:port, csta=…, trunk=…) once bound." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the simulators' random choices.", DefaultValueFactory = _ => 1UL };
        var trace = new Option<bool>("--trace") { Description = "Print what the switch, its CSTA interface and the phones decide." };
        var pbx = new Command("pbx", "Run a topology's simulated OpenScape Voice or OpenScape 4000 on real sockets and the system clock until SIGINT/SIGTERM.")
        {
            topology, listen, sipPort, cstaPort, trunkPort, freePorts, portsFile, seed, trace,
        };
        pbx.SetAction(parse =>
        {
            if (!IPAddress.TryParse(parse.GetValue(listen), out var address))
            {
                output.WriteLine($"error: --listen '{parse.GetValue(listen)}' is not an IP address");
                return RunCommand.UsageError;
            }
            foreach (var (name, value) in new[] { ("--sip-port", parse.GetValue(sipPort)), ("--csta-port", parse.GetValue(cstaPort)), ("--trunk-port", parse.GetValue(trunkPort)) })
                if (value is < 0 or > IPEndPoint.MaxPort)
                {
                    output.WriteLine($"error: {name} '{value}' is not a port");
                    return RunCommand.UsageError;
                }
            var free = parse.GetValue(freePorts);
            var options = new PbxEmulatorOptions
            {
                Topology = parse.GetValue(topology)!,
                Listen = address,
                SipPort = parse.GetValue(sipPort) ?? (free ? 0 : null),
                CstaPort = parse.GetValue(cstaPort) ?? (free ? 0 : null),
                TrunkPort = parse.GetValue(trunkPort) ?? (free ? 0 : -1),
                Seed = parse.GetValue(seed),
                TraceWriter = parse.GetValue(trace) ? output : null,
                WorkingDirectory = workingDirectory,
            };
            return Run(options, parse.GetValue(portsFile), output);
        });
        return pbx;
    }

    private static int Run(PbxEmulatorOptions options, string? portsFile, TextWriter output)
    {
        PbxEmulator emulator;
        try
        {
            emulator = PbxEmulator.StartAsync(options).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is ArgumentException or TransportException or InvalidOperationException)
        {
            output.WriteLine($"error: {ex.Message}");
            return ex is ArgumentException ? RunCommand.UsageError : 1;
        }
        using var stop = new ManualResetEventSlim();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Set();
        }
        output.WriteLine($"PBX emulator: topology {emulator.Topology}, the simulated {emulator.PbxName} on {options.Listen} (system clock)");
        output.WriteLine($"sip-trunk udp {emulator.PublicTrunk}   public trunk: any SIP UAC calling here is a caller (sipp -sn uac {emulator.PublicTrunk} -s {emulator.FirstPilot ?? "<number>"})");
        output.WriteLine($"sip       udp {emulator.Sip}   registrar and phones: the CPS registers as {emulator.CpsRegisterId ?? "?"} (endpoint {emulator.CpsEndpoint}); a SIP phone may register for an extension");
        output.WriteLine($"csta      tcp {emulator.Csta}");
        foreach (var phone in emulator.Phones)
            output.WriteLine($"phone     udp {phone.Sip}   {phone.Number} ({phone.Alias}), simulated");
        if (emulator.HasOscc)
        {
            // The server does not speak to OSCC: every agent of its queues is logged on, as at the start of a shift.
            var agents = emulator.InvokeOsccAsync(oscc =>
            {
                var all = oscc.Config.Queues.SelectMany(q => q.Agents).Distinct(StringComparer.Ordinal).ToList();
                foreach (var agent in all) oscc.LogOn(agent);
                return all;
            }).GetAwaiter().GetResult();
            output.WriteLine($"oscc      routes its queues' calls to the agents {string.Join(", ", agents)} (all logged on)");
        }
        output.WriteLine($"server:   ./run-server.sh --dev --registrar {emulator.Sip} --csta {emulator.Csta} --sip-listen {options.Listen}:0");
        if (portsFile is not null)
            File.WriteAllText(portsFile, string.Create(CultureInfo.InvariantCulture,
                $"sip={emulator.Sip}\ncsta={emulator.Csta}\ntrunk={emulator.PublicTrunk}\n"));
        output.WriteLine("running; SIGINT or SIGTERM stops");
        output.Flush();
        stop.Wait();
        emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
        output.WriteLine("PBX emulator stopped");
        return emulator.Faults.Count == 0 ? 0 : 1;
    }
}
