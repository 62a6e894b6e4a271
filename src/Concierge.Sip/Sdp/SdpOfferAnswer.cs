namespace Concierge.Sip.Sdp;

/// <summary>RFC 3264 offer/answer for one audio stream with G.711 and telephone-event, including hold and resume re-offers.</summary>
public static class SdpOfferAnswer
{
    /// <summary>Creates an offer with one audio stream.</summary>
    public static SdpSessionDescription CreateOffer(SdpLocalMedia local, ulong sessionId, ulong sessionVersion) =>
        SdpSessionDescription.Create(
            SdpOrigin.Create(local.UserName, sessionId, sessionVersion, local.Address),
            SdpConnection.Create(local.Address),
            SdpMediaDescription.Audio(local.AudioPort, local.Codecs, local.Direction, local.PacketTimeMs));

    /// <summary>
    /// A re-offer from a previous description with the audio direction changed (sendonly = hold, sendrecv = resume)
    /// and the o= version incremented (RFC 3264 §8.4).
    /// </summary>
    public static SdpSessionDescription CreateReOffer(SdpSessionDescription previous, SdpDirection direction)
    {
        var next = previous.Clone();
        next.Origin = next.Origin?.NextVersion();
        next.Direction = null;
        foreach (var media in next.Media.Where(m => m.Media == "audio" && !m.IsRejected))
        {
            media.Direction = direction;
        }
        return next;
    }

    /// <summary>
    /// Answers an offer: the first acceptable audio stream gets the common codecs (local preference, offerer's payload
    /// numbers) plus telephone-event if both have it, and the RFC 3264 answer direction; every other stream is
    /// rejected with port 0. False with a reason (answer 488) when no audio stream is acceptable.
    /// </summary>
    public static bool TryCreateAnswer(SdpSessionDescription offer, SdpLocalMedia local, ulong sessionId, ulong sessionVersion,
        out SdpSessionDescription? answer, out SdpNegotiatedAudio? negotiated, out string failure)
    {
        answer = null;
        negotiated = null;
        var result = SdpSessionDescription.Create(
            SdpOrigin.Create(local.UserName, sessionId, sessionVersion, local.Address), SdpConnection.Create(local.Address));
        foreach (var offered in offer.Media)
        {
            var common = negotiated is null && offered.Media == "audio" && !offered.IsRejected && offered.Protocol == "RTP/AVP"
                ? CommonCodecs(offered.Codecs, local.Codecs)
                : [];
            var voice = common.FirstOrDefault(c => !c.IsTelephoneEvent);
            if (voice is null)
            {
                var rejected = new SdpMediaDescription(offered.Media, 0, offered.Protocol, offered.Formats);
                result.Media.Add(rejected);
                continue;
            }
            var offeredDirection = offer.DirectionOf(offered);
            if (offer.ConnectionOf(offered)?.IsNullAddress == true && offeredDirection == SdpDirection.SendRecv)
            {
                offeredDirection = SdpDirection.SendOnly;
            }
            var direction = SdpDirections.Answer(offeredDirection, local.Direction);
            result.Media.Add(SdpMediaDescription.Audio(local.AudioPort, common, direction, local.PacketTimeMs));
            var remote = offer.ConnectionOf(offered);
            if (remote is null)
            {
                failure = "offer has no connection address for audio";
                return false;
            }
            negotiated = new SdpNegotiatedAudio(voice, common.FirstOrDefault(c => c.IsTelephoneEvent), remote.Address, offered.Port, direction);
        }
        if (negotiated is null)
        {
            failure = "no acceptable audio stream (need RTP/AVP with " + string.Join("/", local.Codecs.Select(c => c.EncodingName)) + ")";
            return false;
        }
        answer = result;
        failure = string.Empty;
        return true;
    }

    /// <summary>The offerer's view of an answer to its offer; false with a reason when the audio stream was refused.</summary>
    public static bool TryReadAnswer(SdpSessionDescription offer, SdpSessionDescription answer, out SdpNegotiatedAudio? negotiated, out string failure)
    {
        negotiated = null;
        if (answer.Media.Count != offer.Media.Count)
        {
            failure = "answer has a different number of m= lines than the offer";
            return false;
        }
        for (var i = 0; i < offer.Media.Count; i++)
        {
            var offered = offer.Media[i];
            var answered = answer.Media[i];
            if (offered.Media != "audio" || offered.IsRejected || answered.IsRejected)
            {
                continue;
            }
            var common = CommonCodecs(offered.Codecs, answered.Codecs);
            var voice = common.FirstOrDefault(c => !c.IsTelephoneEvent);
            var remote = answer.ConnectionOf(answered);
            if (voice is null || remote is null)
            {
                continue;
            }
            var answerDirection = answer.DirectionOf(answered);
            if (remote.IsNullAddress && answerDirection == SdpDirection.SendRecv)
            {
                answerDirection = SdpDirection.SendOnly;
            }
            var ours = answerDirection switch
            {
                SdpDirection.SendOnly => SdpDirection.RecvOnly,
                SdpDirection.RecvOnly => SdpDirection.SendOnly,
                _ => answerDirection,
            };
            negotiated = new SdpNegotiatedAudio(voice, common.FirstOrDefault(c => c.IsTelephoneEvent), remote.Address, answered.Port, ours);
            failure = string.Empty;
            return true;
        }
        failure = "the answer accepts no audio stream with a common codec";
        return false;
    }

    /// <summary>Local codecs (local order) that the remote list also has, carrying the remote payload type and fmtp.</summary>
    private static List<SdpCodec> CommonCodecs(IReadOnlyList<SdpCodec> remote, IReadOnlyList<SdpCodec> local)
    {
        var common = new List<SdpCodec>();
        foreach (var mine in local)
        {
            var match = remote.FirstOrDefault(r => r.SameFormatAs(mine));
            if (match is not null && common.All(c => c.PayloadType != match.PayloadType))
            {
                common.Add(match.IsTelephoneEvent ? match with { FormatParameters = match.FormatParameters ?? mine.FormatParameters } : match);
            }
        }
        return common;
    }
}
