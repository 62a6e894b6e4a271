using System.Net;

namespace Concierge.Media.Rtp.Streaming;

/// <summary>An RFC 4733 DTMF digit that arrived on the CPS's RTP source <paramref name="Source"/> from <paramref name="From"/>.</summary>
public sealed record DtmfDigit(IPEndPoint Source, IPEndPoint From, char Digit, int Volume);
