namespace Concierge.Cps.Redundancy;

/// <summary>The processes of a Concierge server that matter for application redundancy (C 2.3.1, 2.3.3).</summary>
public enum ServerProcess
{
    /// <summary>The central OpenScape Concierge Service.</summary>
    ConciergeService,
    /// <summary>The PABXLink connector (the CSTA link's process).</summary>
    PabxLinkConnector,
    /// <summary>The PABXLink node; its failure loses the connection to the telephony system.</summary>
    PabxLinkNode,
    /// <summary>The contact center node (only with OSCC).</summary>
    ContactCenterNode,
    /// <summary>The Concierge Provider Service: the CPS itself.</summary>
    ConciergeProviderService,
    /// <summary>Synchronisation between the Concierge configuration database, OSCC and the telephony systems.</summary>
    ConfigSyncServer,
    /// <summary>The CPS worker (only with OSCC).</summary>
    CpsWorker,
    /// <summary>The realtime server (only with OSCC).</summary>
    RealtimeServer,
    /// <summary>The UC node (UC presence states).</summary>
    UcNode,
    /// <summary>The external calendar connection.</summary>
    ExternalCalendarConnector,
    /// <summary>The import of phone book data (contact data provider).</summary>
    ContactDataProvider,
}
