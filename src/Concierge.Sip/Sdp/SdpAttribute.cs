namespace Concierge.Sip.Sdp;

/// <summary>An a= line: `name` (flag) or `name:value`.</summary>
public sealed record SdpAttribute(string Name, string? Value)
{
    /// <summary>Splits an a= value at the first colon.</summary>
    public static SdpAttribute Parse(string value)
    {
        var colon = value.IndexOf(':');
        return colon < 0 ? new SdpAttribute(value, null) : new SdpAttribute(value[..colon], value[(colon + 1)..]);
    }

    /// <summary>The a= value.</summary>
    public override string ToString() => Value is null ? Name : Name + ":" + Value;
}
