using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using static Concierge.Sip.Tests.Transactions.TransactionHarness;

namespace Concierge.Sip.Tests.Transactions;

public class ClientTransactionTests
{
    [Fact]
    public void Invite_over_udp_retransmits_with_timer_A_doubling_and_times_out_with_timer_B()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(Request(SipMethod.Invite), PeerUdp, h.Now);
        h.Run(TimeSpan.FromSeconds(40));

        var times = h.Sent.Select(s => s.At.TotalMilliseconds).ToArray();
        Assert.Equal(new double[] { 0, 500, 1500, 3500, 7500, 15500, 31500 }, times);
        var failed = Assert.IsType<SipTransactionFailed>(Assert.Single(h.Events));
        Assert.Equal(SipTransactionFailure.Timeout, failed.Failure);
        Assert.Same(tx, failed.Transaction);
        Assert.Equal(0, h.Layer.ClientCount);
    }

    [Fact]
    public void Non_invite_retransmissions_are_capped_at_T2_and_timer_F_fires_at_64_T1()
    {
        var h = new TransactionHarness();
        h.Layer.SendRequest(Request(SipMethod.Options), PeerUdp, h.Now);
        h.Run(TimeSpan.FromSeconds(40));

        var times = h.Sent.Select(s => s.At.TotalMilliseconds).ToArray();
        Assert.Equal(new double[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, times);
        Assert.Equal(SipTransactionFailure.Timeout, Assert.IsType<SipTransactionFailed>(Assert.Single(h.Events)).Failure);
    }

    [Fact]
    public void Provisional_response_to_a_non_invite_makes_retransmissions_every_T2()
    {
        var h = new TransactionHarness();
        var request = Request(SipMethod.Options);
        h.Layer.SendRequest(request, PeerUdp, h.Now);
        h.Run(TimeSpan.FromMilliseconds(600));
        h.Layer.HandleResponse(Response(request, 100), PeerUdp, h.Now);
        h.Run(TimeSpan.FromSeconds(10));

        var after = h.Sent.Where(s => s.At > TimeSpan.FromMilliseconds(600)).Select(s => s.At.TotalMilliseconds).ToArray();
        Assert.Equal(new double[] { 1500, 5500, 9500 }, after);
    }

    [Fact]
    public void Reliable_transport_sends_once_and_ends_at_once_after_the_final_response()
    {
        var h = new TransactionHarness();
        var request = Request(SipMethod.Bye, transport: "TCP");
        var tx = h.Layer.SendRequest(request, PeerTcp, h.Now);
        h.Run(TimeSpan.FromSeconds(5));
        Assert.Single(h.Sent);
        h.Layer.HandleResponse(Response(request, 200), PeerTcp, h.Now);
        h.Drain();
        Assert.True(tx.IsTerminated);
        Assert.Equal(200, Assert.IsType<SipResponseReceived>(Assert.Single(h.Events)).Response.StatusCode);
    }

    [Fact]
    public void Non_2xx_final_response_to_invite_is_acknowledged_inside_the_transaction()
    {
        var h = new TransactionHarness();
        var request = Request(SipMethod.Invite);
        var tx = h.Layer.SendRequest(request, PeerUdp, h.Now);
        h.Run(TimeSpan.FromMilliseconds(100));
        var busy = Response(request, 486, "busy-tag");
        h.Layer.HandleResponse(busy, PeerUdp, h.Now);
        h.Layer.HandleResponse(busy, PeerUdp, h.Now);
        h.Drain();

        var acks = h.Sent.Select(s => s.Transmit.Message).OfType<SipRequest>().Where(r => r.Method == SipMethod.Ack).ToList();
        Assert.Equal(2, acks.Count);
        Assert.Equal("busy-tag", acks[0].To!.Tag);
        Assert.Equal(request.TopVia!.Branch, acks[0].TopVia!.Branch);
        Assert.Equal(new Concierge.Sip.Headers.SipCSeq(1, "ACK"), acks[0].CSeq);
        Assert.Single(h.Events.OfType<SipResponseReceived>());
        Assert.Equal(SipTransactionState.Completed, tx.State);
        h.Run(TimeSpan.FromSeconds(33));
        Assert.True(tx.IsTerminated);
        Assert.Empty(h.Events.OfType<SipTransactionFailed>());
    }

    [Fact]
    public void Provisional_stops_timer_A_and_2xx_retransmissions_reach_the_user_while_accepted()
    {
        var h = new TransactionHarness();
        var request = Request(SipMethod.Invite);
        var tx = h.Layer.SendRequest(request, PeerUdp, h.Now);
        h.Layer.HandleResponse(Response(request, 180), PeerUdp, h.Now);
        h.Run(TimeSpan.FromSeconds(10));
        Assert.Single(h.Sent);
        var ok = Response(request, 200);
        h.Layer.HandleResponse(ok, PeerUdp, h.Now);
        h.Layer.HandleResponse(ok, PeerUdp, h.Now);
        h.Drain();
        Assert.Equal(new[] { 180, 200, 200 }, h.Events.OfType<SipResponseReceived>().Select(e => e.Response.StatusCode));
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        Assert.DoesNotContain(h.Sent, s => s.Transmit.Message is SipRequest { Method: SipMethod.Ack });
        h.Run(TimeSpan.FromSeconds(33));
        Assert.True(tx.IsTerminated);
    }

    [Fact]
    public void Response_for_no_transaction_is_passed_up_as_stray()
    {
        var h = new TransactionHarness();
        h.Layer.HandleResponse(Response(Request(SipMethod.Invite, "z9hG4bKother"), 200), PeerUdp, h.Now);
        h.Drain();
        Assert.Null(Assert.IsType<SipResponseReceived>(Assert.Single(h.Events)).Transaction);
        Assert.Equal(1, h.Layer.Counters.StrayResponses);
    }

    [Fact]
    public void Transport_error_ends_the_transaction_with_a_failure()
    {
        var h = new TransactionHarness();
        var tx = h.Layer.SendRequest(Request(SipMethod.Invite, transport: "TCP"), PeerTcp, h.Now);
        h.Layer.HandleTransportError(tx, h.Now);
        h.Drain();
        Assert.Equal(SipTransactionFailure.TransportError, Assert.IsType<SipTransactionFailed>(Assert.Single(h.Events)).Failure);
        Assert.Null(h.Layer.PollTimeout());
    }

    [Fact]
    public void Configured_T1_scales_every_timer()
    {
        var h = new TransactionHarness(new SipTimerSettings { T1 = TimeSpan.FromMilliseconds(100), T2 = TimeSpan.FromMilliseconds(400) });
        h.Layer.SendRequest(Request(SipMethod.Invite), PeerUdp, h.Now);
        h.Run(TimeSpan.FromMilliseconds(6399));
        Assert.Empty(h.Events);
        h.Run(TimeSpan.FromMilliseconds(1));
        Assert.IsType<SipTransactionFailed>(Assert.Single(h.Events));
        Assert.Equal(new double[] { 0, 100, 300, 700, 1500, 3100, 6300 }, h.Sent.Select(s => s.At.TotalMilliseconds));
    }

    [Fact]
    public void Invite_stuck_after_a_provisional_gives_up_with_timer_C()
    {
        var h = new TransactionHarness();
        var request = Request(SipMethod.Invite);
        var tx = h.Layer.SendRequest(request, PeerUdp, h.Now);
        h.Layer.HandleResponse(Response(request, 183), PeerUdp, h.Now);
        h.Run(TimeSpan.FromSeconds(180));
        Assert.Equal(SipTransactionState.Proceeding, tx.State);
        h.Layer.HandleResponse(Response(request, 180), PeerUdp, h.Now);
        h.Run(TimeSpan.FromSeconds(181));
        Assert.Equal(SipTransactionFailure.Timeout, h.Events.OfType<SipTransactionFailed>().Single().Failure);
        Assert.True(tx.IsTerminated);
    }
}
