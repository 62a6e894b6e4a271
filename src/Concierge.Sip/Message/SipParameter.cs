namespace Concierge.Sip.Message;

/// <summary>One `;name=value` (or flag `;name`) parameter of a URI or header value; Value is null for a flag.</summary>
public readonly record struct SipParameter(string Name, string? Value)
{
    /// <summary>Writes `name` or `name=value` (no leading separator).</summary>
    public override string ToString() => Value is null ? Name : Name + "=" + Value;
}
