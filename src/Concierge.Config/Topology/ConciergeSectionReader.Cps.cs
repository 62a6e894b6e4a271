using Concierge.Config.Model;
using Concierge.Config.Numbers;

namespace Concierge.Config.Topology;

public sealed partial class ConciergeSectionReader
{
    private CpsSettings? ReadCps(TopologyMapping section, string parent)
    {
        var node = fields.Mapping(section, "cps", parent, "cps", required: true);
        if (node is null)
        {
            return null;
        }
        var p = YamlPath.Child(parent, "cps");
        fields.OnlyKnown(node, p, "host", "registerId", "registrarHost", "registrarPort", "registerInterval", "channels", "channelRatio", "rtpStartPort", "rtpPortCount");
        var host = fields.Text(node, "host", p, "cps.host", required: true);
        var registerId = fields.Text(node, "registerId", p, "cps.registerId", required: false) ?? "";
        var registrar = fields.Text(node, "registrarHost", p, "cps.registrarHost", required: true);
        var port = fields.Integer(node, "registrarPort", p, "cps.registrarPort", required: false) ?? CpsSettings.DefaultRegistrarPort;
        var interval = fields.Duration(node, "registerInterval", p, "cps.registerInterval", required: false);
        var intervalMissing = node["registerInterval"] is not null && interval is null;
        var channels = fields.Integer(node, "channels", p, "cps.channels", required: true);
        var ratio = fields.Integer(node, "channelRatio", p, "cps.channelRatio", required: true);
        var rtpStart = fields.Integer(node, "rtpStartPort", p, "cps.rtpStartPort", required: false) ?? DefaultRtpStartPort;
        var rtpCount = fields.Integer(node, "rtpPortCount", p, "cps.rtpPortCount", required: false) ?? DefaultRtpPortCount;
        if (host is null || registrar is null || channels is null || ratio is null || intervalMissing)
        {
            return null;
        }
        return new CpsSettings(host, registerId, registrar, port, interval ?? CpsSettings.RecommendedRegisterInterval,
            channels.Value, ratio.Value, rtpStart, rtpCount);
    }

    /// <summary>RTP start port when a topology gives none.</summary>
    public const int DefaultRtpStartPort = 40000;

    /// <summary>RTP port count when a topology gives none (two ports for each of 250 channels).</summary>
    public const int DefaultRtpPortCount = 500;

    private CpsNumberRanges? ReadRanges(TopologyMapping section, string parent)
    {
        var node = fields.Mapping(section, "ranges", parent, "ranges", required: true);
        if (node is null)
        {
            return null;
        }
        var p = YamlPath.Child(parent, "ranges");
        fields.OnlyKnown(node, p, "pilot", "personalLines", "loop", "request", "callback");
        var pilot = fields.Range(node, "pilot", p, "ranges.pilot", required: false);
        var pilotBad = node["pilot"] is TopologyMapping && pilot is null;
        var personal = fields.Range(node, "personalLines", p, "ranges.personalLines", required: true);
        var loop = fields.Number(node, "loop", p, "ranges.loop", required: false);
        var loopBad = node["loop"] is TopologyScalar { Value: not null } && loop is null;
        var request = fields.Range(node, "request", p, "ranges.request", required: true);
        var callback = fields.Range(node, "callback", p, "ranges.callback", required: true);
        if (pilotBad || personal is null || loopBad || request is null || callback is null)
        {
            return null;
        }
        return new CpsNumberRanges(pilot, personal, loop, request, callback);
    }

    private StandbySettings? ReadStandby(TopologyMapping node, string p)
    {
        fields.OnlyKnown(node, p, "primaryServer", "primaryHost", "standbyServer", "standbyHost", "loopInterval", "loopCallsMissedBeforeTakeover");
        var primary = fields.Text(node, "primaryServer", p, "standby.primaryServer", required: true);
        var primaryHost = fields.Text(node, "primaryHost", p, "standby.primaryHost", required: true);
        var standby = fields.Text(node, "standbyServer", p, "standby.standbyServer", required: true);
        var standbyHost = fields.Text(node, "standbyHost", p, "standby.standbyHost", required: true);
        var interval = fields.Duration(node, "loopInterval", p, "standby.loopInterval", required: true);
        var missed = fields.Integer(node, "loopCallsMissedBeforeTakeover", p, "standby.loopCallsMissedBeforeTakeover", required: true);
        return primary is null || primaryHost is null || standby is null || standbyHost is null || interval is null || missed is null
            ? null
            : new StandbySettings(primary, primaryHost, standby, standbyHost, interval.Value, missed.Value);
    }
}
