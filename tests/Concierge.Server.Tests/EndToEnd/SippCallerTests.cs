using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Concierge.Server.Tests.EndToEnd;

/// <summary>
/// The README's demo as a test: SIPp (deploy/sipp/caller.xml) calls the main pilot on the PBX emulator's public trunk,
/// the server pushes the call to the attendant logged on through the API (osv-example's attendant phones answer by
/// themselves), the attendant releases it through the API, SIPp ends, and the record is in the store: answered by the
/// attendant, from the scenario's caller number. SIPp is a required peer: without it on PATH the test fails saying how
/// to get it (./test.sh installs Debian's sip-tester).
/// </summary>
public sealed class SippCallerTests
{
    private const string Attendant = "+4950505807580";

    [Fact]
    public async Task A_sipp_caller_on_the_public_trunk_is_pushed_to_the_attendant_and_released()
    {
        var sipp = Sipp();
        await using var system = await EmulatedPbxServer.StartAsync();
        using var http = await system.LogOnAsync();
        using (var logon = await http.PostAsync($"/api/attendants/{Attendant}/logon", Json("""{"available":true}""")))
            Assert.Equal(HttpStatusCode.OK, logon.StatusCode);

        var scenario = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(TestTopology.Directory))!, "deploy", "sipp", "caller.xml");
        var start = new ProcessStartInfo(sipp)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-sf", scenario, system.Pbx.PublicTrunk.ToString(), "-s", "4950505803201", "-m", "1",
                     "-i", "127.0.0.1", "-p", "0", "-nostdin", "-timeout", "20s" })
            start.ArgumentList.Add(arg);
        using var caller = Process.Start(start) ?? throw new InvalidOperationException("sipp did not start");
        var output = caller.StandardOutput.ReadToEndAsync();
        var errors = caller.StandardError.ReadToEndAsync();
        try
        {
            await EmulatedPbxServer.Until(async () => await ConnectedToAttendant(http), "the SIPp call is connected to the attendant");
            using (var release = await http.PostAsync($"/api/attendants/{Attendant}/release", Json("{}")))
                Assert.Equal(HttpStatusCode.OK, release.StatusCode);
            using var patience = new CancellationTokenSource(EmulatedPbxServer.Bound);
            await caller.WaitForExitAsync(patience.Token);
        }
        finally
        {
            if (!caller.HasExited) caller.Kill();
        }

        Concierge.Store.CallRecords.StoredCallRecord? stored = null;
        await EmulatedPbxServer.Until(() => Task.FromResult((stored = system.Store.CallRecords().FirstOrDefault()) is not null), "the call's record is in the store");
        Assert.Equal(("+493011100009", "+4950505803201", "answered", Attendant), (stored!.Caller, stored.Called, stored.Disposition, stored.AnsweredBy));
        Assert.True(stored.History.Any(h => h.Contains("released by " + Attendant, StringComparison.Ordinal)),
            string.Join("; ", stored.History) + Environment.NewLine + await output + await errors);
    }

    private static async Task<bool> ConnectedToAttendant(HttpClient http)
    {
        using var calls = JsonDocument.Parse(await http.GetStringAsync("/api/calls"));
        return calls.RootElement.EnumerateArray().Any(c => c.GetProperty("phase").GetString() == "Connected"
            && c.TryGetProperty("attendant", out var a) && a.GetString() == Attendant);
    }

    private static string Sipp()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "sipp"))) return Path.Combine(dir, "sipp");
        Assert.Fail("sipp is not on PATH: run the tests with ./test.sh, which installs Debian's sip-tester (or `apt-get install -y sip-tester`)");
        return "";
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
