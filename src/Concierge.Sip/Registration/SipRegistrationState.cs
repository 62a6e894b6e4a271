namespace Concierge.Sip.Registration;

/// <summary>Where a registration client is.</summary>
public enum SipRegistrationState
{
    /// <summary>Not started, or unregistered.</summary>
    Idle,
    /// <summary>Resolving the registrar or waiting for a REGISTER's answer.</summary>
    Registering,
    /// <summary>Bound at a registrar until the granted expiry.</summary>
    Registered,
    /// <summary>Every server failed; retrying after a pause.</summary>
    Failed,
    /// <summary>Sending REGISTER with Expires: 0.</summary>
    Unregistering,
}
