namespace Concierge.Config.Model;

/// <summary>A wave file registered for a tenant (C 8.6): its playing time, and whether it repeats until stopped.</summary>
public sealed record Announcement(string Name, AnnouncementType Type, string Tenant, string File, TimeSpan? Duration, bool Loops);
