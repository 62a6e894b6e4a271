namespace Concierge.Scenarios.Load;

/// <summary>What one seed of a load run counted beyond the dispositions.</summary>
/// <param name="Blocked">Calls refused for want of a processing channel (busy disposition).</param>
/// <param name="Answered">Calls with the disposition answered.</param>
/// <param name="Abandoned">Calls the caller hung up on before anyone answered.</param>
/// <param name="Connected">Calls seen talking to a person (attendant or office user).</param>
/// <param name="WaitSeconds">Sum of the waits from dialling until first talking to a person (1 s resolution).</param>
/// <param name="WithinServiceLevel">Connected calls that waited no longer than the profile's service-level target.</param>
/// <param name="PilotArrivals">Calls to a pilot number.</param>
/// <param name="FoundAllAttendantsBusy">Pilot calls that arrived when no working attendant was free (they had to wait).</param>
/// <param name="Operations">Park, hold, transfer, page and retrieve requests the attendants made.</param>
/// <param name="RefusedOperational">Of those, the ones the CPS refused (no operational channel, mostly).</param>
/// <param name="AllocatedBytes">Bytes the run's thread allocated.</param>
/// <param name="MeanProcessingInUse">Processing channels in use on average over the day (the carried traffic, erlangs).</param>
public sealed record LoadMeasures(
    int Blocked,
    int Answered,
    int Abandoned,
    int Connected,
    double WaitSeconds,
    int WithinServiceLevel,
    int PilotArrivals,
    int FoundAllAttendantsBusy,
    int Operations,
    int RefusedOperational,
    long AllocatedBytes,
    double MeanProcessingInUse = 0);
