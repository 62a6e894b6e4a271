namespace Concierge.Scenarios.Systems;

/// <summary>An opaque handle on one external call, issued by the caller simulator when a caller dials.</summary>
public readonly record struct CallRef(string Id)
{
    /// <inheritdoc />
    public override string ToString() => Id;
}
