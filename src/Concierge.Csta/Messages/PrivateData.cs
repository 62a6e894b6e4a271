namespace Concierge.Csta.Messages;

/// <summary>
/// A message's privateData: the OSV "Private Data Presentation – V8" ONS/OND pair when present, and every other
/// private item kept verbatim (outer XML) so it can be passed on unchanged.
/// </summary>
public sealed record PrivateData(OnsOndPair? OnsOnd, ValueList<string> OtherItems)
{
    /// <summary>Private data holding only an ONS/OND pair.</summary>
    public static PrivateData ForOnsOnd(string ons, string ond) => new(new OnsOndPair(ons, ond), ValueList<string>.Empty);
}

/// <summary>
/// The Unify Phone pair carried in OSV V8 private data: the ONS (the user's one number) and the OND (the device
/// actually used).
/// </summary>
public sealed record OnsOndPair(string Ons, string Ond);
