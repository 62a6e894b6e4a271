using System.Text;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using Concierge.Sip.Tests.Support;
using Concierge.Sip.Validation;
using static Concierge.Sip.Tests.Torture.TortureHarness;

namespace Concierge.Sip.Tests.Torture;

/// <summary>RFC 4475 §3.1.1: valid messages parse with the right values.</summary>
public class Rfc4475ValidMessageTests
{
    [Fact]
    public void Rfc4475_wsinv_short_tortuous_invite()
    {
        var r = Parse<SipRequest>("wsinv.dat");
        Assert.Equal("INVITE", r.Method);
        Assert.True(r.RequestUri.Parameters.Contains("unknownparam"));
        Assert.Equal("1918181833n", r.To!.Tag);
        Assert.Equal("J Rosenberg \\\"", r.From!.DisplayName);
        Assert.Equal("98asjd8", r.From.Tag);
        Assert.Equal(68, r.MaxForwards);
        Assert.Equal(new SipCSeq(9, "INVITE"), r.CSeq);
        Assert.Equal(["192.0.2.2", "spindle.example.com", "192.168.255.111"], r.Vias.Select(v => v.Host).ToArray());
        Assert.Equal(["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"], r.Vias.Select(v => v.Branch!).ToArray());
        Assert.Equal("TCP", r.Vias[1].Transport);
        Assert.Equal("newfangled value continued newfangled value", r.Headers.GetFirst("NewFangledHeader"));
        Assert.Equal(";;,,;;,;", r.Headers.GetFirst("UnknownHeaderWithUnusualValue"));
        Assert.Equal("", r.Headers.GetFirst("Subject"));
        Assert.True(r.Routes.Single().Uri.IsLooseRouter);
        var contact = r.Contact!;
        Assert.Equal("Quoted string \"\"", contact.DisplayName);
        Assert.Equal("newvalue", contact.Parameters["newparam"]);
        Assert.True(contact.Parameters.Contains("secondparam"));
        Assert.Equal("0.33", contact.Parameters["q"]);
        Assert.Equal(150, r.Body.Length);
        Assert.True(Validate("wsinv.dat").IsAccepted);
    }

    [Fact]
    public void Rfc4475_intmeth_wide_range_of_valid_characters()
    {
        var r = Parse<SipRequest>("intmeth.dat");
        Assert.Equal("!interesting-Method0123456789_*+`.%indeed'~", r.Method);
        Assert.Equal("1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*", r.RequestUri.User);
        Assert.Equal("&it+has=1,weird!*pas$wo~d_too.(doesn't-it)", r.RequestUri.Password);
        Assert.Equal("z9hG4bK-.!%66*_+`'~", r.TopVia!.Branch);
        Assert.Equal("BEL:\u0007 NUL:\0 DEL:\u007f", r.To!.DisplayName);
        Assert.Equal("token1~` token2'+_ token3*%!.-", r.From!.DisplayName);
        Assert.Equal("_token~1'+`*%!-.", r.From.Tag);
        Assert.Equal("\"работающий\"", r.From.Parameters["fromParam''~+*_!.-%"]);
        Assert.Equal("intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{", r.CallId);
        Assert.Equal(r.Method, r.CSeq!.Value.Method);
        Assert.Equal("\uFEFF大停電", r.Headers.GetFirst("extensionHeader-!.%*+_`'~"));
        var result = Validate("intmeth.dat");
        Assert.Equal(501, result.StatusCode);
        Assert.Contains(result.ExtraHeaders, h => h.Name == SipHeaderNames.Allow && h.Value.Contains("INVITE"));
    }

    [Fact]
    public void Rfc4475_esc01_escaped_characters_in_uris()
    {
        var r = Parse<SipRequest>("esc01.dat");
        Assert.Equal("sips:user@example.com", r.RequestUri.User);
        Assert.Equal("example.net", r.RequestUri.Host);
        Assert.Equal("user", r.To!.Uri.User);
        Assert.Equal("I have spaces", r.From!.Uri.User);
        Assert.Equal("esc01.239409asdfakjkn23onasd0-3234", r.CallId);
        var contact = r.Contact!.Uri;
        Assert.Equal("caller", contact.User);
        Assert.True(contact.IsLooseRouter);
        Assert.Equal("value%41", contact.Parameters["name"]);
        Assert.Equal("sip:sips%3Auser%40example.com@example.net", r.RequestUri.ToString());
        Assert.True(Validate("esc01.dat").IsAccepted);
    }

    [Fact]
    public void Rfc4475_escnull_escaped_nulls_in_uris()
    {
        var r = Parse<SipRequest>("escnull.dat");
        Assert.Equal("null-\0-null", r.To!.Uri.User);
        Assert.Equal(["\0", "\0\0"], r.Contacts.Select(c => c.Uri.User!).ToArray());
        Assert.Equal(0, r.ContentLength);
        AssertAccepted("escnull.dat", SipValidatorRole.Registrar);
    }

    [Fact]
    public void Rfc4475_esc02_percent_is_not_an_escape_in_method_or_header_names()
    {
        var r = Parse<SipRequest>("esc02.dat");
        Assert.Equal("RE%47IST%45R", r.Method);
        Assert.Equal("%Z%45", r.To!.DisplayName);
        Assert.Equal(2, r.Contacts.Count);
        Assert.Equal("<sip:alias2@host2.example.com>", r.Headers.GetFirst("C%6Fntact"));
        Assert.Equal(501, Validate("esc02.dat").StatusCode);
    }

    [Fact]
    public void Rfc4475_lwsdisp_no_lws_between_display_name_and_angle_bracket()
    {
        var r = Parse<SipRequest>("lwsdisp.dat");
        Assert.Equal("caller", r.From!.DisplayName);
        Assert.Equal("caller", r.From.Uri.User);
        Assert.Equal("323", r.From.Tag);
        AssertAccepted("lwsdisp.dat");
    }

    [Fact]
    public void Rfc4475_longreq_long_values_in_header_fields()
    {
        var r = Parse<SipRequest>("longreq.dat");
        Assert.Equal(6000, r.To!.Uri.Port);
        Assert.StartsWith("I have a user name of extremeextreme", r.To.DisplayName);
        Assert.StartsWith("amazinglylongcallername", r.From!.Uri.User);
        Assert.Equal(34, r.Vias.Count);
        Assert.Equal("sip33.example.com", r.TopVia!.Host);
        Assert.Equal("192.0.2.5", r.Vias[^1].Received);
        Assert.True(r.Vias[^1].Branch!.Length > 100);
        Assert.True(r.CallId!.Length > 100);
        Assert.Equal(150, r.Body.Length);
        AssertAccepted("longreq.dat");
    }

    [Fact]
    public void Rfc4475_dblreq_extra_trailing_octets_in_a_udp_datagram()
    {
        var r = Parse<SipRequest>("dblreq.dat");
        Assert.Equal("REGISTER", r.Method);
        Assert.Equal(0, r.Body.Length);
        Assert.Equal("dblreq.0ha0isndaksdj99sdfafnl3lk233412", r.CallId);
        AssertAccepted("dblreq.dat", SipValidatorRole.Registrar);
    }

    [Fact]
    public void Rfc4475_semiuri_semicolon_separated_parameters_in_uri_user_part()
    {
        var r = Parse<SipRequest>("semiuri.dat");
        Assert.Equal("user;par=u@example.net", r.RequestUri.User);
        Assert.Equal("example.com", r.RequestUri.Host);
        Assert.Empty(r.RequestUri.Parameters);
        Assert.Equal(6, r.Headers.GetValues("Accept").Count);
        AssertAccepted("semiuri.dat");
    }

    [Fact]
    public void Rfc4475_transports_varied_and_unknown_transport_types()
    {
        var r = Parse<SipRequest>("transports.dat");
        Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], r.Vias.Select(v => v.Transport).ToArray());
        AssertAccepted("transports.dat");
    }

    [Fact]
    public void Rfc4475_mpart01_multipart_body_with_binary_part_frames_correctly()
    {
        var bytes = TestData.Torture("mpart01.dat");
        var r = Parse<SipRequest>("mpart01.dat");
        Assert.Equal(553, r.Body.Length);
        Assert.Equal("multipart", r.ContentType!.Type);
        Assert.Equal("7a9cbec02ceef655", r.ContentType.Parameters["boundary"]);
        Assert.Contains((byte)0, r.Body.ToArray());
        Assert.True(r.Body.Span.SequenceEqual(bytes.AsSpan(bytes.Length - 553)));
        var framer = new SipStreamFramer();
        var framed = new List<SipMessage>();
        Assert.True(framer.TryPush(bytes, framed));
        Assert.Equal(553, Assert.Single(framed).Body.Length);
    }

    [Fact]
    public void Rfc4475_unreason_utf8_reason_phrase()
    {
        var r = Parse<SipResponse>("unreason.dat");
        Assert.Equal(200, r.StatusCode);
        Assert.StartsWith("= 2**3 * 5**2 \u043d\u043e", r.ReasonPhrase);
        Assert.Null(new SipResponseValidator().Check(r));
    }

    [Fact]
    public void Rfc4475_noreason_empty_reason_phrase()
    {
        var r = Parse<SipResponse>("noreason.dat");
        Assert.Equal(100, r.StatusCode);
        Assert.Equal("", r.ReasonPhrase);
        Assert.Null(new SipResponseValidator().Check(r));
    }
}
