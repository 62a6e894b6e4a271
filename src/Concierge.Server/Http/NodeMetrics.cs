using Concierge.Cps.Node;
using Concierge.Cps.Trunk;
using Concierge.Csta.Session;

namespace Concierge.Server.Http;

/// <summary>The <c>concierge_</c> metrics of a node's status.</summary>
public static class NodeMetrics
{
    /// <summary>The metrics of <paramref name="status"/> in the Prometheus text format.</summary>
    public static string Write(CpsNodeStatus status, (long Written, long Failed) records = default)
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
        return text.ToString();
    }

    private static double Flag(bool value) => value ? 1 : 0;
}
