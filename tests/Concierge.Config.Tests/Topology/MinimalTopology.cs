using Concierge.Config.Topology;

namespace Concierge.Config.Tests.Topology;

/// <summary>A small valid topology text, and helpers to load variations of it from memory.</summary>
internal static class MinimalTopology
{
    public const string Text = """
        name: minimal
        concierge:
          pbx: osv
          cps:
            host: cps
            registerId: CPS1
            registrarHost: osv
            registerInterval: 305 s
            channels: 10
            channelRatio: 3
          ranges:
            pilot: { first: "+4950505803201", last: "+4950505803219" }
            personalLines: { first: "+4950505803220", last: "+4950505803299" }
            loop: "+4950505803300"
            request: { first: "+4950505803301", last: "+4950505803349" }
            callback: { first: "+4950505803350", last: "+4950505803399" }
          tenants:
            DEFAULT:
              times:
                maxTransferTime: 30 s
                maxTimeInIncomingQueue: 120 s
                rnaTimeout: 15 s
                ringTime: 0 s
          announcements:
            DEFAULT-DefaultMoH: { type: music on hold, tenant: DEFAULT, file: moh.wav, duration: 30 s }
            DEFAULT-NotAvailable.ende: { type: announcement, tenant: DEFAULT, file: na.wav, duration: 6 s }
          nightVariants:
            Night Variant external: { mode: announcement, tenant: DEFAULT, announcement: DEFAULT-NotAvailable.ende }
          ddiEntries:
            "+4950505803201": { tenant: DEFAULT, name: Main, timeOverflowVariant: Night Variant external }
          attendants:
            "+4950505807580": { personalLine: "+4950505803220" }
        osv:
          host: osv
        """;

    /// <summary>Loads <paramref name="yaml"/> as topology "test" (file test.yaml), with more files by name.</summary>
    public static TopologyDocument Load(string yaml, params (string Name, string Yaml)[] others)
    {
        var files = others.ToDictionary(o => o.Name, o => o.Yaml);
        files["test"] = yaml;
        return new TopologyLoader(name => files.GetValueOrDefault(name)).Load("test");
    }

    /// <summary>The minimal text with one exact substring replaced (fails if it is not there).</summary>
    public static string With(string find, string replace)
    {
        Assert.Contains(find, Text, StringComparison.Ordinal);
        return Text.Replace(find, replace, StringComparison.Ordinal);
    }

    /// <summary>The 1-based line of the first line of <paramref name="yaml"/> containing <paramref name="fragment"/>.</summary>
    public static int LineOf(string yaml, string fragment)
    {
        var lines = yaml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains(fragment, StringComparison.Ordinal));
        Assert.True(index >= 0, $"\"{fragment}\" not in the text");
        return index + 1;
    }
}
