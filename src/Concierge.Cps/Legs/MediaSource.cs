namespace Concierge.Cps.Legs;

/// <summary>What kind of sound the CPS plays to a leg.</summary>
public enum MediaKind
{
    /// <summary>Nothing.</summary>
    Silence,
    /// <summary>Ringing tone.</summary>
    Ringback,
    /// <summary>A looping music file.</summary>
    Music,
    /// <summary>An announcement file, played once.</summary>
    Announcement,
    /// <summary>A personal greeting, played to caller and attendant before connecting.</summary>
    Greeting,
    /// <summary>Busy tone.</summary>
    BusyTone,
}

/// <summary>What the CPS plays to a leg: a kind and, for files, the registered announcement's name.</summary>
public sealed record MediaSource(MediaKind Kind, string? Name = null)
{
    /// <summary>No sound.</summary>
    public static readonly MediaSource Silence = new(MediaKind.Silence);

    /// <summary>Ringing tone.</summary>
    public static readonly MediaSource Ringback = new(MediaKind.Ringback);

    /// <summary>Busy tone.</summary>
    public static readonly MediaSource BusyTone = new(MediaKind.BusyTone);

    /// <summary>Music on hold from a registered file.</summary>
    public static MediaSource Music(string name) => new(MediaKind.Music, name);

    /// <summary>An announcement from a registered file.</summary>
    public static MediaSource Announcement(string name) => new(MediaKind.Announcement, name);

    /// <inheritdoc />
    public override string ToString() => Name is null ? Kind.ToString() : $"{Kind} \"{Name}\"";
}
