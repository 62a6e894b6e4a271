namespace Concierge.Cps.Engine;

/// <summary>What the CPS tells attendant clients about.</summary>
public enum CpsNotificationKind
{
    /// <summary>90 % or more of the processing channels are in use.</summary>
    ChannelAlertRaised,
    /// <summary>Processing channel use fell below 90 %.</summary>
    ChannelAlertCleared,
    /// <summary>A call changed place or state.</summary>
    CallChanged,
    /// <summary>An attendant's state changed.</summary>
    AttendantChanged,
    /// <summary>A paging announcement asks the wanted person to dial a callback number.</summary>
    PagingAnnounced,
    /// <summary>The CPS became active or standby.</summary>
    ActivityChanged,
}

/// <summary>One notification for attendant clients.</summary>
public sealed record CpsNotification(CpsNotificationKind Kind, string Text);
