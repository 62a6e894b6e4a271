namespace Concierge.Scenarios.Systems;

/// <summary>Main and standby Concierge servers (topology `osv-standby`).</summary>
public interface IServerRedundancy
{
    /// <summary>The main server goes down.</summary>
    void FailMainServer();

    /// <summary>The operator's manual switch back to the primary server.</summary>
    void SwitchBackToPrimary();

    /// <summary>True when the standby CPS has taken over.</summary>
    bool StandbyActive { get; }

    /// <summary>The host name of the server whose CPS is active.</summary>
    string ActiveServer { get; }
}
