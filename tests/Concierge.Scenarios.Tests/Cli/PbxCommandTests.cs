using Concierge.Scenarios.Cli;
using Concierge.Scenarios.Tests.Support;

namespace Concierge.Scenarios.Tests.Cli;

/// <summary>`pbx` refuses what it cannot run with a message naming the option or topology, and exit code 2, before binding anything.</summary>
public sealed class PbxCommandTests
{
    private static (int Exit, string Output) Run(params string[] args)
    {
        using var output = new StringWriter();
        var exit = SimCommandLine.Invoke(["pbx", .. args], output, TestRepository.Root, colors: false);
        return (exit, output.ToString());
    }

    [Fact]
    public void A_listen_address_that_is_no_ip_address_is_named()
    {
        var (exit, output) = Run("--listen", "localhost.example");
        Assert.Equal(RunCommand.UsageError, exit);
        Assert.Contains("--listen 'localhost.example' is not an IP address", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_out_of_range_is_named()
    {
        var (exit, output) = Run("--sip-port", "70000");
        Assert.Equal(RunCommand.UsageError, exit);
        Assert.Contains("--sip-port '70000' is not a port", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_topology_is_named_with_the_ones_there_are()
    {
        var (exit, output) = Run("--topology", "no-such-topology");
        Assert.Equal(RunCommand.UsageError, exit);
        Assert.Contains("topology \"no-such-topology\" is not in", output, StringComparison.Ordinal);
        Assert.Contains("osv-example", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_without_an_openscape_voice_or_4000_is_refused()
    {
        var (exit, output) = Run("--topology", "osbiz-unifyphone", "--free-ports");
        Assert.Equal(RunCommand.UsageError, exit);
        Assert.Contains("has no osv: or os4000: section", output, StringComparison.Ordinal);
    }
}
