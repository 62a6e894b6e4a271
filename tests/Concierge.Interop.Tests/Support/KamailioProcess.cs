using System.Globalization;

namespace Concierge.Interop.Tests.Support;

/// <summary>
/// Kamailio on 127.0.0.1 with tests/interop/kamailio/kamailio.cfg: the template filled in with a free port and the
/// hunt group's address, run in the foreground (-DD -E) with its runtime folder and pid file in a temp folder, and
/// stopped (SIGTERM, then killed with its children) on <see cref="Dispose"/>.
/// </summary>
internal sealed class KamailioProcess : IDisposable
{
    private readonly ChildProcess _process;
    private readonly DirectoryInfo _folder;

    private KamailioProcess(ChildProcess process, DirectoryInfo folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    /// <summary>Where Kamailio listens (UDP).</summary>
    public int Port { get; }

    public string Output => _process.Output;

    /// <summary>Starts Kamailio and waits until it answers OPTIONS.</summary>
    public static async Task<KamailioProcess> StartAsync(int huntGroupPort, int children = 2)
    {
        var executable = Peers.Kamailio;
        var folder = Directory.CreateTempSubdirectory("concierge-kamailio-");
        var port = LoopbackPorts.Udp();
        var config = Path.Combine(folder.FullName, "kamailio.cfg");
        File.WriteAllText(config, Fill(File.ReadAllText(Repository.Interop("kamailio", "kamailio.cfg")), port, huntGroupPort, children));
        var process = ChildProcess.Start("kamailio", executable,
            ["-f", config, "-DD", "-E", "-Y", folder.FullName, "-P", Path.Combine(folder.FullName, "kamailio.pid"), "-m", "64", "-M", "8", "-w", folder.FullName],
            folder.FullName);
        var kamailio = new KamailioProcess(process, folder, port);
        if (!await SipProbe.AnswersOptionsAsync(port, TimeSpan.FromSeconds(10)))
        {
            var output = kamailio.Output;
            kamailio.Dispose();
            Assert.Fail("Kamailio did not answer OPTIONS on 127.0.0.1:" + port + "\n" + output);
        }
        return kamailio;
    }

    /// <summary>The configuration template with its placeholders replaced.</summary>
    public static string Fill(string template, int port, int huntGroupPort, int children) => template
        .Replace("{{SIP_PORT}}", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{HUNT_GROUP}}", "127.0.0.1:" + huntGroupPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{{CHILDREN}}", children.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public void Dispose()
    {
        _process.Dispose();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a child that is going away
        }
    }
}
