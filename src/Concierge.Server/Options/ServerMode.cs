namespace Concierge.Server.Options;

/// <summary>Whether the server's CPS starts as the primary (registers, takes calls) or as a standby.</summary>
public enum ServerMode
{
    /// <summary>Registers and takes calls.</summary>
    Primary,

    /// <summary>Watches the primary; takes over when it is lost.</summary>
    Standby,
}
