using System.Net;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using Concierge.Sip.Transport;

namespace Concierge.Sip.Tests.Transactions;

/// <summary>Drives one sans-IO transaction layer by hand: a clock, and the transmits and events it produced.</summary>
internal sealed class TransactionHarness
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly SipEndPoint PeerUdp = SipEndPoint.Udp(IPAddress.Parse("192.0.2.2"), 5060);
    public static readonly SipEndPoint PeerTcp = SipEndPoint.Tcp(IPAddress.Parse("192.0.2.2"), 5060);

    public TransactionHarness(SipTimerSettings? settings = null) => Layer = new SipTransactionLayer(settings);

    public SipTransactionLayer Layer { get; }
    public DateTimeOffset Now { get; private set; } = Epoch;
    public List<(SipTransmit Transmit, TimeSpan At)> Sent { get; } = new();
    public List<SipTransactionEvent> Events { get; } = new();

    public TimeSpan Elapsed => Now - Epoch;

    /// <summary>Moves the clock to each due timer up to <paramref name="duration"/> from now, collecting output.</summary>
    public void Run(TimeSpan duration)
    {
        var end = Now + duration;
        for (var guard = 0; guard < 10_000; guard++)
        {
            Drain();
            var next = Layer.PollTimeout();
            if (next is null || next > end) break;
            Now = next.Value > Now ? next.Value : Now;
            Layer.HandleTimeout(Now);
        }
        Now = end;
        Drain();
    }

    public void Drain()
    {
        while (Layer.TryPollTransmit(out var t)) Sent.Add((t, Elapsed));
        while (Layer.TryPollEvent(out var e)) Events.Add(e);
    }

    public static SipRequest Request(string method, string branch = "z9hG4bKtest1", string transport = "UDP", uint cseq = 1)
    {
        var request = SipRequest.Create(method, SipUri.Parse("sip:bob@192.0.2.2"),
            NameAddress.Parse("<sip:alice@192.0.2.1>;tag=from1"), NameAddress.Parse("<sip:bob@192.0.2.2>"),
            "call-1@192.0.2.1", cseq, SipVia.Create(transport, "192.0.2.1", 5060, branch));
        return request;
    }

    public static SipResponse Response(SipRequest request, int status, string? toTag = "to1")
    {
        var response = SipResponse.CreateFor(request, status);
        if (toTag is not null && request.To is { } to) response.To = to.WithTag(toTag);
        return response;
    }
}
