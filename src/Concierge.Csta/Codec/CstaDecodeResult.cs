using Concierge.Csta.Messages;

namespace Concierge.Csta.Codec;

/// <summary>The outcome of decoding one CSTA XML document: a message, or an error saying why not.</summary>
public readonly record struct CstaDecodeResult(CstaMessage? Message, string? Error, string? RootElement)
{
    /// <summary>True when <see cref="Message"/> is set.</summary>
    public bool IsSuccess => Message is not null;

    /// <summary>
    /// Set when the message was read but a private data element it carried was malformed and dropped (the OSV V8
    /// element, say): the message stands without it.
    /// </summary>
    public string? PrivateDataRejection { get; init; }

    /// <summary>
    /// True when the document was read but deliberately not turned into a message: an event this codec does not know
    /// (CallInformationEvent, say). Not an error; <see cref="Error"/> says what was ignored.
    /// </summary>
    public bool Ignored { get; init; }

    /// <summary>True when the document was refused for its namespace (edition 2 or none on a strict link, or a foreign one).</summary>
    public bool NamespaceRejected { get; init; }

    /// <summary>An event of an unknown type, read and ignored.</summary>
    public static CstaDecodeResult IgnoredEvent(string rootElement) =>
        new(null, $"unknown event '{rootElement}' ignored", rootElement) { Ignored = true };

    /// <summary>A decoded message.</summary>
    public static CstaDecodeResult Success(CstaMessage message, string rootElement) => new(message, null, rootElement);

    /// <summary>A refusal with a reason; <paramref name="rootElement"/> is the message name when it was read.</summary>
    public static CstaDecodeResult Failure(string error, string? rootElement = null) => new(null, error, rootElement);
}
