namespace Concierge.Scenarios.Systems;

/// <summary>What a caller hears right now.</summary>
public enum CallerHearing
{
    /// <summary>Nothing: not yet connected anywhere, or the call has ended.</summary>
    Nothing,
    /// <summary>Ringing tone.</summary>
    Ringing,
    /// <summary>Music on hold.</summary>
    MusicOnHold,
    /// <summary>Busy tone.</summary>
    BusyTone,
    /// <summary>An announcement (named in <see cref="CallerView.Announcement"/>).</summary>
    Announcement,
    /// <summary>Talking to a party (named in <see cref="CallerView.ConnectedTo"/>).</summary>
    Connected,
}
