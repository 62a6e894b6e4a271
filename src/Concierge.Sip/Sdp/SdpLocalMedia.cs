namespace Concierge.Sip.Sdp;

/// <summary>What one side offers or accepts for audio: address, port, codecs in preference order, direction.</summary>
public sealed record SdpLocalMedia(string Address, int AudioPort, IReadOnlyList<SdpCodec> Codecs)
{
    /// <summary>PCMU, PCMA and telephone-event (101), the set the PBX trunks use.</summary>
    public static IReadOnlyList<SdpCodec> G711WithDtmf { get; } = [SdpCodec.Pcmu, SdpCodec.Pcma, SdpCodec.TelephoneEvent];

    /// <summary>The direction this side wants (sendonly to hold, sendrecv to resume).</summary>
    public SdpDirection Direction { get; init; } = SdpDirection.SendRecv;

    /// <summary>Packetization time written as a=ptime, or null for none.</summary>
    public int? PacketTimeMs { get; init; } = 20;

    /// <summary>User name of the o= line.</summary>
    public string UserName { get; init; } = "concierge";
}
