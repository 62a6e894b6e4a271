using System.Net;
using Concierge.Cps.Legs;
using Concierge.Media;
using Concierge.Sip.Sdp;
using Concierge.Sip.UserAgent;

namespace Concierge.Cps.Trunk;

/// <summary>One CPS leg as the trunk sees it: its SIP call, its RTP port, and how it is ending.</summary>
internal sealed class TrunkLeg(LegId id, SipCall call, IPEndPoint? rtp)
{
    public LegId Id { get; } = id;
    public SipCall Call { get; } = call;
    public IPEndPoint? Rtp { get; set; } = rtp;

    /// <summary>The SDP offer the CPS sent for a leg it dialled (read against the answer to find the far end).</summary>
    public SdpSessionDescription? Offer { get; init; }

    /// <summary>The far end of the leg's audio as offer/answer agreed it, once it did.</summary>
    public MediaPeer? Peer { get; set; }

    /// <summary>The engine no longer owns the leg (released, forwarded or joined): its SIP ending is not reported.</summary>
    public bool Detached { get; set; }

    /// <summary>For a leg whose REFER joins it to <see cref="JoinPartner"/>.</summary>
    public LegId? JoinPartner { get; set; }

    /// <summary>The PBX accepted the leg's REFER (202 or a NOTIFY): from then on its BYE means the join happened.</summary>
    public bool ReferAccepted { get; set; }

    /// <summary>
    /// The PBX ended the leg while its join REFER was not yet accepted: the caller may have hung up, or the PBX's
    /// 202 was lost; the REFER's outcome decides (2xx: joined; anything else: the caller hung up).
    /// </summary>
    public bool EndedBeforeReferOutcome { get; set; }

    /// <summary>
    /// The join partner ended too while this leg's REFER outcome was still awaited: the PBX joined the two, or it
    /// cleared both (an endpoint taken out of service); the REFER's outcome decides (202 or 2xx: joined).
    /// </summary>
    public bool PartnerEndedBeforeReferOutcome { get; set; }

    /// <summary>The PBX's 202 for this leg's REFER came after the leg had ended.</summary>
    public bool ReferAcceptedAfterEnd { get; set; }

    /// <summary>A leg forwarded by REFER after answer: hang up once the REFER is settled.</summary>
    public bool ForwardingByRefer { get; set; }
}
