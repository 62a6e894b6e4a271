using Concierge.Cps.Node;
using Concierge.Cps.Trunk;
using Concierge.Csta.Session;
using Concierge.Media.Rtp.Streaming;

namespace Concierge.Server.Http;

/// <summary>The <c>concierge_</c> metrics of a node's status.</summary>
public static class NodeMetrics
{
    /// <summary>The metrics of <paramref name="status"/> in the Prometheus text format.</summary>
    public static string Write(CpsNodeStatus status, (long Written, long Failed) records = default, RtpMediaCounters? media = null)
    {
        var text = new PrometheusText();
        text.Metric("concierge_up", "gauge", "1 while the CPS runs.").Sample("concierge_up", Flag(status.Running));
        text.Metric("concierge_active", "gauge", "1 while the CPS takes calls (primary or after a takeover).").Sample("concierge_active", Flag(status.Active));
        text.Metric("concierge_config_mode", "gauge", "1 while the CPS runs in config mode.").Sample("concierge_config_mode", Flag(status.ConfigMode));
        text.Metric("concierge_channels_in_use", "gauge", "Channels in use by kind.")
            .Sample("concierge_channels_in_use", status.ProcessingChannelsInUse, ("kind", "processing"))
            .Sample("concierge_channels_in_use", status.OperationalChannelsInUse, ("kind", "operational"));
        text.Metric("concierge_live_calls", "gauge", "Calls on the CPS now.").Sample("concierge_live_calls", status.LiveCalls);
        text.Metric("concierge_trunk_registered", "gauge", "1 while the trunk is registered.").Sample("concierge_trunk_registered", Flag(status.Registered));
        text.Metric("concierge_trunk_registration_state", "gauge", "1 for the trunk registration's current state.");
        foreach (var state in Enum.GetValues<TrunkRegistrationState>())
            text.Sample("concierge_trunk_registration_state", Flag(status.Registration == state), ("state", state.ToString()));
        text.Metric("concierge_csta_link_configured", "gauge", "1 when the node has a CSTA link.").Sample("concierge_csta_link_configured", Flag(status.CstaLink is not null));
        text.Metric("concierge_csta_link_up", "gauge", "1 while the CSTA link is up.").Sample("concierge_csta_link_up", Flag(status.CstaLink == CstaLinkState.Ready));
        text.Metric("concierge_csta_link_state", "gauge", "1 for the CSTA link's current state.");
        foreach (var state in Enum.GetValues<CstaLinkState>())
            text.Sample("concierge_csta_link_state", Flag(status.CstaLink == state), ("state", state.ToString()));
        text.Metric("concierge_sip_messages_rejected_total", "counter", "SIP messages rejected as malformed or invalid.")
            .Sample("concierge_sip_messages_rejected_total", status.SipMessagesRejected);
        text.Metric("concierge_sip_handler_faults_total", "counter", "Exceptions thrown by SIP handlers (contained; a bug).")
            .Sample("concierge_sip_handler_faults_total", status.SipHandlerFaults);
        text.Metric("concierge_call_records_stored_total", "counter", "Ended call records written to the database.")
            .Sample("concierge_call_records_stored_total", records.Written);
        text.Metric("concierge_call_records_failed_total", "counter", "Ended call records the database did not take (logged).")
            .Sample("concierge_call_records_failed_total", records.Failed);
        if (media is not null) WriteMedia(text, media);
        return text.ToString();
    }

    private static void WriteMedia(PrometheusText text, RtpMediaCounters media)
    {
        text.Metric("concierge_rtp_streams", "gauge", "RTP sources of the CPS open now (sending: paced streams with a peer).")
            .Sample("concierge_rtp_streams", media.Streams, ("state", "open"))
            .Sample("concierge_rtp_streams", media.PacedStreams, ("state", "sending"));
        text.Metric("concierge_rtp_packets_sent_total", "counter", "RTP packets sent (paced and relayed).").Sample("concierge_rtp_packets_sent_total", media.PacketsSent);
        text.Metric("concierge_rtp_packets_received_total", "counter", "RTP packets received.").Sample("concierge_rtp_packets_received_total", media.PacketsReceived);
        text.Metric("concierge_rtp_packets_relayed_total", "counter", "RTP packets relayed between bridged legs.").Sample("concierge_rtp_packets_relayed_total", media.PacketsRelayed);
        text.Metric("concierge_rtp_packets_malformed_total", "counter", "RTP packets refused as malformed.").Sample("concierge_rtp_packets_malformed_total", media.PacketsMalformed);
        text.Metric("concierge_rtp_send_failures_total", "counter", "RTP packets the socket refused to send.").Sample("concierge_rtp_send_failures_total", media.SendFailures);
        text.Metric("concierge_rtp_bind_failures_total", "counter", "RTP ports that could not be bound (their streams send nothing).").Sample("concierge_rtp_bind_failures_total", media.BindFailures);
        text.Metric("concierge_dtmf_digits_received_total", "counter", "RFC 4733 DTMF digits received.").Sample("concierge_dtmf_digits_received_total", media.DtmfDigits);
        text.Metric("concierge_media_file_problems_total", "counter", "Media files missing or unreadable (each sends silence; logged).").Sample("concierge_media_file_problems_total", media.MediaProblems);
        text.Metric("concierge_rtp_pacer_ticks_total", "counter", "20 ms pacer ticks with streams to send.").Sample("concierge_rtp_pacer_ticks_total", media.Ticks);
        text.Metric("concierge_rtp_pacer_late_ticks_total", "counter", "Pacer ticks more than 5 ms late.").Sample("concierge_rtp_pacer_late_ticks_total", media.LateTicks);
        text.Metric("concierge_rtp_pacer_skipped_frames_total", "counter", "Frames skipped after the process stalled for more than 100 ms.").Sample("concierge_rtp_pacer_skipped_frames_total", media.SkippedTicks);
        text.Metric("concierge_rtp_pacer_error_mean_seconds", "gauge", "Mean lateness of a pacer tick since start.").Sample("concierge_rtp_pacer_error_mean_seconds", media.MeanTickErrorMs / 1000);
        text.Metric("concierge_rtp_pacer_error_max_seconds", "gauge", "Largest lateness of a pacer tick since start.").Sample("concierge_rtp_pacer_error_max_seconds", media.MaxTickErrorMs / 1000);
    }

    private static double Flag(bool value) => value ? 1 : 0;
}
