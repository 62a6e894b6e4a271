namespace Concierge.Sip.Parsing;

/// <summary>What was wrong with a message the parser rejected.</summary>
public enum SipParseErrorKind
{
    /// <summary>No error.</summary>
    None = 0,
    /// <summary>No bytes (or only CRLFs).</summary>
    Empty,
    /// <summary>The message is larger than MaxMessageBytes.</summary>
    MessageTooLarge,
    /// <summary>The request line is malformed (method, spacing, version).</summary>
    BadRequestLine,
    /// <summary>The Request-URI is not a valid URI.</summary>
    BadRequestUri,
    /// <summary>The status line is malformed or the code is outside 100-699.</summary>
    BadStatusLine,
    /// <summary>A header line has no colon, an invalid name, or a bad continuation.</summary>
    BadHeaderLine,
    /// <summary>A header line is longer than MaxHeaderLineBytes.</summary>
    HeaderTooLong,
    /// <summary>More than MaxHeaderCount header lines.</summary>
    TooManyHeaders,
    /// <summary>The header section does not end with an empty line.</summary>
    HeadersNotTerminated,
    /// <summary>Content-Length is not a non-negative number within bounds.</summary>
    BadContentLength,
    /// <summary>Several Content-Length headers with different values.</summary>
    ConflictingContentLength,
    /// <summary>Content-Length is larger than the bytes that follow the headers.</summary>
    BodyTruncated,
}
