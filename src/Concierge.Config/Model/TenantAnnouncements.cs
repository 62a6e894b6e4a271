namespace Concierge.Config.Model;

/// <summary>A tenant's default announcements for pilot numbers and personal lines (C 8.6); each names a registered announcement.</summary>
public sealed record TenantAnnouncements(string MusicOnHold, string? StartAnnouncement, string? NumberNotInService, string? NotAvailable);
