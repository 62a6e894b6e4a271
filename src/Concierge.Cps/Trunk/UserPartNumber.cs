using Concierge.Config.Numbers;

namespace Concierge.Cps.Trunk;

/// <summary>The E.164 number in a SIP URI's user part ("+49…" or digits without '+'), or null when it is none.</summary>
internal static class UserPartNumber
{
    public static E164Number? Of(string? user)
    {
        if (string.IsNullOrEmpty(user)) return null;
        return E164Number.TryParse(user.StartsWith('+') ? user : "+" + user, out var number) ? number : null;
    }
}
