using Concierge.Cps.Legs;
using Concierge.Media;
using MediaKind = Concierge.Media.MediaKind;

namespace Concierge.Cps.Trunk;

/// <summary>Turns what the engine wants a leg to hear into what the CPS's RTP source sends.</summary>
internal static class MediaMapping
{
    public static MediaContent ToContent(MediaSource source) => source.Kind switch
    {
        Legs.MediaKind.Ringback => MediaContent.Ringback,
        Legs.MediaKind.Music => new MediaContent(MediaKind.Music, source.Name),
        Legs.MediaKind.Announcement => new MediaContent(MediaKind.Announcement, source.Name),
        Legs.MediaKind.Greeting => new MediaContent(MediaKind.Greeting, source.Name),
        Legs.MediaKind.BusyTone => MediaContent.BusyTone,
        _ => MediaContent.Silence,
    };
}
