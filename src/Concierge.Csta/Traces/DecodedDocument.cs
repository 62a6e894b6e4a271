namespace Concierge.Csta.Traces;

/// <summary>
/// One document found in a trace file: where it starts (file and byte offset), its invoke id when framed, and either
/// the message name with its fields (device numbers as normalised) or why it could not be read.
/// </summary>
public sealed record DecodedDocument(string File, long Offset, int? InvokeId, string? Message, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Error)
{
    /// <summary>True when the document was read but deliberately ignored (an unknown event).</summary>
    public bool Ignored { get; init; }

    /// <summary>True when a message was decoded.</summary>
    public bool IsMessage => Error is null;
}
