using Concierge.Config.Durations;
using YamlDotNet.RepresentationModel;

namespace Concierge.Scenarios.Load;

/// <summary>
/// A load profile (scenarios/load/*.yaml): a topology, the CPS channels and ratio, the attendants at work, the call
/// rate to a pilot number, how long attendants talk, and how long the day lasts — all on the virtual clock.
/// </summary>
public sealed record LoadProfile(
    string Name,
    string Topology,
    int Channels,
    int ChannelRatio,
    IReadOnlyList<string> Attendants,
    string Pilot,
    double CallsPerHour,
    TimeSpan TalkTime,
    TimeSpan Duration)
{
    /// <summary>Most calls one run may place (a bound on the load, not a target).</summary>
    public const int MaxCalls = 1_000_000;

    /// <summary>Reads a profile; every problem names the file, the field and the value.</summary>
    public static LoadProfile Read(string path)
    {
        var file = Path.GetFileName(path);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using var reader = File.OpenText(path);
            stream.Load(reader);
            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode
                   ?? throw new FormatException($"{file}: the profile must be a mapping");
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new FormatException($"{file}:{e.Start.Line}: {e.Message}");
        }
        string Text(string key)
        {
            if (root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value }) return value;
            throw new FormatException($"{file}: {key} is missing");
        }
        int Whole(string key, int min, int max) =>
            int.TryParse(Text(key), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
                ? v : throw new FormatException($"{file}: {key}: \"{Text(key)}\" is not a whole number from {min} to {max}");
        TimeSpan Span(string key) =>
            DurationText.TryParse(Text(key), out var v) && v > TimeSpan.Zero ? v : throw new FormatException($"{file}: {key}: \"{Text(key)}\" is not a positive duration");
        var rate = double.TryParse(Text("callsPerHour"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var r) && r > 0 && r <= 100_000
            ? r : throw new FormatException($"{file}: callsPerHour: \"{Text("callsPerHour")}\" is not a rate from 0 to 100000");
        var attendants = root.Children.TryGetValue(new YamlScalarNode("attendants"), out var list) && list is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(n => n.Value ?? "").ToList()
            : throw new FormatException($"{file}: attendants must be a list of devices");
        var profile = new LoadProfile(Text("name"), Text("topology"), Whole("channels", 2, 250), Whole("channelRatio", 1, 5), attendants, Text("pilot"),
            rate, Span("talkTime"), Span("duration"));
        if (profile.CallsPerHour * profile.Duration.TotalHours > MaxCalls)
            throw new FormatException($"{file}: callsPerHour × duration is more than {MaxCalls} calls");
        return profile;
    }
}
