using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>
/// A night variant or time overflow variant (one table in C 8.7): Busy, Announcement (with <see cref="Announcement"/>)
/// or Forwarding (with <see cref="ForwardingDestination"/>).
/// </summary>
public sealed record NightVariant(string Name, VariantMode Mode, string Tenant, string? Announcement, E164Number? ForwardingDestination);
