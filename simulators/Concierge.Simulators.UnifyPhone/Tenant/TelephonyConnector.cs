namespace Concierge.Simulators.UnifyPhone.Tenant;

/// <summary>The telephony connector of the tenant as "Telephony status" shows it (U 2.3): name, type and status.</summary>
public sealed record TelephonyConnector(string Name, string Type)
{
    /// <summary>The status text: "Available" while at least one system's trunk is registered, else "Unavailable".</summary>
    public static string StatusText(bool available) => available ? "Available" : "Unavailable";
}
