using Concierge.Runtime.Randomness;
using Concierge.Sip.Message;
using Concierge.Sip.Transactions;
using FsCheck;
using FsCheck.Fluent;
using static Concierge.Sip.Tests.Transactions.TransactionHarness;

namespace Concierge.Sip.Tests.Transactions;

public class TransactionLifetimeProperties
{
    private static readonly int[] Statuses = [100, 180, 183, 200, 202, 302, 404, 486, 500, 603];

    /// <summary>
    /// Whatever order responses, retransmissions and ACKs arrive in (duplicated, late, or never), every transaction
    /// ends by itself within the RFC bounds once its user has given a final answer, and nothing throws.
    /// </summary>
    [Fact]
    public void Every_transaction_ends_within_its_timers_whatever_the_peer_does()
    {
        Prop.ForAll(ArbMap.Default.GeneratorFor<ulong>().ToArbitrary(), seed =>
        {
            var random = new DeterministicRandom(seed);
            var h = new TransactionHarness();
            var clients = new List<(SipRequest Request, SipClientTransaction Tx)>();
            var reliable = random.Chance(0.3);
            var peer = reliable ? PeerTcp : PeerUdp;
            var transport = reliable ? "TCP" : "UDP";
            for (var i = 0; i < 6; i++)
            {
                var method = random.Chance(0.5) ? SipMethod.Invite : SipMethod.Options;
                var request = Request(method, "z9hG4bKc" + i, transport, (uint)(i + 1));
                clients.Add((request, h.Layer.SendRequest(request, peer, h.Now)));
                var server = Request(random.Chance(0.5) ? SipMethod.Invite : SipMethod.Bye, "z9hG4bKs" + i, transport, (uint)(i + 1));
                h.Layer.HandleRequest(server, peer, h.Now);
            }
            h.Drain();
            var servers = h.Events.OfType<SipRequestReceived>().Select(e => e.Transaction!).ToList();
            for (var step = 0; step < 60; step++)
            {
                h.Run(TimeSpan.FromMilliseconds(random.Next(2000)));
                var (request, _) = clients[random.Next(clients.Count)];
                if (random.Chance(0.7)) h.Layer.HandleResponse(Response(request, Statuses[random.Next(Statuses.Length)], "t" + random.Next(2)), peer, h.Now);
                var tx = servers[random.Next(servers.Count)];
                if (random.Chance(0.3)) h.Layer.HandleRequest(Request(tx.Request.Method, tx.Request.TopVia!.Branch!, transport, tx.Request.CSeq!.Value.Number), peer, h.Now);
                if (random.Chance(0.3)) h.Layer.SendResponse(tx, Response(tx.Request, Statuses[random.Next(Statuses.Length)]), h.Now);
                if (random.Chance(0.2) && tx.IsInvite)
                {
                    var ack = Request(SipMethod.Ack, tx.Request.TopVia!.Branch!, transport, tx.Request.CSeq!.Value.Number);
                    h.Layer.HandleRequest(ack, peer, h.Now);
                }
            }
            // The users finish what they started: a final answer to every server transaction, and to every INVITE still waiting.
            // (a retransmission that came after its transaction ended opened a new one: the user answers those too)
            h.Drain();
            foreach (var tx in h.Events.OfType<SipRequestReceived>().Select(e => e.Transaction).OfType<SipServerTransaction>())
                h.Layer.SendResponse(tx, Response(tx.Request, 486), h.Now);
            foreach (var (request, tx) in clients.Where(c => c.Tx.State == SipTransactionState.Proceeding && c.Tx.IsInvite))
                h.Layer.HandleResponse(Response(request, 487), peer, h.Now);
            h.Run(TimeSpan.FromSeconds(70));
            return h.Layer.ClientCount == 0 && h.Layer.ServerCount == 0 && h.Layer.PollTimeout() is null;
        }).QuickCheckThrowOnFailure();
    }
}
