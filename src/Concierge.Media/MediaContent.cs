namespace Concierge.Media;

/// <summary>What one RTP source sends: a kind and, for voices and files, who or which file.</summary>
public sealed record MediaContent(MediaKind Kind, string? Label = null)
{
    /// <summary>No sound.</summary>
    public static readonly MediaContent Silence = new(MediaKind.Silence);

    /// <summary>Ringing tone.</summary>
    public static readonly MediaContent Ringback = new(MediaKind.Ringback);

    /// <summary>Busy tone.</summary>
    public static readonly MediaContent BusyTone = new(MediaKind.BusyTone);

    /// <summary>The voice of the party at <paramref name="number"/>.</summary>
    public static MediaContent VoiceOf(string number) => new(MediaKind.Voice, number);

    /// <inheritdoc />
    public override string ToString() => Label is null ? Kind.ToString() : $"{Kind} {Label}";
}
