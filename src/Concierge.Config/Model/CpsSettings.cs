namespace Concierge.Config.Model;

/// <summary>
/// The CPS trunk settings (C 6.3.1.3): registration at the PBX, channel count and ratio, RTP port range.
/// </summary>
/// <param name="Host">The host name the CPS runs on in the topology.</param>
/// <param name="RegisterId">Must equal the endpoint alias in OSV, case sensitive; unused with OS4000.</param>
/// <param name="RegistrarHost">IP address or host of the registrar; a domain name means a DNS SRV lookup.</param>
/// <param name="RegistrarPort">Registrar port, default 5060.</param>
/// <param name="RegisterInterval">Re-registration interval; at least 300 s, 305 s recommended.</param>
/// <param name="Channels">Available channels N on the trunk.</param>
/// <param name="ChannelRatio">Ratio R of processing to operational channels (slider 1–5).</param>
/// <param name="RtpStartPort">First RTP port.</param>
/// <param name="RtpPortCount">Number of contiguous RTP ports from the start port.</param>
public sealed record CpsSettings(
    string Host,
    string RegisterId,
    string RegistrarHost,
    int RegistrarPort,
    TimeSpan RegisterInterval,
    int Channels,
    int ChannelRatio,
    int RtpStartPort,
    int RtpPortCount)
{
    /// <summary>Registrar port used when none is given.</summary>
    public const int DefaultRegistrarPort = 5060;

    /// <summary>OSV deactivates an endpoint that registers more often than this.</summary>
    public static readonly TimeSpan MinimumRegisterInterval = TimeSpan.FromSeconds(300);

    /// <summary>The interval the guide recommends.</summary>
    public static readonly TimeSpan RecommendedRegisterInterval = TimeSpan.FromSeconds(305);

    /// <summary>Channels always reserved for operational use.</summary>
    public const int ReservedOperationalChannels = 2;

    /// <summary>Smallest and largest channel ratio.</summary>
    public const int MinimumChannelRatio = 1, MaximumChannelRatio = 5;

    /// <summary>The most channels the PBX allows on the CPS trunk: 250 with OSV, 120 with OS4000 (STMI).</summary>
    public static int MaximumChannels(PbxType pbx) => pbx == PbxType.Os4000 ? 120 : 250;
}
