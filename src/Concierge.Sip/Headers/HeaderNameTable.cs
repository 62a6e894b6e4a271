using Concierge.Sip.Parsing;

namespace Concierge.Sip.Headers;

/// <summary>Maps header names (any case, compact forms) to <see cref="HeaderId"/> and back.</summary>
internal static class HeaderNameTable
{
    private static readonly string[] Names = ["", SipHeaderNames.Accept, SipHeaderNames.AcceptContact, SipHeaderNames.AcceptEncoding, SipHeaderNames.AcceptLanguage, SipHeaderNames.AlertInfo, SipHeaderNames.Allow, SipHeaderNames.AllowEvents, SipHeaderNames.AuthenticationInfo, SipHeaderNames.Authorization, SipHeaderNames.CallId, SipHeaderNames.CallInfo, SipHeaderNames.Contact, SipHeaderNames.ContentDisposition, SipHeaderNames.ContentEncoding, SipHeaderNames.ContentLanguage, SipHeaderNames.ContentLength, SipHeaderNames.ContentType, SipHeaderNames.CSeq, SipHeaderNames.Date, SipHeaderNames.Diversion, SipHeaderNames.ErrorInfo, SipHeaderNames.Event, SipHeaderNames.Expires, SipHeaderNames.From, SipHeaderNames.HistoryInfo, SipHeaderNames.Identity, SipHeaderNames.InReplyTo, SipHeaderNames.MaxForwards, SipHeaderNames.MimeVersion, SipHeaderNames.MinExpires, SipHeaderNames.MinSe, SipHeaderNames.Organization, SipHeaderNames.PAssertedIdentity, SipHeaderNames.PPreferredIdentity, SipHeaderNames.Priority, SipHeaderNames.Privacy, SipHeaderNames.ProxyAuthenticate, SipHeaderNames.ProxyAuthorization, SipHeaderNames.ProxyRequire, SipHeaderNames.RAck, SipHeaderNames.Reason, SipHeaderNames.RecordRoute, SipHeaderNames.ReferTo, SipHeaderNames.ReferredBy, SipHeaderNames.RejectContact, SipHeaderNames.Replaces, SipHeaderNames.ReplyTo, SipHeaderNames.RequestDisposition, SipHeaderNames.Require, SipHeaderNames.RetryAfter, SipHeaderNames.Route, SipHeaderNames.RSeq, SipHeaderNames.Server, SipHeaderNames.SessionExpires, SipHeaderNames.Subject, SipHeaderNames.SubscriptionState, SipHeaderNames.Supported, SipHeaderNames.Timestamp, SipHeaderNames.To, SipHeaderNames.Unsupported, SipHeaderNames.UserAgent, SipHeaderNames.Via, SipHeaderNames.Warning, SipHeaderNames.WwwAuthenticate, SipHeaderNames.XSiemensCDR];
    private static readonly bool[] ListFlags = [false, true, true, true, true, true, true, true, false, false, false, true, true, false, true, true, false, false, false, false, true, true, false, false, false, true, false, true, false, false, false, false, false, true, true, false, false, false, false, true, false, true, true, false, false, true, false, false, true, true, false, true, false, false, false, false, false, true, false, false, true, false, true, true, false, false];
    private static readonly HeaderId[] Compact = BuildCompact();
    private static readonly byte[][] LowerNames = Names.Select(n => System.Text.Encoding.ASCII.GetBytes(n.ToLowerInvariant())).ToArray();
    private static readonly HeaderId[][] ByLength = BuildByLength();

    private static HeaderId[][] BuildByLength()
    {
        var max = LowerNames.Max(n => n.Length);
        var buckets = new HeaderId[max + 1][];
        for (var length = 0; length <= max; length++)
        {
            buckets[length] = Enumerable.Range(1, LowerNames.Length - 1).Where(i => LowerNames[i].Length == length).Select(i => (HeaderId)i).ToArray();
        }
        return buckets;
    }

    private static HeaderId[] BuildCompact()
    {
        var table = new HeaderId[128];
        table['a'] = HeaderId.AcceptContact;
        table['u'] = HeaderId.AllowEvents;
        table['i'] = HeaderId.CallId;
        table['m'] = HeaderId.Contact;
        table['e'] = HeaderId.ContentEncoding;
        table['l'] = HeaderId.ContentLength;
        table['c'] = HeaderId.ContentType;
        table['o'] = HeaderId.Event;
        table['f'] = HeaderId.From;
        table['y'] = HeaderId.Identity;
        table['r'] = HeaderId.ReferTo;
        table['b'] = HeaderId.ReferredBy;
        table['j'] = HeaderId.RejectContact;
        table['d'] = HeaderId.RequestDisposition;
        table['x'] = HeaderId.SessionExpires;
        table['s'] = HeaderId.Subject;
        table['k'] = HeaderId.Supported;
        table['t'] = HeaderId.To;
        table['v'] = HeaderId.Via;
        return table;
    }

    public static string Name(HeaderId id) => Names[(int)id];

    public static bool IsList(HeaderId id) => ListFlags[(int)id];

    public static HeaderId Lookup(string name)
    {
        Span<byte> buffer = stackalloc byte[64];
        if (name.Length > buffer.Length)
        {
            return HeaderId.Unknown;
        }
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] > 127)
            {
                return HeaderId.Unknown;
            }
            buffer[i] = (byte)name[i];
        }
        return Lookup(buffer[..name.Length]);
    }

    public static HeaderId Lookup(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var c = name[0] | 0x20;
            return c < 128 ? Compact[c] : HeaderId.Unknown;
        }
        if (name.Length >= ByLength.Length)
        {
            return HeaderId.Unknown;
        }
        foreach (var id in ByLength[name.Length])
        {
            if (EqualsLower(name, LowerNames[(int)id]))
            {
                return id;
            }
        }
        return HeaderId.Unknown;
    }

    private static bool EqualsLower(ReadOnlySpan<byte> name, byte[] lower)
    {
        for (var i = 0; i < name.Length; i++)
        {
            var b = name[i];
            if ((uint)(b - 'A') <= 'Z' - 'A')
            {
                b |= 0x20;
            }
            if (b != lower[i])
            {
                return false;
            }
        }
        return true;
    }
}
