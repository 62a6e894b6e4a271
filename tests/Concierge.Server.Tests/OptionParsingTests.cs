using Concierge.Server.Options;
using Concierge.Server.Pbx;

namespace Concierge.Server.Tests;

public sealed class OptionParsingTests
{
    private static ServerOptions Read(params string[] args) =>
        ServerOptionsReader.Read(ServerConfiguration.Build(args, appSettingsFile: null, readEnvironment: false));

    [Fact]
    public void Defaults_are_loopback_http_8080_and_the_example_topology()
    {
        var options = Read("--dev");
        Assert.Equal("127.0.0.1:8080", options.HttpListen.ToString());
        Assert.Equal(ServerOptionsReader.DefaultTopology, options.TopologyFile);
        Assert.Equal(ServerMode.Primary, options.Mode);
        Assert.True(options.Dev);
    }

    [Fact]
    public void Both_option_forms_are_read()
    {
        var options = Read("--sip-listen=127.0.0.1:5070", "--registrar", "127.0.0.2:5060", "--csta", "127.0.0.2:1040", "--mode", "standby");
        Assert.Equal(5070, options.SipListen.Port);
        Assert.Equal("127.0.0.2:5060", options.Registrar!.ToString());
        Assert.Equal("127.0.0.2:1040", options.Csta!.ToString());
        Assert.Equal(ServerMode.Standby, options.Mode);
    }

    [Theory]
    [InlineData("--http-listen", "localhost:80", "is not ip:port")]
    [InlineData("--http-listen", "127.0.0.1:99999", "the port must be")]
    [InlineData("--sip-listen", "127.0.0.1", "is not ip:port")]
    [InlineData("--registrar", "pbx:5060", "is not an IP address")]
    [InlineData("--mode", "backup", "is not primary or standby")]
    [InlineData("--dev", "maybe", "is not true or false")]
    public void A_bad_value_names_the_option_and_the_value(string option, string value, string reason)
    {
        var ex = Assert.Throws<OptionException>(() => Read(option + "=" + value));
        Assert.Equal(option, ex.Field);
        Assert.Equal(value, ex.Value);
        Assert.Contains($"{option}: \"{value}\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_csta_runs_sip_only_and_refuses_a_csta_address_beside_it()
    {
        Assert.True(Read("--no-csta").NoCsta);
        Assert.False(Read().NoCsta);
        var both = Read("--no-csta", "--csta", "127.0.0.2:1040");
        var ex = Assert.Throws<OptionException>(() => Concierge.Server.Pbx.ServerTopology.Load(both, TestRepository()));
        Assert.Contains("--csta", ex.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be given with --no-csta", ex.Message, StringComparison.Ordinal);
        var sipOnly = Concierge.Server.Pbx.ServerTopology.Load(Read("--no-csta"), TestRepository());
        Assert.Null(sipOnly.Pbx.Csta);
    }

    private static string TestRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Concierge.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("the repository root is not above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void An_unknown_option_is_named()
    {
        var ex = Assert.Throws<OptionException>(() => Read("--dev", "--port", "80"));
        Assert.Equal("--port", ex.Field);
        Assert.Contains("is not an option", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_option_without_its_value_is_named()
    {
        var ex = Assert.Throws<OptionException>(() => Read("--topology", "--dev"));
        Assert.Equal("--topology", ex.Field);
        Assert.Contains("needs a value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_topology_file_is_named()
    {
        var ex = Assert.Throws<OptionException>(() => ServerTopology.Load(Read("--topology", "no-such-topology.yaml"), Path.GetTempPath()));
        Assert.Equal("--topology", ex.Field);
        Assert.Equal("no-such-topology.yaml", ex.Value);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_topology_with_a_bad_field_names_the_field_and_the_value()
    {
        var directory = Directory.CreateTempSubdirectory("concierge-server-tests");
        try
        {
            var example = File.ReadAllText(Path.Combine(TestTopology.Directory, "osv-example.yaml"));
            var bad = example.Replace("channels: 30", "channels: thirty", StringComparison.Ordinal);
            Assert.NotEqual(example, bad);
            var file = Path.Combine(directory.FullName, "bad.yaml");
            File.WriteAllText(file, bad);
            var ex = Assert.Throws<OptionException>(() => ServerTopology.Load(Read("--topology", file), directory.FullName));
            Assert.Equal("--topology", ex.Field);
            Assert.Contains("channels", ex.Message, StringComparison.Ordinal);
            Assert.Contains("\"thirty\"", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_example_topology_gives_the_pbx_addresses_and_the_overrides_win()
    {
        var file = Path.Combine(TestTopology.Directory, "osv-example.yaml");
        var fromFile = ServerTopology.Load(Read("--topology", file), TestTopology.Directory);
        Assert.Equal("192.0.2.10:5060", fromFile.Pbx.Sip.ToString());
        Assert.Equal("192.0.2.10:1040", fromFile.Pbx.Csta!.ToString());
        var overridden = ServerTopology.Load(Read("--topology", file, "--registrar", "127.0.0.1:5999", "--csta", "127.0.0.1:1999"), TestTopology.Directory);
        Assert.Equal("127.0.0.1:5999", overridden.Pbx.Sip.ToString());
        Assert.Equal("127.0.0.1:1999", overridden.Pbx.Csta!.ToString());
    }
}
