using Concierge.Csta.Messages;

namespace Concierge.Csta.Session;

/// <summary>A request awaiting its answer: what was asked, who to tell, and its timeout timer.</summary>
internal sealed class PendingRequest(CstaRequest request, Action<CstaRequestOutcome> onOutcome, long sequence)
{
    public CstaRequest Request { get; } = request;

    public Action<CstaRequestOutcome> OnOutcome { get; } = onOutcome;

    /// <summary>Distinguishes this request from a later one that reuses the invoke id.</summary>
    public long Sequence { get; } = sequence;

    public ITimer? Timer { get; set; }
}
