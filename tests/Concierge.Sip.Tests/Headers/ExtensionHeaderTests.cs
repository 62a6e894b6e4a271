using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Parsing;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Headers;

public class ExtensionHeaderTests
{
    private static SipMessage Parse(string headers)
    {
        Assert.True(SipParser.TryParse(System.Text.Encoding.UTF8.GetBytes("INVITE sip:a@b SIP/2.0\r\n" + headers + "Content-Length: 0\r\n\r\n"), out var m, out var e), e.ToString());
        return m!;
    }

    [Fact]
    public void P_asserted_identity_and_privacy()
    {
        var m = Parse("P-Asserted-Identity: \"Reception\" <sip:100@pbx.example.com>, <tel:+49897007100>\r\nPrivacy: id;critical\r\n");
        var ids = m.GetPAssertedIdentities();
        Assert.Equal("Reception", ids[0].DisplayName);
        Assert.Equal("+49897007100", ids[1].Uri.TelephoneNumber);
        Assert.Equal(SipPrivacy.Id | SipPrivacy.Critical, m.GetPrivacy());

        m.SetPAssertedIdentities(new NameAddress(SipUri.Sip("4711", "cps.example.com"), "Attendant"));
        m.SetPrivacy(SipPrivacy.None);
        Assert.Equal("\"Attendant\" <sip:4711@cps.example.com>", m.Headers.GetFirst("P-Asserted-Identity"));
        Assert.Equal("none", m.Headers.GetFirst("Privacy"));
        Assert.False(SipPrivacyValues.TryParse("id;bogus", out _));
    }

    [Fact]
    public void Diversion_most_recent_first()
    {
        var m = Parse("Diversion: <sip:200@pbx.example.com>;reason=no-answer;counter=1\r\n");
        m.AddDiversion(SipDiversion.Create(SipUri.Sip("300", "pbx.example.com"), "user-busy"));
        var diversions = m.GetDiversions();
        Assert.Equal(["user-busy", "no-answer"], diversions.Select(d => d.Reason!).ToArray());
        Assert.Equal("300", diversions[0].Uri.User);
        Assert.Equal(1, diversions[1].Counter);
    }

    [Fact]
    public void History_info_with_embedded_reason()
    {
        var m = Parse("History-Info: <sip:100@pbx.example.com>;index=1, <sip:200@pbx.example.com?Reason=SIP%3Bcause%3D486%3Btext%3D%22Busy%22>;index=1.1;mp=1\r\n");
        var entries = m.GetHistoryInfo();
        Assert.Equal(["1", "1.1"], entries.Select(e => e.Index!).ToArray());
        Assert.Equal("SIP;cause=486;text=\"Busy\"", entries[1].Reason);
        Assert.Equal(486, entries[1].Cause);
        m.AddHistoryInfo(SipHistoryInfoEntry.Create(SipUri.Sip("300", "pbx.example.com"), "1.1.1", "SIP;cause=302", "1.1"));
        var added = m.GetHistoryInfo()[2];
        Assert.Equal(302, added.Cause);
        Assert.Equal("1.1", added.Address.Parameters["mp"]);
    }

    [Fact]
    public void X_siemens_cdr_carries_the_charge_number()
    {
        var m = Parse("");
        m.SetSiemensCdr(SiemensCdr.ForChargeNumber("+4989700712345"));
        Assert.Equal("charge=+4989700712345", m.Headers.GetFirst("X-Siemens-CDR"));
        Assert.True(SipParser.TryParse(m.ToBytes(), out var back, out _));
        Assert.Equal("+4989700712345", back!.GetSiemensCdr()!.ChargeNumber);
        Assert.True(SiemensCdr.TryParse(";charge=\"7100\";site=2", out var other));
        Assert.Equal("7100", other!.ChargeNumber);
        Assert.Equal("2", other.OtherParameters["site"]);
        Assert.False(SiemensCdr.TryParse("nothing=1", out _));
    }

    [Fact]
    public void Session_timer_values()
    {
        var m = Parse("Session-Expires: 1800;refresher=uac\r\nMin-SE: 90\r\nx: 4\r\n".Replace("x: 4\r\n", ""));
        Assert.Equal(new SipSessionExpires(TimeSpan.FromMinutes(30), "uac"), m.GetSessionExpires());
        Assert.Equal(TimeSpan.FromSeconds(90), m.GetMinSessionExpires());
        m.SetSessionExpires(new SipSessionExpires(TimeSpan.FromSeconds(600), SipSessionExpires.Uas));
        Assert.Equal("600;refresher=uas", m.Headers.GetFirst("x"));
        Assert.False(SipSessionExpires.TryParse("90;refresher=both", out _));
        Assert.False(SipSessionExpires.TryParse("ninety", out _));
    }

    [Fact]
    public void Replaces_and_refer_to_with_embedded_replaces()
    {
        var replaces = new SipReplaces("abc@192.0.2.1", "to-1", "from-2", EarlyOnly: true);
        var m = Parse("");
        m.SetReplaces(replaces);
        Assert.Equal("abc@192.0.2.1;to-tag=to-1;from-tag=from-2;early-only", m.Headers.GetFirst("Replaces"));
        Assert.Equal(replaces, m.GetReplaces());

        m.SetReferTo(SipUri.Sip("200", "pbx.example.com"), replaces with { EarlyOnly = false });
        Assert.Equal("<sip:200@pbx.example.com?Replaces=abc%40192.0.2.1%3Bto-tag%3Dto-1%3Bfrom-tag%3Dfrom-2>", m.Headers.GetFirst("Refer-To"));
        Assert.True(SipParser.TryParse(m.ToBytes(), out var back, out _));
        Assert.Equal(replaces with { EarlyOnly = false }, back!.GetReferToReplaces());
        Assert.Equal("200", back!.GetReferTo()!.Uri.User);
        Assert.False(SipReplaces.TryParse("abc;to-tag=1", out _));
    }

    [Fact]
    public void Event_and_subscription_state()
    {
        var m = Parse("o: refer;id=93809824\r\nSubscription-State: terminated;reason=noresource\r\n");
        Assert.Equal("refer", m.GetEvent()!.Package);
        Assert.Equal("93809824", m.GetEvent()!.Id);
        var state = m.GetSubscriptionState()!;
        Assert.True(state.IsTerminated);
        Assert.Equal("noresource", state.Reason);
        m.SetSubscriptionState(SipSubscriptionState.Create(SipSubscriptionState.Active, TimeSpan.FromSeconds(60)));
        Assert.Equal("active;expires=60", m.Headers.GetFirst("Subscription-State"));
        Assert.Equal(TimeSpan.FromSeconds(60), m.GetSubscriptionState()!.Expires);
    }

    [Fact]
    public void Option_tags_and_allow()
    {
        var m = Parse("Supported: timer, replaces\r\nk: 100rel\r\nRequire: timer\r\nAllow: INVITE, ACK,BYE\r\n");
        Assert.Equal(["timer", "replaces", "100rel"], m.GetOptionTags("Supported"));
        Assert.True(m.Supports("100rel"));
        Assert.True(m.Requires("timer"));
        Assert.Equal(["INVITE", "ACK", "BYE"], m.GetAllowedMethods());
        m.SetList(SipHeaderNames.Allow, SipMethod.Invite, SipMethod.Bye);
        Assert.Equal("INVITE, BYE", m.Headers.GetFirst("Allow"));
    }

    [Fact]
    public void Authentication_headers_parse_params()
    {
        var m = Parse("WWW-Authenticate: Digest realm=\"osv.example.com\", nonce=\"a1b2,c3\", algorithm=SHA-256, qop=\"auth,auth-int\", stale=TRUE\r\n" +
                      "WWW-Authenticate: Digest realm=\"osv.example.com\", nonce=\"x\", algorithm=MD5\r\n");
        var challenges = m.GetAuthenticationHeaders(SipHeaderNames.WwwAuthenticate);
        Assert.Equal(2, challenges.Count);
        Assert.Equal("osv.example.com", challenges[0].Realm);
        Assert.Equal("a1b2,c3", challenges[0].Nonce);
        Assert.Equal("SHA-256", challenges[0].Algorithm);
        Assert.Equal("auth,auth-int", challenges[0].Qop);
        Assert.True(challenges[0].Stale);
        Assert.Equal("MD5", challenges[1].Algorithm);

        var credentials = SipAuthenticationHeader.Create("Digest", ("username", "cps"), ("realm", "osv.example.com"), ("nonce", "x"),
            ("uri", "sip:osv.example.com"), ("response", "0123"), ("algorithm", "MD5"), ("nc", "00000001"));
        Assert.Equal("Digest username=\"cps\", realm=\"osv.example.com\", nonce=\"x\", uri=\"sip:osv.example.com\", response=\"0123\", algorithm=MD5, nc=00000001", credentials.ToString());
        Assert.False(SipAuthenticationHeader.TryParse("Digest realm=\"open", out _));
        Assert.False(SipAuthenticationHeader.TryParse("Digest realm", out _));
    }

    [Fact]
    public void Authentication_header_round_trips()
    {
        var gen = from names in Gen.SubListOf<string>(["realm", "nonce", "opaque", "algorithm", "qop", "username"])
                  from values in Gen.ArrayOf(Support.SipGenerators.StringOf("abcXYZ019,=\" \\:/", 1, 12), names.Count)
                  select SipAuthenticationHeader.Create("Digest", names.Zip(values).Where(p => p.First != "algorithm" || !p.Second.Any(c => c is ' ' or '"' or ',' or '\\')));
        Prop.ForAll(gen.ToArbitrary(), header =>
            SipAuthenticationHeader.TryParse(header.ToString(), out var back) && back!.ToString() == header.ToString()
            && back.Parameters.Select(p => p.Value).SequenceEqual(header.Parameters.Select(p => p.Value))).QuickCheckThrowOnFailure();
    }
}
