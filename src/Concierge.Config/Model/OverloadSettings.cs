using Concierge.Config.Numbers;

namespace Concierge.Config.Model;

/// <summary>A DDI entry's overload handling; <see cref="Destination"/> is required for <see cref="OverloadAction.Forward"/>.</summary>
public sealed record OverloadSettings(OverloadAction Action, E164Number? Destination)
{
    /// <summary>Busy tone on overload.</summary>
    public static readonly OverloadSettings Busy = new(OverloadAction.Busy, null);
}
