using Concierge.Cps.Records;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>
/// What the CPS knows of a caller's latest call: its disposition once ended (null while live), and for a live call
/// whether the engine holding it is no longer running.
/// </summary>
public readonly record struct CpsSideOfCall(CallDisposition? Disposition, bool Orphaned);
