using Concierge.Sip.Message;
using Concierge.Sip.Transport;

namespace Concierge.Sip.UserAgent;

/// <summary>How a <see cref="SipUserAgent"/> presents itself and behaves.</summary>
public sealed record SipUserAgentOptions
{
    /// <summary>User part of our Contact and default From.</summary>
    public string UserName { get; init; } = "concierge";

    /// <summary>Host of our default From (default: the transport's advertised host).</summary>
    public string? Domain { get; init; }

    /// <summary>Display name of the default From.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Transport for requests whose URI names none.</summary>
    public SipTransportProtocol DefaultProtocol { get; init; } = SipTransportProtocol.Udp;

    /// <summary>Every request without an explicit destination goes here (outbound proxy), when set.</summary>
    public SipEndPoint? OutboundProxy { get; init; }

    /// <summary>Turns a URI whose host is a name into an end point; default only IP literals are routable.</summary>
    public Func<SipUri, SipEndPoint?>? Resolve { get; init; }

    /// <summary>Session timers (RFC 4028).</summary>
    public SipSessionTimerOptions SessionTimer { get; init; } = new();

    /// <summary>
    /// When a peer that sends us requests (a PBX's keep-alive OPTIONS, for one) is silent for longer than this and
    /// then heard again, every established dialog with it is probed with an in-dialog OPTIONS: a peer that took us for
    /// dead may have cleared those calls with a BYE we never got, and its 481 ends them here too. Null: off.
    /// </summary>
    public TimeSpan? DialogAuditAfterSilence { get; init; }

    /// <summary>User-Agent / Server header value.</summary>
    public string Product { get; init; } = "Concierge";

    /// <summary>Send 180 Ringing automatically on every incoming INVITE.</summary>
    public bool AutoRing { get; init; }

    /// <summary>Give up on an outgoing INVITE that got a provisional but no final response after this long (CANCEL).</summary>
    public TimeSpan? NoAnswerTimeout { get; init; }

    /// <summary>
    /// One INVITE transaction at a time per dialog (RFC 3261 §14.1) without refusals: a re-offer made while an offer
    /// is outstanding or our 2xx awaits its ACK waits and is sent once the dialog is free (the newest offer wins).
    /// Off: such a re-offer is refused (Reoffer returns false).
    /// </summary>
    public bool QueueReoffers { get; init; }

    /// <summary>Credentials for 401/407 challenges to our INVITEs (digest, RFC 2617 / RFC 8760).</summary>
    public Auth.SipCredentials? Credentials { get; init; }

    /// <summary>Methods we list in Allow.</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } =
        [SipMethod.Invite, SipMethod.Ack, SipMethod.Cancel, SipMethod.Bye, SipMethod.Options, SipMethod.Update,
         SipMethod.Refer, SipMethod.Notify, SipMethod.Info];
}
