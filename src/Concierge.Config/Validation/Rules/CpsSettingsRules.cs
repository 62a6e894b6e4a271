using System.Globalization;
using Concierge.Config.Model;

namespace Concierge.Config.Validation.Rules;

/// <summary>Rules for the CPS trunk settings (C 6.3.1.3).</summary>
internal static class CpsSettingsRules
{
    public static void Check(ConciergeConfig config, ProblemList problems)
    {
        var cps = config.Cps;
        if (string.IsNullOrWhiteSpace(cps.Host))
        {
            problems.Error("cps.host", cps.Host, "is empty: name the host the CPS runs on");
        }
        if (string.IsNullOrWhiteSpace(cps.RegisterId) && config.Pbx == PbxType.Osv)
        {
            problems.Error("cps.registerId", cps.RegisterId, "is empty: with OSV it must equal the endpoint alias");
        }
        if (string.IsNullOrWhiteSpace(cps.RegistrarHost))
        {
            problems.Error("cps.registrarHost", cps.RegistrarHost, "is empty");
        }
        if (cps.RegistrarPort is < 1 or > 65535)
        {
            problems.Error("cps.registrarPort", Int(cps.RegistrarPort), "is not a port (1–65535)");
        }
        if (cps.RegisterInterval < CpsSettings.MinimumRegisterInterval)
        {
            problems.Error("cps.registerInterval", ProblemList.Text(cps.RegisterInterval),
                "is shorter than 300 s: OSV deactivates an endpoint that registers more often (305 s recommended)");
        }
        var max = CpsSettings.MaximumChannels(config.Pbx);
        var least = CpsSettings.ReservedOperationalChannels + 1;
        if (cps.Channels < least || cps.Channels > max)
        {
            problems.Error("cps.channels", Int(cps.Channels),
                $"is outside {least}–{max} ({max} is the most {PbxName(config.Pbx)} allows on the CPS trunk)");
        }
        if (cps.ChannelRatio is < CpsSettings.MinimumChannelRatio or > CpsSettings.MaximumChannelRatio)
        {
            problems.Error("cps.channelRatio", Int(cps.ChannelRatio), "is outside 1–5");
        }
        if (cps.RtpStartPort is < 1024 or > 65535)
        {
            problems.Error("cps.rtpStartPort", Int(cps.RtpStartPort), "is not a port from 1024 to 65535");
        }
        if (cps.RtpPortCount < 1 || (long)cps.RtpStartPort + cps.RtpPortCount - 1 > 65535)
        {
            problems.Error("cps.rtpPortCount", Int(cps.RtpPortCount), "does not fit: the range must end at port 65535 or below and hold at least one port");
        }
        else if (cps.RtpPortCount < 2L * cps.Channels)
        {
            problems.Warning("cps.rtpPortCount", Int(cps.RtpPortCount),
                $"is fewer than two ports (RTP and RTCP) per channel ({2 * cps.Channels})");
        }
        if (cps.RegistrarPort >= cps.RtpStartPort && cps.RegistrarPort < (long)cps.RtpStartPort + cps.RtpPortCount)
        {
            problems.Error("cps.rtpStartPort", Int(cps.RtpStartPort), "makes the RTP range include the SIP port; no port of the range may be used by anything else");
        }
    }

    private static string PbxName(PbxType pbx) => pbx == PbxType.Os4000 ? "OpenScape 4000 (STMI)" : "OSV";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
