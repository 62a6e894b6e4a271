using System.Globalization;

namespace Concierge.Sip.Sdp;

/// <summary>The o= line: username, session id, session version, network type, address type, address.</summary>
public sealed record SdpOrigin(string UserName, ulong SessionId, ulong SessionVersion, string NetworkType, string AddressType, string Address)
{
    /// <summary>Creates an IN IP4 origin.</summary>
    public static SdpOrigin Create(string userName, ulong sessionId, ulong sessionVersion, string address) =>
        new(userName, sessionId, sessionVersion, "IN", address.Contains(':') ? "IP6" : "IP4", address);

    /// <summary>A copy with the version incremented (every changed offer, RFC 3264 §8).</summary>
    public SdpOrigin NextVersion() => this with { SessionVersion = SessionVersion + 1 };

    /// <summary>Parses the value of an o= line.</summary>
    public static bool TryParse(string value, out SdpOrigin? origin)
    {
        origin = null;
        var parts = value.Split(' ');
        if (parts.Length != 6 || parts.Any(p => p.Length == 0)
            || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }
        origin = new SdpOrigin(parts[0], id, version, parts[3], parts[4], parts[5]);
        return true;
    }

    /// <summary>The o= value.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{UserName} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}");
}
