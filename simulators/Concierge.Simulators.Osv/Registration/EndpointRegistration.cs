using System.Net;

namespace Concierge.Simulators.Osv.Registration;

/// <summary>A dynamic endpoint's registration: where it is reachable until when, and whether the switch deactivated it.</summary>
public sealed record EndpointRegistration(string Endpoint, string RegisterId, IPEndPoint Contact, DateTimeOffset ExpiresAt, TimeSpan Interval, string Node);
