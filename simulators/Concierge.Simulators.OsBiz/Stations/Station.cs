namespace Concierge.Simulators.OsBiz.Stations;

/// <summary>A station of the system with its internal call number.</summary>
public sealed record Station(string CallNumber, StationKind Kind, string Name);
