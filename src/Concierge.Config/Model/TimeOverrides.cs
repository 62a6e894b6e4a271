namespace Concierge.Config.Model;

/// <summary>Per-DDI-entry replacements for some of the tenant's times; a null keeps the tenant's value.</summary>
public sealed record TimeOverrides(TimeSpan? MaxTransferTime, TimeSpan? MaxTimeInIncomingQueue, TimeSpan? RnaTimeout, TimeSpan? RingTime)
{
    /// <summary>No overrides.</summary>
    public static readonly TimeOverrides None = new(null, null, null, null);

    /// <summary>The tenant's times with these overrides applied.</summary>
    public TenantTimes ApplyTo(TenantTimes tenant) => new(
        MaxTransferTime ?? tenant.MaxTransferTime,
        MaxTimeInIncomingQueue ?? tenant.MaxTimeInIncomingQueue,
        RnaTimeout ?? tenant.RnaTimeout,
        RingTime ?? tenant.RingTime);
}
