namespace Concierge.Scenarios.Faults;

/// <summary>Impairments applied to one network link: latency and jitter, loss, duplication and reordering in percent.</summary>
public sealed record LinkFaults(TimeSpan Latency, TimeSpan Jitter, double LossPercent, double DuplicatePercent, double ReorderPercent);
