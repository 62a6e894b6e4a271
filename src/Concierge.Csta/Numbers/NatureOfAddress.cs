namespace Concierge.Csta.Numbers;

/// <summary>
/// The nature of address an OpenScape Voice puts on a device identifier (<c>;noa=…</c>): how the digits between
/// <c>N&lt;</c> and <c>&gt;</c> are to be read.
/// </summary>
public enum NatureOfAddress
{
    /// <summary>No noa given, or "unknown" / "nk" (not known): the digits are read as dialled on the PABX.</summary>
    Unknown,
    /// <summary>"international": country code and national number, without '+'.</summary>
    International,
    /// <summary>"national": area code and subscriber number, without the national prefix.</summary>
    National,
    /// <summary>"subscriber": the subscriber number within the PABX's own area.</summary>
    Subscriber,
}
