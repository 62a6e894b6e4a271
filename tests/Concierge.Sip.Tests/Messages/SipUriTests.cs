using Concierge.Sip.Message;

namespace Concierge.Sip.Tests.Messages;

public class SipUriTests
{
    private static SipUri U(string text) => SipUri.Parse(text);

    [Theory]
    [InlineData("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;newparam=5")]
    [InlineData("sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com", "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com")]
    [InlineData("sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:alice@atlanta.com?priority=urgent&subject=project%20x")]
    [InlineData("tel:+1-201-555-0123", "tel:+1.201.555.0123")]
    public void Equivalent_uris_per_rfc3261(string a, string b)
    {
        Assert.True(U(a).IsEquivalentTo(U(b)));
        Assert.True(U(b).IsEquivalentTo(U(a)));
    }

    [Theory]
    [InlineData("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp")]
    [InlineData("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp")]
    [InlineData("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting")]
    [InlineData("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4")]
    [InlineData("sip:a@h", "sips:a@h")]
    public void Different_uris_per_rfc3261(string a, string b)
    {
        Assert.False(U(a).IsEquivalentTo(U(b)));
    }

    [Fact]
    public void Parses_ipv6_hosts_ports_passwords_and_headers()
    {
        var uri = U("sips:alice:secret@[2001:db8::10]:5061;transport=tls?Subject=hi%20there&Priority=urgent");
        Assert.True(uri.IsSecure);
        Assert.Equal("alice", uri.User);
        Assert.Equal("secret", uri.Password);
        Assert.Equal("[2001:db8::10]", uri.Host);
        Assert.Equal(5061, uri.Port);
        Assert.Equal("tls", uri.Transport);
        Assert.Equal("hi there", uri.Headers["subject"]);
        Assert.Equal("sips:alice:secret@[2001:db8::10]:5061;transport=tls?Subject=hi%20there&Priority=urgent", uri.ToString());
    }

    [Theory]
    [InlineData("sip:")]
    [InlineData("sip:@host")]
    [InlineData("sip:host:99999")]
    [InlineData("sip:host;=x")]
    [InlineData("sip:user@host;p=%zz")]
    [InlineData("sip:[2001:db8::1")]
    [InlineData("1sip:host")]
    [InlineData("tel:")]
    [InlineData("sip:a b@host")]
    public void Rejects_malformed_uris(string text)
    {
        Assert.False(SipUri.TryParse(text, out _));
    }

    [Fact]
    public void Header_values_written_by_code_stay_on_one_line_and_names_must_be_tokens()
    {
        var h = new Concierge.Sip.Headers.SipHeaders();
        h.Add("Subject", "one\r\nInjected: yes");
        Assert.Equal("one  Injected: yes", h.GetFirst("Subject"));
        Assert.Single(h);
        Assert.Throws<ArgumentException>(() => h.Add("Bad Name", "x"));
    }
}
