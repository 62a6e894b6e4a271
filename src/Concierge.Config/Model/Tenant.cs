namespace Concierge.Config.Model;

/// <summary>A Concierge tenant (C 8.3): routing type, default times, priorities, paging and default announcements.</summary>
public sealed record Tenant(
    string Name,
    RoutingType RoutingType,
    TenantTimes Times,
    CallPriorities Priorities,
    PagingSettings Paging,
    TenantAnnouncements Announcements,
    string? TimeOverflowVariant)
{
    /// <summary>The tenant created at installation.</summary>
    public const string DefaultName = "DEFAULT";

    /// <summary>The manager account created with the tenant (C 8.3).</summary>
    public string ManagerAccount => Name + "\\manager";

    /// <summary>The user account created with the tenant (C 8.3).</summary>
    public string UserAccount => Name + "\\user";
}
