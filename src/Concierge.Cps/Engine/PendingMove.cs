using Concierge.Config.Numbers;
using Concierge.Cps.Calls;

namespace Concierge.Cps.Engine;

/// <summary>An attendant's call on its way into the processing queue over a request number.</summary>
internal sealed record PendingMove(CpsCall Call, ProcessingState Intent, E164Number? Target, E164Number Attendant, ITimer Timeout);
