namespace Concierge.Cps.Engine;

/// <summary>How a CPS process starts: taking calls, or in config mode (no trunk, no calls; it ends only by a restart).</summary>
public enum CpsStartMode
{
    /// <summary>The trunk registers and calls are taken (as the active CPS or a standby).</summary>
    Normal,
    /// <summary>
    /// Config mode (DOMAIN §4): the CPS runs without a working trunk so its configuration can be read, checked and
    /// changed; it does not register, refuses every incoming call and every attendant command. No command leaves it:
    /// only a new start without the mode does.
    /// </summary>
    ConfigMode,
}
