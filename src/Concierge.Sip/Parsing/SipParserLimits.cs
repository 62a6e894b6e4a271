namespace Concierge.Sip.Parsing;

/// <summary>Bounds the parser enforces; a message over any bound is rejected.</summary>
public sealed record SipParserLimits
{
    /// <summary>Defaults: 64 KiB message, 128 header lines, 8 KiB per header line (after unfolding).</summary>
    public static SipParserLimits Default { get; } = new();

    /// <summary>Maximum bytes of a whole message (start line, headers and body).</summary>
    public int MaxMessageBytes { get; init; } = 65535;

    /// <summary>Maximum number of header lines.</summary>
    public int MaxHeaderCount { get; init; } = 128;

    /// <summary>Maximum bytes of one header line including continuation lines, and of the start line.</summary>
    public int MaxHeaderLineBytes { get; init; } = 8192;
}
