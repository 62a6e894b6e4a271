using System.Text;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;

namespace Concierge.Sip.Tests.Parsing;

public class SipParserTests
{
    private static SipMessage Parse(string text)
    {
        Assert.True(SipParser.TryParse(Encoding.UTF8.GetBytes(text), out var message, out var error), error.ToString());
        return message!;
    }

    private static SipParseError Reject(string text)
    {
        Assert.False(SipParser.TryParse(Encoding.UTF8.GetBytes(text), out _, out var error));
        return error;
    }

    [Fact]
    public void Parses_a_typical_invite_with_typed_headers()
    {
        var request = Assert.IsType<SipRequest>(Parse(SampleMessages.Invite));
        Assert.Equal("INVITE", request.Method);
        Assert.Equal("+4989700712345", request.RequestUri.User);
        Assert.Equal("phone", request.RequestUri.Parameters["user"]);
        Assert.Equal("z9hG4bK776asdhds", request.TopVia!.Branch);
        Assert.True(request.TopVia.HasRPort);
        Assert.Null(request.TopVia.RPort);
        Assert.Equal("192.0.2.10:5060", request.TopVia.SentBy);
        Assert.Equal("UDP", request.TopVia.Transport);
        Assert.Equal("1928301774", request.From!.Tag);
        Assert.Equal("Attendant 1", request.From.DisplayName);
        Assert.Null(request.To!.Tag);
        Assert.Equal("a84b4c76e66710@cps.example.com", request.CallId);
        Assert.Equal(new SipCSeq(314159, "INVITE"), request.CSeq);
        Assert.Equal(70, request.MaxForwards);
        Assert.Equal("udp", request.Contact!.Uri.Transport);
        Assert.Equal("application/sdp", request.ContentType!.MediaType);
        Assert.Equal(SampleMessages.Sdp, Encoding.ASCII.GetString(request.Body.Span));
        Assert.Equal(9, request.Headers.GetValues("Allow").Count);
    }

    [Fact]
    public void Parses_a_response_and_keeps_reason_phrase()
    {
        var response = Assert.IsType<SipResponse>(Parse("SIP/2.0 486 Busy Here\r\nVia: SIP/2.0/TCP h;branch=z9hG4bK1\r\nContent-Length: 0\r\n\r\n"));
        Assert.Equal(486, response.StatusCode);
        Assert.Equal("Busy Here", response.ReasonPhrase);
        Assert.Equal("TCP", response.TopVia!.Transport);
    }

    [Fact]
    public void Expands_compact_forms_to_canonical_names()
    {
        var m = Parse("OPTIONS sip:a@b SIP/2.0\r\nv: SIP/2.0/UDP h;branch=z9hG4bK1\r\ni: x@y\r\nf: <sip:a@b>;tag=1\r\nt: <sip:c@d>\r\n" +
                      "m: <sip:a@h>\r\nl: 0\r\nk: timer\r\ns: hi\r\ne: gzip\r\no: refer\r\nu: refer\r\nr: <sip:x@y>\r\nx: 90\r\nc: text/plain\r\n\r\n");
        Assert.Equal(
            ["Via", "Call-ID", "From", "To", "Contact", "Content-Length", "Supported", "Subject", "Content-Encoding", "Event", "Allow-Events", "Refer-To", "Session-Expires", "Content-Type"],
            m.Headers.Select(h => h.Name).ToArray());
        Assert.Equal("x@y", m.Headers.GetFirst("call-id"));
        Assert.Equal("x@y", m.Headers.GetFirst("i"));
    }

    [Fact]
    public void Keeps_unknown_headers_verbatim_and_in_order()
    {
        var m = Parse("OPTIONS sip:a@b SIP/2.0\r\nX-First: one;;,\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nx-second:two  \r\nX-First: three\r\n\r\n");
        Assert.Equal([new SipHeader("X-First", "one;;,"), new SipHeader("Via", "SIP/2.0/UDP h;branch=z9hG4bK1"), new SipHeader("x-second", "two"), new SipHeader("X-First", "three")], m.Headers.ToArray());
        Assert.Equal(["one;;,", "three"], m.Headers.GetAll("x-first"));
        Assert.Contains("x-second: two\r\n", Encoding.UTF8.GetString(m.ToBytes()));
    }

    [Fact]
    public void Unfolds_continuation_lines_into_one_space()
    {
        var m = Parse("OPTIONS sip:a@b SIP/2.0\r\nSubject: first\r\n   second\r\n\tthird\r\nVia: SIP/2.0/UDP h\r\n ;branch=z9hG4bK1\r\n\r\n");
        Assert.Equal("first second third", m.Headers.GetFirst("Subject"));
        Assert.Equal("z9hG4bK1", m.TopVia!.Branch);
    }

    [Fact]
    public void Splits_multi_value_headers_and_several_via_values()
    {
        var m = Parse("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP a;branch=z9hG4bK1, SIP/2.0/TCP b:5070;branch=z9hG4bK2;received=192.0.2.1\r\nVia: SIP/2.0/TLS c;branch=z9hG4bK3;rport=5061\r\n" +
                      "Contact: \"A, B\" <sip:a,b@h;x=1>;q=0.5, <sip:c@d>\r\nContent-Length: 0\r\n\r\n");
        Assert.Equal(["a", "b", "c"], m.Vias.Select(v => v.Host).ToArray());
        Assert.Equal("192.0.2.1", m.Vias[1].Received);
        Assert.Equal(5061, m.Vias[2].RPort);
        Assert.Equal(2, m.Contacts.Count);
        Assert.Equal("A, B", m.Contacts[0].DisplayName);
        Assert.Equal("0.5", m.Contacts[0].Parameters["q"]);
    }

    [Fact]
    public void Datagram_ignores_octets_after_content_length_and_takes_rest_when_absent()
    {
        var withLength = Parse("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 3\r\n\r\nabcdef");
        Assert.Equal("abc", Encoding.ASCII.GetString(withLength.Body.Span));
        var withoutLength = Parse("OPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h\r\n\r\nabcdef");
        Assert.Equal("abcdef", Encoding.ASCII.GetString(withoutLength.Body.Span));
    }

    [Fact]
    public void Content_length_larger_than_datagram_fails_but_returns_the_message_for_a_400()
    {
        Assert.False(SipParser.TryParse("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x\r\nContent-Length: 30\r\n\r\nabc"u8, out var message, out var error));
        Assert.Equal(SipParseErrorKind.BodyTruncated, error.Kind);
        Assert.Equal("x", message!.CallId);
    }

    [Theory]
    [InlineData("", SipParseErrorKind.Empty)]
    [InlineData("\r\n\r\n", SipParseErrorKind.Empty)]
    [InlineData("INVITE sip:a@b SIP/2.0", SipParseErrorKind.HeadersNotTerminated)]
    [InlineData("INVITE  sip:a@b SIP/2.0\r\n\r\n", SipParseErrorKind.BadRequestLine)]
    [InlineData("INVITE sip:a@b SIP/2.0 \r\n\r\n", SipParseErrorKind.BadRequestLine)]
    [InlineData("INVITE <sip:a@b> SIP/2.0\r\n\r\n", SipParseErrorKind.BadRequestUri)]
    [InlineData("SIP/2.0 700 Big\r\n\r\n", SipParseErrorKind.BadStatusLine)]
    [InlineData("SIP/2.0 20 OK\r\n\r\n", SipParseErrorKind.BadStatusLine)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nNoColon\r\n\r\n", SipParseErrorKind.BadHeaderLine)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\n continuation\r\n\r\n", SipParseErrorKind.BadHeaderLine)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: -1\r\n\r\n", SipParseErrorKind.BadContentLength)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nContent-Length: 1\r\nl: 2\r\n\r\nab", SipParseErrorKind.ConflictingContentLength)]
    public void Rejects_malformed_input_with_the_reason(string text, SipParseErrorKind kind)
    {
        Assert.Equal(kind, Reject(text).Kind);
    }

    [Fact]
    public void Enforces_configured_bounds()
    {
        var limits = new SipParserLimits { MaxHeaderCount = 2, MaxHeaderLineBytes = 40, MaxMessageBytes = 200 };
        var tooMany = "OPTIONS sip:a@b SIP/2.0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n"u8;
        Assert.False(SipParser.TryParse(tooMany, limits, out _, out var e1));
        Assert.Equal(SipParseErrorKind.TooManyHeaders, e1.Kind);
        var tooLong = Encoding.ASCII.GetBytes("OPTIONS sip:a@b SIP/2.0\r\nA: " + new string('x', 50) + "\r\n\r\n");
        Assert.False(SipParser.TryParse(tooLong, limits, out _, out var e2));
        Assert.Equal(SipParseErrorKind.HeaderTooLong, e2.Kind);
        Assert.False(SipParser.TryParse(new byte[201], limits, out _, out var e3));
        Assert.Equal(SipParseErrorKind.MessageTooLarge, e3.Kind);
    }

    [Fact]
    public void Error_says_where()
    {
        var error = Reject("OPTIONS sip:a@b SIP/2.0\r\nGood: 1\r\nBad line\r\n\r\n");
        Assert.Equal(SipParseErrorKind.BadHeaderLine, error.Kind);
        Assert.Equal(34, error.Offset);
        Assert.Contains("at byte 34", error.ToString());
    }
}

public class SipParserOwnedBufferTests
{
    [Fact]
    public void Parsing_an_owned_buffer_at_an_offset_gives_the_same_message_without_copying()
    {
        var bytes = SampleMessages.InviteBytes;
        var buffer = new byte[bytes.Length + 40];
        bytes.CopyTo(buffer, 17);
        Assert.True(SipParser.TryParseOwned(buffer, 17, bytes.Length, SipParserLimits.Default, out var owned, out var error), error.ToString());
        Assert.True(SipParser.TryParse(bytes, out var copied, out _));
        Assert.True(owned!.ContentEquals(copied!));
        Assert.Equal(bytes, owned.ToBytes());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(owned.Body, out var segment));
        Assert.Same(buffer, segment.Array);
        Assert.Equal(((SipRequest)copied!).RequestUri, ((SipRequest)owned).RequestUri);
    }

    [Fact]
    public void Errors_in_an_owned_buffer_report_offsets_within_the_given_range()
    {
        var text = System.Text.Encoding.ASCII.GetBytes("xxxxSIP/2.0 999 Nope\r\n\r\n");
        Assert.False(SipParser.TryParseOwned(text, 4, text.Length - 4, SipParserLimits.Default, out _, out var error));
        Assert.Equal(SipParseErrorKind.BadStatusLine, error.Kind);
        Assert.Equal(8, error.Offset);
    }
}
