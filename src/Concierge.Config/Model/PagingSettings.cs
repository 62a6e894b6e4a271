namespace Concierge.Config.Model;

/// <summary>A tenant's paging: the announcement played while a parked call is paged, and how many calls may be parked for paging.</summary>
public sealed record PagingSettings(bool Enabled, string? Announcement, int MaxParkedCalls)
{
    /// <summary>Paging switched off.</summary>
    public static readonly PagingSettings Off = new(false, null, 0);
}
