namespace Concierge.Sip.Sdp;

/// <summary>The c= line: network type, address type and connection address.</summary>
public sealed record SdpConnection(string NetworkType, string AddressType, string Address)
{
    /// <summary>Creates an IN IP4/IP6 connection.</summary>
    public static SdpConnection Create(string address) => new("IN", address.Contains(':') ? "IP6" : "IP4", address);

    /// <summary>True for the RFC 2543 hold address 0.0.0.0.</summary>
    public bool IsNullAddress => Address is "0.0.0.0" or "::";

    /// <summary>Parses the value of a c= line.</summary>
    public static bool TryParse(string value, out SdpConnection? connection)
    {
        var parts = value.Split(' ');
        connection = parts.Length == 3 && parts.All(p => p.Length > 0) ? new SdpConnection(parts[0], parts[1], parts[2]) : null;
        return connection is not null;
    }

    /// <summary>The c= value.</summary>
    public override string ToString() => $"{NetworkType} {AddressType} {Address}";
}
