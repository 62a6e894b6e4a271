using Concierge.Csta.Messages;

namespace Concierge.Csta.Session;

/// <summary>How a request ended.</summary>
public enum CstaOutcomeKind
{
    /// <summary>The positive response arrived.</summary>
    Response,
    /// <summary>The peer answered with CSTAErrorCode.</summary>
    Error,
    /// <summary>No answer within the request timeout.</summary>
    Timeout,
    /// <summary>The link went down before the answer came.</summary>
    LinkLost,
    /// <summary>The request was not sent (link not ready, too many pending, cannot be encoded).</summary>
    NotSent,
}

/// <summary>The end of one request: the response, the error, or why there is none.</summary>
public sealed record CstaRequestOutcome(CstaOutcomeKind Kind, CstaResponse? Response, CstaErrorResponse? Error, string Reason)
{
    /// <summary>True for a positive response.</summary>
    public bool IsSuccess => Kind == CstaOutcomeKind.Response;

    internal static CstaRequestOutcome Of(CstaMessage answer) => answer switch
    {
        CstaResponse response => new(CstaOutcomeKind.Response, response, null, "answered"),
        CstaErrorResponse error => new(CstaOutcomeKind.Error, null, error, error.ToString()),
        _ => new(CstaOutcomeKind.NotSent, null, null, $"unexpected answer {answer.GetType().Name}"),
    };

    internal static CstaRequestOutcome Failed(CstaOutcomeKind kind, string reason) => new(kind, null, null, reason);
}
