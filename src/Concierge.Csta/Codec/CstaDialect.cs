namespace Concierge.Csta.Codec;

/// <summary>
/// How one CSTA link writes and reads documents beyond the plain ECMA-323 shapes: the namespace written, whether old
/// editions are read, how device identifiers are spelled on the wire, and the extra elements an OpenScape Voice puts
/// on its events. Immutable; the default is plain edition 3 with identifiers as given.
/// </summary>
public sealed record CstaDialect
{
    /// <summary>Plain edition 3, identifiers as given, edition 2 and namespace-less documents refused.</summary>
    public static CstaDialect Standard { get; } = new();

    /// <summary>The CSTA namespace documents are written in.</summary>
    public string WrittenNamespace { get; init; } = CstaNamespace.Edition3;

    /// <summary>
    /// Lenient link: documents in the edition 2 namespace or without a namespace are read too (otherwise they are
    /// refused with the reason and counted).
    /// </summary>
    public bool Lenient { get; init; }

    /// <summary>Applied to every device identifier read (e.g. an OSV <c>N&lt;…&gt;;noa=…</c> to "+49…"); null: as read.</summary>
    public Func<string, string>? ReadDevice { get; init; }

    /// <summary>Applied to every device identifier written (e.g. "+49…" to <c>N&lt;49…&gt;;noa=international</c>); null: as given.</summary>
    public Func<string, string>? WriteDevice { get; init; }

    /// <summary>
    /// Write what an OpenScape Voice adds to its call events: servicesPermitted, mediaCallCharacteristics,
    /// callCharacteristics and correlatorData after the standard fields, and private data (with an scx element) inside
    /// <c>extensions</c>.
    /// </summary>
    public bool WriteOsvExtras { get; init; }

    /// <summary>Names the first setting that cannot work, or null.</summary>
    public string? Problem() =>
        CstaNamespace.EditionOf(WrittenNamespace) is null or < 3 ? $"written namespace '{WrittenNamespace}' is not an ECMA-323 edition 3 or later namespace" : null;
}
