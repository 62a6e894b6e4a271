using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using Concierge.Sip.Sdp;
using Concierge.Sip.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Fuzz;

public class TypedParserRobustnessTests
{
    private static readonly Gen<string> Texts = Gen.OneOf(
        SipGenerators.StringOf("sip:tel@;=?&%<>\"\\ ,/:[]0123456789abcXYZ-_.!~*'()\t\0é", 0, 60),
        SipGenerators.NameAddresses.Select(a => a.ToString()).SelectMany(t =>
            Gen.Choose(0, Math.Max(0, t.Length - 1)).Select(cut => t[..cut])),
        from uri in SipGenerators.Uris
        let text = uri.ToString()
        from at in Gen.Choose(0, text.Length - 1)
        from c in Gen.Elements(';', '=', '%', '@', ':', '?', '&', 'x', ' ', '[')
        select text[..at] + c + text[(at + 1)..]);

    [Fact]
    public void Typed_parsers_return_false_instead_of_throwing()
    {
        Prop.ForAll(Texts.ToArbitrary(), text =>
        {
            _ = SipUri.TryParse(text, out var uri) && uri!.ToString().Length >= 0;
            _ = NameAddress.TryParse(text, out var address) && address!.ToString().Length >= 0;
            _ = SipVia.TryParse(text, out _);
            _ = SipMediaType.TryParse(text, out _);
            _ = SipAuthenticationHeader.TryParse(text, out _);
            _ = SipSessionExpires.TryParse(text, out _);
            _ = SipReplaces.TryParse(text, out _);
            _ = SipEvent.TryParse(text, out _);
            _ = SipSubscriptionState.TryParse(text, out _);
            _ = SiemensCdr.TryParse(text, out _);
            _ = SipPrivacyValues.TryParse(text, out _);
            _ = SdpSessionDescription.TryParse("v=0\r\no=- 1 1 IN IP4 h\r\n" + text.Replace(";", "\r\n"), out _, out _);
            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void Any_uri_that_parses_writes_text_that_parses_to_the_same_uri()
    {
        Prop.ForAll(Texts.ToArbitrary(), text =>
            !SipUri.TryParse(text, out var uri) || (SipUri.TryParse(uri!.ToString(), out var again) && again!.Equals(uri)))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }
}
