namespace Concierge.Csta.Messages;

/// <summary>
/// A message's privateData: the OSV "Private Data Presentation – V8" ONS/OND pair when present, and every other
/// private item kept verbatim (outer XML) so it can be passed on unchanged. An OSV whose CSTA application has the V8
/// flag puts the pair on the MonitorStartResponse and the call events of a Unify Phone ONS device.
/// </summary>
public sealed record PrivateData(OnsOndPair? OnsOnd, ValueList<string> OtherItems)
{
    /// <summary>Private data holding only an ONS/OND pair.</summary>
    public static PrivateData ForOnsOnd(string ons, string ond) => new(new OnsOndPair(ons, ond), ValueList<string>.Empty);
}

/// <summary>
/// The Unify Phone pair carried in OSV V8 private data: the ONS (the user's one number, the monitored device) and the
/// OND (the device actually used). Its presence is the flag "this device is a Unify Phone ONS". Both are device
/// numbers (optional '+', digits) and differ; the codec refuses to write or read anything else.
/// </summary>
public sealed record OnsOndPair(string Ons, string Ond);
