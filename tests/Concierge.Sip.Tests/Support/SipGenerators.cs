using System.Text;
using Concierge.Sip.Headers;
using Concierge.Sip.Message;
using FsCheck;
using FsCheck.Fluent;

namespace Concierge.Sip.Tests.Support;

/// <summary>FsCheck generators for URIs, name-addrs, Via values and whole messages.</summary>
internal static class SipGenerators
{
    private const string TokenChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~";
    private const string Alnum = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static Gen<string> StringOf(string alphabet, int min, int max) =>
        from length in Gen.Choose(min, max)
        from chars in Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray()), length)
        select new string(chars);

    public static readonly Gen<string> Token = StringOf(TokenChars, 1, 12);

    /// <summary>Printable text with quotes, backslashes, spaces and non-ASCII letters (no control characters).</summary>
    public static readonly Gen<string> FreeText = StringOf("abcXYZ 019\"\\<>;,:@=?&%äöü€日本", 0, 16);

    public static readonly Gen<string> HostName =
        from labelCount in Gen.Choose(1, 4)
        from labels in Gen.ArrayOf(StringOf(Alnum, 1, 8), labelCount)
        select string.Join('.', labels);

    public static readonly Gen<string> Host = Gen.OneOf(
        HostName,
        from a in Gen.Choose(0, 255) from b in Gen.Choose(0, 255) select $"192.0.{a}.{b}",
        from a in Gen.Choose(0, 0xffff) select $"[2001:db8::{a:x}]");

    private static Gen<SipParameters> Parameters(Gen<string> names, Gen<string?> values, int max) =>
        from count in Gen.Choose(0, max)
        from names2 in Gen.ArrayOf(names, count)
        from values2 in Gen.ArrayOf(values, count)
        select SipParameters.Of(names2.Distinct(StringComparer.OrdinalIgnoreCase).Select((n, i) => new SipParameter(n, values2[i])));

    private static readonly Gen<string?> UriParamValue = Gen.OneOf(Gen.Constant<string?>(null), StringOf("abc019-_.!~*'()[]/:&+$ %äé;=", 1, 10).Select(s => (string?)s));

    public static readonly Gen<SipUri> SipUris =
        from scheme in Gen.Elements("sip", "sips")
        from user in Gen.OneOf(Gen.Constant<string?>(null), StringOf("abcXYZ019-_.!~*'()&=+$,;?/ :@%ä\0", 1, 14).Select(s => (string?)s))
        from host in Host
        from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 65535).Select(p => (int?)p))
        from parameters in Parameters(StringOf("abclrtransport-_", 1, 9), UriParamValue, 3)
        from headers in Parameters(StringOf("abcRoute", 1, 6), StringOf("abc<>@: ?=&%", 0, 8).Select(s => (string?)s), 2)
        select new SipUri(scheme, user, host, port, parameters, headers);

    public static readonly Gen<SipUri> TelUris =
        from number in StringOf("0123456789-+", 1, 15)
        from parameters in Parameters(StringOf("phone-context", 1, 8), UriParamValue, 2)
        select SipUri.Tel(number, parameters);

    public static readonly Gen<SipUri> Uris = Gen.Frequency((4, SipUris), (1, TelUris));

    private static readonly Gen<string?> TokenValue = Gen.OneOf(Gen.Constant<string?>(null), Token.Select(s => (string?)s));

    public static readonly Gen<NameAddress> NameAddresses =
        from uri in Uris
        from display in Gen.OneOf(Gen.Constant<string?>(null), FreeText.Select(s => (string?)s))
        from parameters in Parameters(Token, TokenValue, 3)
        select new NameAddress(uri, display, parameters);

    public static readonly Gen<SipVia> Vias =
        from transport in Gen.Elements("UDP", "TCP", "TLS", "SCTP", "WS")
        from host in Host
        from port in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 65535).Select(p => (int?)p))
        from branch in Token
        from received in Gen.Elements<string?>(null, "192.0.2.77")
        from rport in Gen.Elements<string?>(null, "", "5062")
        select Build(transport, host, port, branch, received, rport);

    private static SipVia Build(string transport, string host, int? port, string branch, string? received, string? rport)
    {
        var via = SipVia.Create(transport, host, port, SipVia.BranchCookie + branch);
        if (received is not null)
        {
            via = via.WithReceived(received);
        }
        return rport switch
        {
            null => via,
            "" => via.WithParameter("rport", null),
            _ => via.WithParameter("rport", rport),
        };
    }

    private static readonly Gen<(string Name, string Value)> ExtensionHeaders =
        from name in Token
        from value in StringOf("abc XYZ019\"\\<>;,:@=?&%äöü€\t", 0, 30)
        select ("X-" + name, value.Trim(' ', '\t'));

    public static readonly Gen<SipMessage> Messages =
        from isRequest in Gen.Elements(true, false)
        from method in Gen.Elements(SipMethod.Invite, SipMethod.Bye, SipMethod.Options, SipMethod.Refer, "FOO-BAR")
        from requestUri in Uris
        from status in Gen.Choose(100, 699)
        from reason in FreeText
        from viaCount in Gen.Choose(1, 3)
        from vias in Gen.ArrayOf(Vias, viaCount)
        from viasOnOneLine in Gen.Elements(true, false)
        from fromAddress in NameAddresses
        from toAddress in NameAddresses
        from callId in StringOf(Alnum + "-.!%*_+`'~()<>:\\\"/[]?{}", 1, 20)
        from cseq in Gen.Choose(0, int.MaxValue)
        from contactCount in Gen.Choose(0, 2)
        from contacts in Gen.ArrayOf(NameAddresses, contactCount)
        from extensionCount in Gen.Choose(0, 4)
        from extensions in Gen.ArrayOf(ExtensionHeaders, extensionCount)
        from bodyLength in Gen.Choose(0, 40)
        from body in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), bodyLength)
        from lengthFirst in Gen.Elements(true, false)
        select Build(isRequest, method, requestUri, status, reason.Trim(), vias, viasOnOneLine, fromAddress, toAddress, callId, (uint)cseq, contacts, extensions, body, lengthFirst);

    private static SipMessage Build(bool isRequest, string method, SipUri requestUri, int status, string reason, SipVia[] vias,
        bool viasOnOneLine, NameAddress from, NameAddress to, string callId, uint cseq, NameAddress[] contacts,
        (string Name, string Value)[] extensions, byte[] body, bool lengthFirst)
    {
        SipMessage m = isRequest ? new SipRequest(method, requestUri.WithoutHeaders()) : new SipResponse(status, reason);
        if (lengthFirst)
        {
            m.Headers.Add(SipHeaderNames.ContentLength, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (viasOnOneLine)
        {
            m.Headers.Add(SipHeaderNames.Via, string.Join(", ", vias.Select(v => v.ToString())));
        }
        else
        {
            foreach (var via in vias)
            {
                m.Headers.Add(SipHeaderNames.Via, via.ToString());
            }
        }
        m.From = from;
        m.To = to;
        m.CallId = callId;
        m.CSeq = new SipCSeq(cseq, method);
        foreach (var contact in contacts)
        {
            m.Headers.Add(SipHeaderNames.Contact, contact.ToString());
        }
        foreach (var (name, value) in extensions)
        {
            m.Headers.Add(name, value);
        }
        if (body.Length > 0)
        {
            m.SetBody(new SipMediaType("application", "octet-stream"), body);
        }
        if (!lengthFirst)
        {
            m.Headers.Add(SipHeaderNames.ContentLength, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return m;
    }

    public static string Describe(SipMessage m) => Encoding.UTF8.GetString(m.ToBytes());
}
