using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using static Concierge.Sip.Tests.Transactions.TransactionHarness;

namespace Concierge.Sip.Tests.Transactions;

public class ServerTransactionTests
{
    private static SipServerTransaction Receive(TransactionHarness h, SipRequest request)
    {
        h.Layer.HandleRequest(request, PeerUdp, h.Now);
        h.Drain();
        return Assert.IsType<SipRequestReceived>(h.Events.Last()).Transaction!;
    }

    [Fact]
    public void After_a_burst_of_transactions_has_ended_the_layer_gives_its_room_back()
    {
        var h = new TransactionHarness();
        var idle = h.Layer.RetainedCapacity;
        for (var i = 0; i < 3000; i++)
        {
            var options = Request(SipMethod.Options, branch: $"z9hG4bKburst{i}");
            h.Layer.SendResponse(Receive(h, options), Response(options, 481), h.Now);
        }
        Assert.Equal(3000, h.Layer.ServerCount);
        Assert.True(h.Layer.RetainedCapacity >= 6000, $"room for the burst: {h.Layer.RetainedCapacity}");
        h.Run(TimeSpan.FromSeconds(40)); // timer J (64·T1 = 32 s over UDP) ends each
        Assert.Equal(0, h.Layer.ServerCount);
        Assert.True(h.Layer.RetainedCapacity <= idle + 64, $"room kept after the burst: {h.Layer.RetainedCapacity} (idle {idle})");
    }

    [Fact]
    public void Invite_gets_100_Trying_at_once_and_retransmissions_get_the_last_provisional()
    {
        var h = new TransactionHarness();
        var invite = Request(SipMethod.Invite);
        var tx = Receive(h, invite);
        Assert.Equal(100, Assert.IsType<SipResponse>(Assert.Single(h.Sent).Transmit.Message).StatusCode);
        h.Layer.SendResponse(tx, Response(invite, 180), h.Now);
        h.Layer.HandleRequest(Request(SipMethod.Invite), PeerUdp, h.Now);
        h.Drain();
        Assert.Equal(new[] { 100, 180, 180 }, h.Sent.Select(s => ((SipResponse)s.Transmit.Message).StatusCode));
        Assert.Single(h.Events);
        Assert.Equal(1, h.Layer.Counters.RequestsAbsorbed);
    }

    [Fact]
    public void Non_2xx_final_is_retransmitted_by_timer_G_until_the_ACK_then_timer_I_ends_it()
    {
        var h = new TransactionHarness();
        var invite = Request(SipMethod.Invite);
        var tx = Receive(h, invite);
        var busy = Response(invite, 486);
        h.Layer.SendResponse(tx, busy, h.Now);
        h.Run(TimeSpan.FromMilliseconds(4000));
        var finals = h.Sent.Where(s => ((SipResponse)s.Transmit.Message).StatusCode == 486).Select(s => s.At.TotalMilliseconds);
        Assert.Equal(new double[] { 0, 500, 1500, 3500 }, finals);

        var ack = Request(SipMethod.Ack);
        ack.To = busy.To;
        h.Layer.HandleRequest(ack, PeerUdp, h.Now);
        h.Layer.HandleRequest(ack, PeerUdp, h.Now);
        h.Drain();
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Single(h.Events);
        h.Run(TimeSpan.FromSeconds(5));
        Assert.True(tx.IsTerminated);
        Assert.Equal(4, h.Sent.Count(s => ((SipResponse)s.Transmit.Message).StatusCode == 486));
    }

    [Fact]
    public void Missing_ACK_times_out_with_timer_H_and_retransmissions_are_capped_at_T2()
    {
        var h = new TransactionHarness();
        var invite = Request(SipMethod.Invite);
        var tx = Receive(h, invite);
        h.Layer.SendResponse(tx, Response(invite, 603), h.Now);
        h.Run(TimeSpan.FromSeconds(40));
        var finals = h.Sent.Where(s => ((SipResponse)s.Transmit.Message).StatusCode == 603).Select(s => s.At.TotalMilliseconds).ToArray();
        Assert.Equal(new double[] { 0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500 }, finals);
        Assert.Equal(SipTransactionFailure.Timeout, h.Events.OfType<SipTransactionFailed>().Single().Failure);
    }

    [Fact]
    public void After_2xx_retransmitted_invites_are_absorbed_and_the_2xx_ACK_reaches_the_user()
    {
        var h = new TransactionHarness();
        var invite = Request(SipMethod.Invite);
        var tx = Receive(h, invite);
        h.Layer.SendResponse(tx, Response(invite, 200), h.Now);
        h.Layer.HandleRequest(Request(SipMethod.Invite), PeerUdp, h.Now);
        var ack = Request(SipMethod.Ack, "z9hG4bKack2xx");
        h.Layer.HandleRequest(ack, PeerUdp, h.Now);
        h.Drain();
        Assert.Equal(2, h.Sent.Count);
        var ackEvent = Assert.IsType<SipRequestReceived>(h.Events.Last());
        Assert.Equal(SipMethod.Ack, ackEvent.Request.Method);
        Assert.Null(ackEvent.Transaction);
        Assert.Equal(SipTransactionState.Accepted, tx.State);
        h.Run(TimeSpan.FromSeconds(32));
        Assert.True(tx.IsTerminated);
    }

    [Fact]
    public void Non_invite_retransmission_is_absorbed_while_trying_and_answered_once_completed()
    {
        var h = new TransactionHarness();
        var bye = Request(SipMethod.Bye);
        var tx = Receive(h, bye);
        h.Layer.HandleRequest(Request(SipMethod.Bye), PeerUdp, h.Now);
        h.Drain();
        Assert.Empty(h.Sent);
        h.Layer.SendResponse(tx, Response(bye, 200), h.Now);
        h.Layer.HandleRequest(Request(SipMethod.Bye), PeerUdp, h.Now);
        h.Layer.SendResponse(tx, Response(bye, 500), h.Now);
        h.Drain();
        Assert.Equal(new[] { 200, 200 }, h.Sent.Select(s => ((SipResponse)s.Transmit.Message).StatusCode));
        Assert.Equal(1, h.Layer.Counters.LateResponsesDropped);
        h.Run(TimeSpan.FromSeconds(31.9));
        Assert.False(tx.IsTerminated);
        h.Run(TimeSpan.FromSeconds(0.1));
        Assert.True(tx.IsTerminated);
    }

    [Fact]
    public void Rfc2543_requests_without_the_magic_cookie_are_matched_by_the_old_tuple()
    {
        var h = new TransactionHarness();
        var invite = Request(SipMethod.Invite, branch: "oldstyle");
        var tx = Receive(h, invite);
        var busy = Response(invite, 486);
        h.Layer.SendResponse(tx, busy, h.Now);
        h.Layer.HandleRequest(Request(SipMethod.Invite, branch: "oldstyle"), PeerUdp, h.Now);
        var ack = Request(SipMethod.Ack, branch: "oldstyle");
        ack.To = busy.To;
        h.Layer.HandleRequest(ack, PeerUdp, h.Now);
        h.Drain();
        Assert.Single(h.Events);
        Assert.Equal(SipTransactionState.Confirmed, tx.State);
        Assert.Equal(1, h.Layer.Counters.RequestsAbsorbed);
    }

    [Fact]
    public void Cancel_finds_its_invite_transaction_and_has_one_of_its_own()
    {
        var h = new TransactionHarness();
        var tx = Receive(h, Request(SipMethod.Invite));
        var cancel = Request(SipMethod.Cancel);
        cancel.CSeq = new SipCSeq(1, SipMethod.Cancel);
        var cancelTx = Receive(h, cancel);
        Assert.NotSame(tx, cancelTx);
        Assert.Same(tx, h.Layer.FindInviteTransaction(cancel));
    }

    [Fact]
    public void Request_without_core_headers_is_counted_and_ignored()
    {
        var h = new TransactionHarness();
        var request = Request(SipMethod.Options);
        request.Headers.Remove(SipHeaderNames.Via);
        h.Layer.HandleRequest(request, PeerUdp, h.Now);
        h.Drain();
        Assert.Empty(h.Events);
        Assert.Equal(1, h.Layer.Counters.Unmatchable);
    }

    [Fact]
    public void Responses_are_routed_by_the_received_and_rport_via_parameters()
    {
        var h = new TransactionHarness();
        var request = Request(SipMethod.Options);
        request.Headers.Set(SipHeaderNames.Via, "SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bKnat;received=198.51.100.7;rport=61000");
        var tx = Receive(h, request);
        Assert.Equal("198.51.100.7:61000", tx.ResponseDestination.Address.ToString());
    }
}
