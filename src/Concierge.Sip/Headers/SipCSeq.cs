using System.Globalization;

namespace Concierge.Sip.Headers;

/// <summary>The CSeq header: a sequence number (0 to 2^32-1) and the request method.</summary>
public readonly record struct SipCSeq(uint Number, string Method)
{
    /// <summary>`number METHOD`.</summary>
    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + Method;
}
