using Concierge.Sip.Parsing;

namespace Concierge.Sip.Message;

/// <summary>SIP method names (case-sensitive, RFC 3261 §7.1) and interning of the common ones.</summary>
public static class SipMethod
{
    /// <summary>INVITE.</summary>
    public const string Invite = "INVITE";
    /// <summary>ACK.</summary>
    public const string Ack = "ACK";
    /// <summary>BYE.</summary>
    public const string Bye = "BYE";
    /// <summary>CANCEL.</summary>
    public const string Cancel = "CANCEL";
    /// <summary>OPTIONS.</summary>
    public const string Options = "OPTIONS";
    /// <summary>REGISTER.</summary>
    public const string Register = "REGISTER";
    /// <summary>INFO (RFC 6086).</summary>
    public const string Info = "INFO";
    /// <summary>UPDATE (RFC 3311).</summary>
    public const string Update = "UPDATE";
    /// <summary>REFER (RFC 3515).</summary>
    public const string Refer = "REFER";
    /// <summary>NOTIFY (RFC 6665).</summary>
    public const string Notify = "NOTIFY";
    /// <summary>SUBSCRIBE (RFC 6665).</summary>
    public const string Subscribe = "SUBSCRIBE";
    /// <summary>MESSAGE (RFC 3428).</summary>
    public const string Message = "MESSAGE";
    /// <summary>PRACK (RFC 3262).</summary>
    public const string Prack = "PRACK";
    /// <summary>PUBLISH (RFC 3903).</summary>
    public const string Publish = "PUBLISH";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Options, Register, Info, Update, Refer, Notify, Subscribe, Message, Prack, Publish];

    /// <summary>True for a method name made of token characters.</summary>
    public static bool IsValid(string method) => SipCharClass.AllToken(method.AsSpan());

    internal static string Intern(ReadOnlySpan<byte> method)
    {
        foreach (var known in Known)
        {
            if (method.Length == known.Length && Matches(method, known))
            {
                return known;
            }
        }
        return SpanText.Utf8(method);
    }

    private static bool Matches(ReadOnlySpan<byte> bytes, string text)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] != text[i])
            {
                return false;
            }
        }
        return true;
    }
}
