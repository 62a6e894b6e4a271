using Concierge.Config.Model;
using Concierge.Config.Validation;

namespace Concierge.Cps.Engine;

public sealed partial class CpsEngine
{
    /// <summary>What attendants are told when they try to work on a CPS in config mode.</summary>
    public const string ConfigModeRefusal = "the CPS is in config mode: it takes no calls and no call control until it is restarted without config mode";

    /// <summary>True when this engine was started in config mode; it stays so for its whole life (only a restart ends it).</summary>
    public bool IsInConfigMode { get; }

    /// <summary>Incoming calls refused because the CPS is in config mode (503 to the PBX, which falls back).</summary>
    public long CallsRefusedInConfigMode { get; private set; }

    /// <summary>Attendant commands refused because the CPS is in config mode.</summary>
    public long CommandsRefusedInConfigMode { get; private set; }

    /// <summary>The configuration this engine runs with (readable in every mode).</summary>
    public ConciergeConfig Configuration => _config;

    /// <summary>
    /// Checks <paramref name="candidate"/> (default: the running configuration) with the configuration rules, e.g.
    /// before a changed configuration is applied; works in config mode as in normal operation.
    /// </summary>
    public ValidationReport ValidateConfiguration(ConciergeConfig? candidate = null) => ConfigValidator.Validate(candidate ?? _config);

    /// <summary>True (with the refusal) when the CPS is in config mode and <paramref name="command"/> must not run.</summary>
    private bool RefusedInConfigMode(string command, out CommandResult refused)
    {
        refused = CommandResult.Ok;
        if (!IsInConfigMode) return false;
        CommandsRefusedInConfigMode++;
        Trace($"{command} refused: config mode");
        refused = CommandResult.Refused(ConfigModeRefusal);
        return true;
    }
}
