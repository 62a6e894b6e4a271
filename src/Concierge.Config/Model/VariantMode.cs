namespace Concierge.Config.Model;

/// <summary>What a night or time overflow variant does with a call (C 8.7).</summary>
public enum VariantMode
{
    /// <summary>Busy tone.</summary>
    Busy,

    /// <summary>Play the variant's announcement, then clear the call.</summary>
    Announcement,

    /// <summary>Forward the call to the variant's destination.</summary>
    Forwarding,
}
