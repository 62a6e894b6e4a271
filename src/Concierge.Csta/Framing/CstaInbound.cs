using Concierge.Csta.Codec;

namespace Concierge.Csta.Framing;

/// <summary>One frame received on a CSTA link: its invoke id and what its XML decoded to.</summary>
public readonly record struct CstaInbound(int InvokeId, CstaDecodeResult Result);
