using System.Text.Json;
using Concierge.Scenarios.Cli;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Cli;

/// <summary>`csta decode` on the hand-written samples in scenarios/csta-samples.</summary>
public sealed class CstaDecodeCommandTests
{
    private const string Routing = "49,5050,580,4,0,0,00";

    private static (int exit, string[] lines) Run(params string[] args)
    {
        using var output = new StringWriter();
        var exit = SimCommandLine.Invoke(["csta", "decode", .. args], output, TestRepository.Root, colors: false);
        return (exit, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray());
    }

    private static string Sample(string name) => Path.Combine("scenarios", "csta-samples", name);

    [Fact]
    public void Bare_documents_are_printed_one_per_line_with_normalised_numbers()
    {
        var (exit, lines) = Run(Sample("osv-incoming-call.xml"), "--routing", Routing);
        Assert.Equal(0, exit);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith($"{Sample("osv-incoming-call.xml")}@0 DeliveredEvent monitorCrossRefId=11 ", lines[0]);
        Assert.Contains("connection=FF000100A1@+4950505807580", lines[0]);
        Assert.Contains("callingDevice=+493021061290002", lines[0]);
        Assert.Contains("calledDevice=+4950505803201", lines[0]);
        Assert.Contains("CallInformationEvent ignored: unknown event", lines[1]);
        Assert.Contains("EstablishedEvent", lines[2]);
        Assert.Contains("answeringDevice=+4950505807580", lines[2]);
        Assert.Contains("calledDevice=+4950505807580", lines[2]);
        Assert.EndsWith("SystemStatus status=normal isBareHeartbeat=true", lines[3]);
    }

    [Fact]
    public void Framed_documents_show_their_offset_and_invoke_id()
    {
        var (exit, lines) = Run(Sample("osv-link-start.csta"));
        Assert.Equal(0, exit);
        Assert.Equal(6, lines.Length);
        Assert.StartsWith($"{Sample("osv-link-start.csta")}@0 #0001 StartApplicationSession applicationId=Concierge", lines[0]);
        Assert.Contains("#0001 StartApplicationSessionPosResponse sessionId=5D2A", lines[1]);
        Assert.Contains("MonitorStart device=+4950505807583", lines[2]);
        Assert.Contains("ons=+4950505807583 ond=+4950505807683", lines[3]);
        Assert.Contains("#0003 ResetApplicationSessionTimerPosResponse actualSessionDurationSeconds=120", lines[5]);
    }

    [Fact]
    public void What_cannot_be_read_is_named_with_file_and_offset_and_the_exit_code_says_so()
    {
        var (exit, lines) = Run(Sample("old-and-broken.xml"), Sample("cut-off.csta"));
        Assert.Equal(1, exit);
        Assert.Equal(4, lines.Length);
        Assert.Contains("@0 MonitorStartResponse error: root element 'MonitorStartResponse' is in the edition 2 namespace; read only on a link configured lenient", lines[0]);
        Assert.Contains("HeldEvent error: malformed CSTA XML", lines[1]);
        Assert.Contains("#9999 SystemStatus status=normal", lines[2]);
        Assert.EndsWith("@180 #9999 error: frame announces 468 bytes but only 60 are left (file cut off)", lines[3]);

        var (_, lenient) = Run(Sample("old-and-broken.xml"), "--lenient");
        Assert.EndsWith("@0 MonitorStartResponse monitorCrossRefId=3", lenient[0]);
    }

    [Fact]
    public void Json_gives_one_object_per_document()
    {
        var (exit, lines) = Run(Sample("osv-incoming-call.xml"), Sample("cut-off.csta"), "--json", "--routing", Routing);
        Assert.Equal(1, exit);
        Assert.Equal(6, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("DeliveredEvent", first.RootElement.GetProperty("message").GetString());
        Assert.Equal(0, first.RootElement.GetProperty("offset").GetInt64());
        Assert.Equal("+493021061290002", first.RootElement.GetProperty("fields").GetProperty("callingDevice").GetString());
        using var ignored = JsonDocument.Parse(lines[1]);
        Assert.True(ignored.RootElement.GetProperty("ignored").GetBoolean());
        using var cut = JsonDocument.Parse(lines[5]);
        Assert.Equal(180, cut.RootElement.GetProperty("offset").GetInt64());
        Assert.Equal(9999, cut.RootElement.GetProperty("invokeId").GetInt32());
        Assert.Contains("file cut off", cut.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Bad_routing_and_missing_files_are_usage_errors()
    {
        var (exit, lines) = Run(Sample("osv-incoming-call.xml"), "--routing", "49,5050");
        Assert.Equal(RunCommand.UsageError, exit);
        Assert.Contains("expected 7 comma-separated values", Assert.Single(lines));
        (exit, lines) = Run(Sample("no-such-file.xml"));
        Assert.Equal(RunCommand.UsageError, exit);
        Assert.Contains("no file at", Assert.Single(lines));
    }
}
