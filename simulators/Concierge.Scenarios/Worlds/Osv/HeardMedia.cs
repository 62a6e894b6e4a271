using Concierge.Media;
using Concierge.Scenarios.Systems;

namespace Concierge.Scenarios.Worlds.Osv;

/// <summary>What a person hears, told from the media reaching their phone.</summary>
internal static class HeardMedia
{
    /// <summary>The kind of sound and its label: the announcement's name, or the party talking.</summary>
    public static PhoneHearing Of(MediaContent heard) => heard.Kind switch
    {
        MediaKind.Ringback => new(CallerHearing.Ringing, null),
        MediaKind.Music => new(CallerHearing.MusicOnHold, null),
        MediaKind.Announcement or MediaKind.Greeting => new(CallerHearing.Announcement, heard.Label),
        MediaKind.BusyTone => new(CallerHearing.BusyTone, null),
        MediaKind.Voice => new(CallerHearing.Connected, heard.Label),
        _ => new(CallerHearing.Nothing, null),
    };
}
