namespace Concierge.Config.Model;

/// <summary>
/// A standby CPS (C 2.3, 4.4.2): the standby calls the loop number every <see cref="LoopInterval"/> and becomes active
/// after <see cref="LoopCallsMissedBeforeTakeover"/> loop calls in a row without loop-back.
/// </summary>
public sealed record StandbySettings(
    string PrimaryServer,
    string PrimaryHost,
    string StandbyServer,
    string StandbyHost,
    TimeSpan LoopInterval,
    int LoopCallsMissedBeforeTakeover);
