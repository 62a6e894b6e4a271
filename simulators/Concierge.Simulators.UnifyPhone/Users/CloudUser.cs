namespace Concierge.Simulators.UnifyPhone.Users;

/// <summary>
/// A Unify Phone user of the tenant: e-mail (the key), names and locale; once an OpenScape Business user instance is
/// assigned to it, the trunk of that system and the phone number the trunk reaches it by.
/// </summary>
public sealed record CloudUser(string EmailAddress, string FirstName, string LastName, string Locale)
{
    /// <summary>The trunk (of one OpenScape Business system) the user's calls run on, or null while unassigned.</summary>
    public string? Trunk { get; init; }

    /// <summary>The number the trunk addresses the user by (E.164 with + for international numbering, else the short number).</summary>
    public string? PhoneNumber { get; init; }
}
