namespace Concierge.Cps.Channels;

/// <summary>The two uses of CPS trunk channels (C 6.3.1.3).</summary>
public enum ChannelKind
{
    /// <summary>Holds calls in pilot and personal queues, parking, transfer and paging.</summary>
    Processing,
    /// <summary>Short use by attendants to take calls out of the CPS and put them back.</summary>
    Operational,
}
