namespace Concierge.Sip.Sdp;

/// <summary>An RTP payload format of a media line: payload type, encoding name, clock rate, channels, fmtp parameters.</summary>
public sealed record SdpCodec(int PayloadType, string EncodingName, int ClockRate, int? Channels = null, string? FormatParameters = null)
{
    /// <summary>G.711 µ-law, static payload type 0.</summary>
    public static SdpCodec Pcmu { get; } = new(0, "PCMU", 8000);

    /// <summary>G.711 A-law, static payload type 8.</summary>
    public static SdpCodec Pcma { get; } = new(8, "PCMA", 8000);

    /// <summary>RFC 4733 DTMF events on dynamic payload type 101, events 0-15.</summary>
    public static SdpCodec TelephoneEvent { get; } = new(101, "telephone-event", 8000, null, "0-15");

    /// <summary>True for telephone-event.</summary>
    public bool IsTelephoneEvent => string.Equals(EncodingName, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when encoding name, clock rate and channels match (payload types may differ).</summary>
    public bool SameFormatAs(SdpCodec other) =>
        string.Equals(EncodingName, other.EncodingName, StringComparison.OrdinalIgnoreCase) && ClockRate == other.ClockRate
        && (Channels ?? 1) == (other.Channels ?? 1);

    /// <summary>The a=rtpmap value, e.g. `0 PCMU/8000`.</summary>
    public string RtpMap => Channels is { } c ? $"{PayloadType} {EncodingName}/{ClockRate}/{c}" : $"{PayloadType} {EncodingName}/{ClockRate}";

    /// <summary>Static payload types of RFC 3551 that the stack knows without an rtpmap.</summary>
    public static SdpCodec? Static(int payloadType) => payloadType switch
    {
        0 => Pcmu,
        8 => Pcma,
        3 => new SdpCodec(3, "GSM", 8000),
        4 => new SdpCodec(4, "G723", 8000),
        9 => new SdpCodec(9, "G722", 8000),
        18 => new SdpCodec(18, "G729", 8000),
        _ => null,
    };
}
