using Concierge.Sip.Message;

namespace Concierge.Sip.Validation;

/// <summary>What the element supports; the validator answers everything else with the RFC 3261 status.</summary>
public sealed record SipValidatorOptions
{
    /// <summary>Defaults for a user agent.</summary>
    public static SipValidatorOptions Endpoint { get; } = new();

    /// <summary>The role that decides which checks apply.</summary>
    public SipValidatorRole Role { get; init; } = SipValidatorRole.Endpoint;

    /// <summary>Methods the element handles (Allow header of 405/501).</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } =
    [
        SipMethod.Invite, SipMethod.Ack, SipMethod.Bye, SipMethod.Cancel, SipMethod.Options, SipMethod.Info,
        SipMethod.Update, SipMethod.Refer, SipMethod.Notify, SipMethod.Subscribe, SipMethod.Prack, SipMethod.Message,
    ];

    /// <summary>Option tags accepted in Require (endpoint) or Proxy-Require (proxy).</summary>
    public IReadOnlyList<string> SupportedExtensions { get; init; } = ["timer", "replaces"];

    /// <summary>URI schemes accepted in the Request-URI.</summary>
    public IReadOnlyList<string> UriSchemes { get; init; } = ["sip", "sips", "tel"];

    /// <summary>Body types the element understands (`type/subtype`).</summary>
    public IReadOnlyList<string> AcceptedContentTypes { get; init; } =
        ["application/sdp", "message/sipfrag", "application/dtmf-relay", "text/plain"];

    /// <summary>Content codings the element understands.</summary>
    public IReadOnlyList<string> AcceptedContentEncodings { get; init; } = ["identity"];

    /// <summary>Agent name written in Warning headers.</summary>
    public string WarningAgent { get; init; } = "concierge";
}
