namespace Concierge.Config.Model;

/// <summary>A tenant's default call-handling times (C 8.3.3); DDI entries may override each one.</summary>
/// <param name="MaxTransferTime">How long the CPS rings a transfer target before the call stays in the processing queue.</param>
/// <param name="MaxTimeInIncomingQueue">How long a call waits in the caller queue before the time overflow variant applies.</param>
/// <param name="RnaTimeout">How long a pushed call rings at an attendant before the CPS takes it back.</param>
/// <param name="RingTime">How long the caller hears ringing before the CPS answers.</param>
public sealed record TenantTimes(TimeSpan MaxTransferTime, TimeSpan MaxTimeInIncomingQueue, TimeSpan RnaTimeout, TimeSpan RingTime);
