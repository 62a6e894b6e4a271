namespace Concierge.Media;

/// <summary>What kind of sound an RTP source sends.</summary>
public enum MediaKind
{
    /// <summary>Nothing (silence, or no stream).</summary>
    Silence,
    /// <summary>A person's voice: the party named by the label (a full number).</summary>
    Voice,
    /// <summary>Music on hold from the file named by the label.</summary>
    Music,
    /// <summary>An announcement from the file named by the label.</summary>
    Announcement,
    /// <summary>A personal greeting from the file named by the label.</summary>
    Greeting,
    /// <summary>Ringing tone.</summary>
    Ringback,
    /// <summary>Busy tone.</summary>
    BusyTone,
}
