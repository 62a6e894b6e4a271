namespace Concierge.Config.Model;

/// <summary>The kind of a registered wave file (C 8.6).</summary>
public enum AnnouncementType
{
    /// <summary>Music played to waiting callers.</summary>
    MusicOnHold,

    /// <summary>A spoken announcement.</summary>
    Announcement,

    /// <summary>A dialog prompt.</summary>
    Dialog,
}
