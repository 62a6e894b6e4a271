using System.Net;
using System.Text;
using Concierge.Runtime.Loop;
using Concierge.Runtime.Randomness;
using Concierge.Runtime.Transports.Simulated;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;
using Concierge.Sip.Transport;
using Concierge.Sip.UserAgent;
using Concierge.Sip.Validation;

namespace Concierge.Sip.Tests.UserAgent;

/// <summary>Every RFC 4475 message sent as a datagram to a running user agent: the wire answer is what the RFC asks.</summary>
public class UasTortureTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in TestData.TortureFiles()) data.Add(file);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void UasCore_answers_each_Rfc4475_message_on_the_wire_and_keeps_serving(string file)
    {
        var loop = new SimulatedEventLoop();
        var network = new SimulatedNetwork(loop, new DeterministicRandom(1));
        var uasHost = network.AddHost("uas", IPAddress.Parse("192.0.2.10"));
        var peer = network.AddHost("peer", IPAddress.Parse("192.0.2.20"));
        var stack = new SipStack(loop, uasHost, new SipStackOptions(), new DeterministicRandom(2));
        var ua = new SipUserAgent(stack);
        var incoming = 0;
        ua.IncomingCall += _ => incoming++;
        var answers = new List<string>();
        var raw = peer.BindDatagram(5060, (payload, _) => answers.Add(Encoding.UTF8.GetString(payload)));
        var bytes = TestData.Torture(file);
        // Responses without rport go to the received address and the Via's sent-by port (RFC 3261 §18.2.2).
        SipParser.TryParse(bytes, out var peek, out _);
        var viaPort = peek?.TopVia?.Port ?? 5060;
        using var viaSocket = viaPort != 5060 && viaPort > 0 ? peer.BindDatagram(viaPort, (payload, _) => answers.Add(Encoding.UTF8.GetString(payload))) : null;

        raw.Send(bytes, new IPEndPoint(uasHost.Address, 5060));
        loop.RunFor(TimeSpan.FromSeconds(1));

        var parsed = SipParser.TryParse(bytes, out var message, out _);
        if (!parsed)
        {
            Assert.Equal(1, stack.Transport.Counters.MalformedDatagrams);
            if (message is SipRequest { Method: not SipMethod.Ack } partial && partial.Headers.Contains("Via"))
                Assert.StartsWith("SIP/2.0 400", Assert.Single(answers), StringComparison.Ordinal);
            else
                Assert.Empty(answers);
        }
        else if (message is SipRequest request)
        {
            var verdict = new SipRequestValidator().Validate(request);
            if (!verdict.IsAccepted && verdict.CreateResponse(request) is not null)
            {
                Assert.StartsWith("SIP/2.0 " + verdict.StatusCode, Assert.Single(answers), StringComparison.Ordinal);
                Assert.Equal(1, stack.RequestsRejected);
            }
            else if (verdict.IsAccepted && request.Method == SipMethod.Invite && request.To?.Tag is null)
            {
                Assert.Equal(1, incoming);
                Assert.StartsWith("SIP/2.0 100", answers[0], StringComparison.Ordinal);
            }
            else if (verdict.IsAccepted && request.Method != SipMethod.Ack)
            {
                Assert.NotEmpty(answers);
            }
        }
        Assert.Equal(0, stack.HandlerFaults);

        // The engine still serves a well-formed request afterwards.
        answers.Clear();
        raw.Send(Encoding.ASCII.GetBytes("OPTIONS sip:uas@192.0.2.10 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKalive\r\nMax-Forwards: 70\r\n" +
            "From: <sip:p@192.0.2.20>;tag=1\r\nTo: <sip:uas@192.0.2.10>\r\nCall-ID: alive@x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"), new IPEndPoint(uasHost.Address, 5060));
        loop.RunFor(TimeSpan.FromSeconds(1));
        Assert.Contains(answers, a => a.StartsWith("SIP/2.0 200", StringComparison.Ordinal));
    }
}
