namespace Concierge.Csta.Session;

/// <summary>Where the client link is in its life.</summary>
public enum CstaLinkState
{
    /// <summary>Not started, or stopped.</summary>
    Stopped,
    /// <summary>TCP connect in progress.</summary>
    Connecting,
    /// <summary>Connected; SystemRegister sent, waiting for the answer.</summary>
    Registering,
    /// <summary>Registered: requests flow, monitors are (re)started, heartbeats run.</summary>
    Ready,
    /// <summary>The link is down; waiting for the backoff delay before the next connect.</summary>
    WaitingToReconnect,
}
