using System.Text;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;

namespace Concierge.Sip.Tests.Messages;

public class SipMessageBuilderTests
{
    private static SipRequest ParseInvite()
    {
        Assert.True(SipParser.TryParse(SampleMessages.InviteBytes, out var m, out var e), e.ToString());
        return (SipRequest)m!;
    }

    [Fact]
    public void Response_for_a_request_copies_via_from_to_call_id_and_cseq_in_order()
    {
        var request = ParseInvite();
        request.Headers.Add("Via", "SIP/2.0/UDP second.example.com;branch=z9hG4bK2");
        var response = SipResponse.CreateFor(request, 180);
        Assert.Equal("Ringing", response.ReasonPhrase);
        Assert.Equal(["Via", "From", "To", "Call-ID", "CSeq", "Via"], response.Headers.Select(h => h.Name).ToArray());
        Assert.Equal(request.CallId, response.CallId);
        Assert.Equal(request.CSeq, response.CSeq);
        Assert.Equal(request.From, response.From);
        Assert.Equal(2, response.Vias.Count);

        response.To = response.To!.WithTag("as83kd9bs");
        var bytes = response.ToBytes();
        Assert.True(SipParser.TryParse(bytes, out var parsed, out var error), error.ToString());
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("SIP/2.0 180 Ringing\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n", text);
        Assert.EndsWith("Content-Length: 0\r\n\r\n", text);
        Assert.Equal("as83kd9bs", parsed!.To!.Tag);
    }

    [Fact]
    public void Trying_copies_timestamp_other_responses_do_not()
    {
        var request = ParseInvite();
        request.Headers.Add("Timestamp", "54.3");
        Assert.Equal("54.3", SipResponse.CreateFor(request, 100).Headers.GetFirst("Timestamp"));
        Assert.False(SipResponse.CreateFor(request, 180).Headers.Contains("Timestamp"));
    }

    [Fact]
    public void Created_request_round_trips_through_the_parser()
    {
        var request = SipRequest.Create(SipMethod.Options, SipUri.Sip("pbx", "192.0.2.20", 5060),
            new NameAddress(SipUri.Sip("cps", "192.0.2.10"), "Concierge").WithTag("abc"),
            new NameAddress(SipUri.Sip("pbx", "192.0.2.20")), "call-1@192.0.2.10", 7,
            SipVia.Create("udp", "192.0.2.10", 5060, "z9hG4bK-1"));
        request.SetBody(new SipMediaType("text", "plain"), "hello"u8.ToArray());
        Assert.True(SipParser.TryParse(request.ToBytes(), out var parsed, out var error), error.ToString());
        var p = (SipRequest)parsed!;
        Assert.Equal(SipMethod.Options, p.Method);
        Assert.Equal(request.RequestUri, p.RequestUri);
        Assert.Equal("z9hG4bK-1", p.TopVia!.Branch);
        Assert.Equal("Concierge", p.From!.DisplayName);
        Assert.Equal(new SipCSeq(7, "OPTIONS"), p.CSeq);
        Assert.Equal(70, p.MaxForwards);
        Assert.Equal(5, p.ContentLength);
        Assert.Equal("hello", Encoding.ASCII.GetString(p.Body.Span));
    }

    [Fact]
    public void Push_and_pop_via_handle_values_sharing_a_line()
    {
        Assert.True(SipParser.TryParse("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/UDP b;branch=z9hG4bK2\r\n\r\n"u8, out var m, out _));
        m!.PushVia(SipVia.Create("TCP", "proxy", 5060, "z9hG4bKp"));
        Assert.Equal(["proxy", "a", "b"], m.Vias.Select(v => v.Host).ToArray());
        Assert.True(m.PopVia());
        Assert.True(m.PopVia());
        Assert.Equal("b", m.TopVia!.Host);
        Assert.True(m.PopVia());
        Assert.False(m.PopVia());
    }

    [Fact]
    public void Write_to_buffer_writer_matches_to_bytes()
    {
        var request = ParseInvite();
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        request.WriteTo(writer);
        Assert.Equal(request.ToBytes(), writer.WrittenSpan.ToArray());
        Assert.Equal(SampleMessages.InviteBytes, request.ToBytes());
    }

    [Fact]
    public void Header_collection_set_remove_and_insert()
    {
        var h = new SipHeaders();
        h.Add("Supported", "timer");
        h.Add("k", "replaces");
        Assert.Equal(2, h.CountOf("supported"));
        h.Set("Supported", "100rel");
        Assert.Equal(["100rel"], h.GetAll("k"));
        h.Insert(0, "X-A", "1");
        h.AddFirst("X-B", "2");
        Assert.Equal(["X-B", "X-A", "Supported"], h.Select(x => x.Name).ToArray());
        Assert.Equal(1, h.Remove("x-a"));
        Assert.True(h.RemoveFirst("X-B"));
        Assert.Single(h);
    }
}
