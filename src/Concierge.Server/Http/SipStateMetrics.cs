using Concierge.Cps.Node;

namespace Concierge.Server.Http;

/// <summary>
/// What the node's SIP stack holds now (read on the loop): transactions by kind and the user agent's calls. After a
/// load they must return to their level (the stack keeps a completed transaction for RFC 3261's timers J and K, up
/// to 32 s over UDP), whatever the garbage collector has not yet given back.
/// </summary>
public static class SipStateMetrics
{
    /// <summary>The SIP state of <paramref name="node"/>; call it on the loop.</summary>
    public static (int ServerTransactions, int ClientTransactions, int Calls) Read(CpsNode node) =>
        node.Stack is { } stack
            ? (stack.Transactions.ServerCount, stack.Transactions.ClientCount, node.Trunk?.UserAgent.Calls.Count ?? 0)
            : (0, 0, 0);

    /// <summary>The state as Prometheus text.</summary>
    public static string Write((int ServerTransactions, int ClientTransactions, int Calls) state)
    {
        var text = new PrometheusText();
        text.Metric("concierge_sip_transactions", "gauge", "SIP transactions the stack holds, by kind.")
            .Sample("concierge_sip_transactions", state.ServerTransactions, ("kind", "server"))
            .Sample("concierge_sip_transactions", state.ClientTransactions, ("kind", "client"));
        text.Metric("concierge_sip_calls", "gauge", "SIP calls (dialogs and calls being set up) of the CPS's user agent.")
            .Sample("concierge_sip_calls", state.Calls);
        return text.ToString();
    }
}
